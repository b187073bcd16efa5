import type { KnownBlock } from '@slack/types';
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
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, fields, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

type FormView = { values?: Record<string, string>; errors?: Record<string, string> };
const errorOf = (view: FormView, id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
const datepicker = (value: string | undefined) => ({ type: 'datepicker' as const, action_id: FIELD_ACTION_ID, ...(value ? { initial_date: value } : {}) });

function recordBlocks(record: MentoringRecordSummary): KnownBlock[] {
  const blocks: KnownBlock[] = [fields(record.facts)];
  if (record.actions.length > 0) blocks.push(section(`*Actions agreed*\n${record.actions.map((a) => `${a.done ? ':white_check_mark:' : '•'} ${escapeMrkdwn(a.text)} (${escapeMrkdwn(a.dueText)})`).join('\n')}`));
  if (record.reflection !== undefined) blocks.push(section(`*Reflection*\n${escapeMrkdwn(record.reflection)}`));
  return blocks;
}

/** As a message: the reminder with its buttons, or the record (the mentee's button opens the reflection modal). */
export function mentoringMeetingBlocks(view: MentoringMeetingView): KnownBlock[] {
  const ids = { mentoringMeetingId: view.mentoringMeetingId };
  const blocks: KnownBlock[] = [header(view.title), context(escapeMrkdwn(view.weekText))];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.stage !== 'record') blocks.push(section(`*Focus:* ${escapeMrkdwn(view.focus)}`));
  for (const line of view.moveLines ?? []) blocks.push(context(escapeMrkdwn(line)));
  if (view.record) blocks.push(...recordBlocks(view.record));
  if (view.state === 'done') return blocks;
  if (view.stage === 'record') {
    if (view.viewer === 'mentee') blocks.push(actions([button('Add your reflection', { verb: 'mentoring.reflect.open', ...ids }, { style: 'primary' })]));
    return blocks;
  }
  const buttons = [
    ...(view.viewer === 'mentor' ? [button('Record the meeting', { verb: 'mentoring.record.open', ...ids }, { style: 'primary' })] : []),
    button('Move to another week', { verb: 'mentoring.move.open', ...ids }),
  ];
  return [...blocks, actions(buttons, `meeting:${view.mentoringMeetingId}`)];
}

const MODAL_TITLE = { 'record-form': 'Record the meeting', 'move-form': 'Move the meeting', record: 'Your reflection', reminder: 'Mentoring meeting' } as const;
const SUBMIT_LABEL = { 'record-form': 'Save', 'move-form': 'Move it', record: 'Save', reminder: 'Close' } as const;
export const MEETING_SUBMIT_VERB = { 'record-form': 'mentoring.record.submit', 'move-form': 'mentoring.move.submit', record: 'mentoring.reflect.submit', reminder: 'mentoring.record.submit' } as const;

function formInputs(view: MentoringMeetingView): KnownBlock[] {
  const v = (id: string) => view.values?.[id];
  if (view.stage === 'move-form') {
    return [
      inputBlock('toWeek', MOVE_LABELS.toWeek, datepicker(v('toWeek')), { optional: false, ...errorOf(view, 'toWeek') }),
      inputBlock('reason', MOVE_LABELS.reason, textInput(v('reason'), 300, false), { optional: false, ...errorOf(view, 'reason') }),
    ];
  }
  if (view.stage === 'record') return [inputBlock('reflection', REFLECTION_LABEL, textInput(v('reflection'), 2000, true), { optional: false, ...errorOf(view, 'reflection') })];
  const blocks: KnownBlock[] = [
    inputBlock('heldOn', RECORD_LABELS.heldOn, datepicker(v('heldOn')), { optional: false, ...errorOf(view, 'heldOn') }),
    inputBlock('focus', RECORD_LABELS.focus, textInput(v('focus') ?? view.focus, 300, false), { optional: false, ...errorOf(view, 'focus') }),
    inputBlock('wentWell', RECORD_LABELS.wentWell, textInput(v('wentWell'), 2000, true), { optional: true, ...errorOf(view, 'wentWell') }),
  ];
  for (let row = 1; row <= ACTION_ROWS; row++) {
    blocks.push(
      inputBlock(actionField(row), actionLabel(row), textInput(v(actionField(row)), 500, false), { optional: true, ...errorOf(view, actionField(row)) }),
      inputBlock(actionDueField(row), actionDueLabel(row), datepicker(v(actionDueField(row))), { optional: true, ...errorOf(view, actionDueField(row)) }),
    );
  }
  blocks.push(
    inputBlock('nextMeetingOn', RECORD_LABELS.nextMeetingOn, datepicker(v('nextMeetingOn')), { optional: true, ...errorOf(view, 'nextMeetingOn') }),
    inputBlock('minutes', RECORD_LABELS.minutes, textInput(v('minutes') ?? '60', 3, false), { optional: true, ...errorOf(view, 'minutes') }),
  );
  return blocks;
}

/** The modal: the mentor's record, a move, or the mentee's reflection (the record above it). */
export function renderMentoringMeetingModal(view: MentoringMeetingView, privateMetadata: string): BlockKitModal {
  const blocks: KnownBlock[] = [context(escapeMrkdwn(`${view.title} · ${view.weekText}`))];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.stage !== 'record') blocks.push(section(`*Focus:* ${escapeMrkdwn(view.focus)}`));
  if (view.stage === 'record' && view.record) blocks.push(...recordBlocks(view.record));
  const open = view.state === 'open' && view.stage !== 'reminder';
  if (open) blocks.push(...formInputs(view));
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: MEETING_SUBMIT_VERB[view.stage],
    title: plain(MODAL_TITLE[view.stage], SLACK_LIMITS.modalTitle),
    close: plain(open ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
  if (open) modal.submit = plain(SUBMIT_LABEL[view.stage], SLACK_LIMITS.modalButton);
  return modal;
}

export function mentoringMeetingText(view: MentoringMeetingView): string {
  return meetingHeadline(view);
}

export function mentoringActionBlocks(view: MentoringActionView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`${view.overdue ? 'Overdue' : 'Due now'}: an action you agreed`), section(`*${escapeMrkdwn(view.text)}*\n${escapeMrkdwn(view.dueText)}`), context(escapeMrkdwn(view.agreedText))];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.done) return view.notice ? blocks : [...blocks, section(':white_check_mark: Done. Thank you.')];
  return [...blocks, actions([button('Mark it done', { verb: 'mentoring.action.done', mentoringMeetingId: view.mentoringMeetingId, mentoringActionId: view.mentoringActionId }, { style: 'primary' })], `action:${view.mentoringActionId}`)];
}

function reviewTitle(view: ProgressReviewView): string {
  return view.stage === 'at-risk' ? `At risk: ${view.menteeName}` : `Progress review: ${view.menteeName}`;
}

function reviewFacts(view: ProgressReviewView): KnownBlock[] {
  const blocks: KnownBlock[] = [fields(view.facts)];
  if (view.reflections.length > 0) blocks.push(section(`*Their reflections*\n${view.reflections.map((r) => `${escapeMrkdwn(r.whenText)}: ${escapeMrkdwn(r.text)}`).join('\n')}`));
  if (view.recorded) blocks.push(fields([{ label: 'Outcome', value: view.recorded.outcomeText }, { label: 'Recorded by', value: view.recorded.byText }]), section(`*Summary*\n${escapeMrkdwn(view.recorded.summary)}`));
  return blocks;
}

export function progressReviewBlocks(view: ProgressReviewView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(reviewTitle(view)), context(escapeMrkdwn(view.termText))];
  if (view.notice) blocks.push(notice(view.notice));
  blocks.push(...reviewFacts(view));
  if (view.state === 'done' || view.stage !== 'prompt') return blocks;
  return [...blocks, actions([button('Record the review', { verb: 'review.open', menteeId: view.menteeId, reviewTerm: view.reviewTerm }, { style: 'primary' })])];
}

const outcomeOptions: ValuedOption[] = REVIEW_OUTCOME_CHOICES.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: c.value }));

export function renderProgressReviewModal(view: ProgressReviewView, privateMetadata: string): BlockKitModal {
  const open = view.state === 'open' && view.stage === 'prompt';
  const chosen = outcomeOptions.find((o) => o.value === view.values?.outcome);
  const blocks: KnownBlock[] = [context(escapeMrkdwn(`${view.menteeName} · ${view.termText}`))];
  if (view.notice) blocks.push(notice(view.notice));
  blocks.push(...reviewFacts(view));
  if (open) {
    blocks.push(
      inputBlock('outcome', REVIEW_LABELS.outcome, { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options: outcomeOptions, ...(chosen ? { initial_option: chosen } : {}) }, { optional: false, ...errorOf(view, 'outcome') }),
      inputBlock('summary', REVIEW_LABELS.summary, textInput(view.values?.summary, 3000, true), { optional: false, ...errorOf(view, 'summary') }),
    );
  }
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: 'review.submit',
    title: plain('Progress review', SLACK_LIMITS.modalTitle),
    close: plain(open ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
  if (open) modal.submit = plain('Record', SLACK_LIMITS.modalButton);
  return modal;
}

export function progressReviewText(view: ProgressReviewView): string {
  return view.stage === 'at-risk' ? `At risk: ${view.menteeName}'s progress review (${view.termText})` : `Progress review due: ${view.menteeName} (${view.termText})`;
}
