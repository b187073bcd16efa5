import {
  ACTION_ROWS,
  MOVE_LABELS,
  RECORD_LABELS,
  REFLECTION_LABEL,
  REVIEW_LABELS,
  REVIEW_OUTCOME_CHOICES,
  actionDueField,
  actionDueLabel,
  actionField,
  actionLabel,
  meetingHeadline,
} from '../wording/mentoring';
import type { MentoringActionView, MentoringMeetingView, MentoringRecordSummary, ProgressReviewView } from '../views/mentoring';
import type { CardContent } from './card-content';
import { compact, execute, facts, fieldError, heading, noticeBox, subheading, subtle, text, type AdaptiveAction, type AdaptiveElement } from './elements';

type FormView = { values?: Record<string, string>; errors?: Record<string, string> };

/** An input with the server's message under it, and the person's kept value in it. */
function field(view: FormView, input: AdaptiveElement & { id: string }): AdaptiveElement[] {
  const kept = view.values?.[input.id];
  const error = view.errors?.[input.id];
  return compact([kept !== undefined ? ({ ...input, value: kept } as AdaptiveElement) : input, error !== undefined && fieldError(error)]);
}

function recordBody(record: MentoringRecordSummary): AdaptiveElement[] {
  return compact([
    facts(record.facts),
    record.actions.length > 0 && subheading('Actions agreed'),
    ...record.actions.map((a) => text(`${a.done ? '✓ ' : ''}${a.text} (${a.dueText}${a.done ? ', done' : ''})`, { wrap: true })),
    record.reflection !== undefined && subheading('Reflection'),
    record.reflection !== undefined && text(record.reflection, { wrap: true }),
  ]);
}

function recordInputs(view: MentoringMeetingView): AdaptiveElement[] {
  const rows: AdaptiveElement[] = [];
  for (let row = 1; row <= ACTION_ROWS; row++) {
    rows.push(
      ...field(view, { type: 'Input.Text', id: actionField(row), label: actionLabel(row), maxLength: 500 }),
      ...field(view, { type: 'Input.Date', id: actionDueField(row), label: actionDueLabel(row) }),
    );
  }
  return [
    ...field(view, { type: 'Input.Date', id: 'heldOn', label: RECORD_LABELS.heldOn, isRequired: true, errorMessage: 'Choose the day.' }),
    ...field(view, { type: 'Input.Text', id: 'focus', label: RECORD_LABELS.focus, isRequired: true, errorMessage: 'Say what it was about.', maxLength: 300, value: view.focus }),
    ...field(view, { type: 'Input.Text', id: 'wentWell', label: RECORD_LABELS.wentWell, isMultiline: true, maxLength: 2000 }),
    ...rows,
    ...field(view, { type: 'Input.Date', id: 'nextMeetingOn', label: RECORD_LABELS.nextMeetingOn }),
    ...field(view, { type: 'Input.Text', id: 'minutes', label: RECORD_LABELS.minutes, maxLength: 3, value: '60' }),
  ];
}

function meetingActions(view: MentoringMeetingView): AdaptiveAction[] {
  const ids = { mentoringMeetingId: view.mentoringMeetingId };
  if (view.state === 'done') return [];
  switch (view.stage) {
    case 'reminder':
      return compact([view.viewer === 'mentor' && execute('Record the meeting', 'mentoring.record.open', ids, { style: 'positive' }), execute('Move to another week', 'mentoring.move.open', ids)]);
    case 'record-form':
      return [execute('Save the record', 'mentoring.record.submit', ids, { style: 'positive', withInputs: true })];
    case 'move-form':
      return [execute('Move it', 'mentoring.move.submit', ids, { style: 'positive', withInputs: true })];
    case 'record':
      return view.viewer === 'mentee' ? [execute('Save my reflection', 'mentoring.reflect.submit', ids, { style: 'positive', withInputs: true })] : [];
  }
}

export function mentoringMeetingCard(view: MentoringMeetingView): CardContent {
  const open = view.state === 'open';
  return {
    body: compact([
      heading(view.title),
      subtle(view.weekText),
      view.notice && noticeBox(view.notice),
      view.stage !== 'record' && text(`Focus: ${view.focus}`, { wrap: true }),
      ...(view.moveLines ?? []).map((line) => subtle(line)),
      ...(view.record ? recordBody(view.record) : []),
      ...(open && view.stage === 'record-form' ? recordInputs(view) : []),
      ...(open && view.stage === 'move-form'
        ? [
            ...field(view, { type: 'Input.Date', id: 'toWeek', label: MOVE_LABELS.toWeek, isRequired: true, errorMessage: 'Choose a day in the week.' }),
            ...field(view, { type: 'Input.Text', id: 'reason', label: MOVE_LABELS.reason, isRequired: true, errorMessage: 'Say why.', maxLength: 300 }),
          ]
        : []),
      ...(open && view.stage === 'record' && view.viewer === 'mentee' ? field(view, { type: 'Input.Text', id: 'reflection', label: REFLECTION_LABEL, isMultiline: true, isRequired: true, errorMessage: 'Write a line or two.', maxLength: 2000 }) : []),
    ]),
    actions: meetingActions(view),
    summary: meetingHeadline(view),
  };
}

export function mentoringActionCard(view: MentoringActionView): CardContent {
  return {
    body: compact([
      text(view.overdue ? 'Overdue' : 'Due now', { isSubtle: true, weight: 'Bolder', color: view.overdue ? 'Attention' : 'Default' }),
      text(view.text, { size: 'Medium', weight: 'Bolder', wrap: true }),
      subtle(`${view.dueText} · ${view.agreedText}`),
      view.notice && noticeBox(view.notice),
      view.done && !view.notice && noticeBox({ tone: 'good', text: 'Done. Thank you!' }),
    ]),
    actions: view.done ? [] : [execute('Mark it done', 'mentoring.action.done', { mentoringMeetingId: view.mentoringMeetingId, mentoringActionId: view.mentoringActionId }, { style: 'positive' })],
    summary: `${view.overdue ? 'Overdue' : 'Due'}: ${view.text}`,
  };
}

export function progressReviewCard(view: ProgressReviewView): CardContent {
  const open = view.state === 'open' && view.stage === 'prompt';
  const ids = { menteeId: view.menteeId, reviewTerm: view.reviewTerm };
  return {
    body: compact([
      heading(view.stage === 'at-risk' ? `At risk: ${view.menteeName}` : `Progress review: ${view.menteeName}`),
      subtle(view.termText),
      view.notice && noticeBox(view.notice),
      facts(view.facts),
      view.reflections.length > 0 && subheading('Their reflections'),
      ...view.reflections.map((r) => text(`${r.whenText}: ${r.text}`, { wrap: true })),
      view.recorded && facts([
        { label: 'Outcome', value: view.recorded.outcomeText },
        { label: 'Summary', value: view.recorded.summary },
        { label: 'Recorded by', value: view.recorded.byText },
      ]),
      ...(open
        ? [
            ...field(view, { type: 'Input.ChoiceSet', id: 'outcome', label: REVIEW_LABELS.outcome, style: 'expanded', isRequired: true, errorMessage: 'Choose one.', choices: REVIEW_OUTCOME_CHOICES.map((c) => ({ title: c.label, value: c.value })) }),
            ...field(view, { type: 'Input.Text', id: 'summary', label: REVIEW_LABELS.summary, isMultiline: true, isRequired: true, errorMessage: 'Please write a summary.', maxLength: 3000 }),
          ]
        : []),
    ]),
    actions: open ? [execute('Record the review', 'review.submit', ids, { style: 'positive', withInputs: true })] : [],
    summary: view.stage === 'at-risk' ? `At risk: ${view.menteeName}'s progress review (${view.termText})` : `Progress review due: ${view.menteeName} (${view.termText})`,
  };
}
