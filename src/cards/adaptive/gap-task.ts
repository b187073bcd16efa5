import type { GapTaskFormView } from '../views/gap-task';
import type { CardContent } from './card-content';
import { compact, execute, facts, fieldError, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';
import { GAP_PLAN_FIELDS, GAP_REPORT_FIELDS, OWN_PART_FOUR_HINT, PLAN_SHARED_TEXT, SHARE_WITH_LEADERS_FIELD, SHARE_WITH_LEADERS_LABEL, SHARE_WITH_MANAGER_FIELD, type GapTaskField } from '../wording/gap-task';

const COPY = {
  'gap-plan': { title: 'Plan your gap task', button: 'Save my plan', done: 'Your plan is saved. We will check in before session two.' },
  'gap-report': { title: 'Report your impact', button: 'Send my report', done: 'Your impact report is saved. Thank you: no more reminders.' },
} as const;

function field(f: GapTaskField, view: GapTaskFormView): AdaptiveElement[] {
  const error = view.errors?.[f.id];
  const input: AdaptiveElement = {
    type: 'Input.Text',
    id: f.id,
    label: f.label,
    isMultiline: true,
    maxLength: f.maxLength,
    isRequired: true,
    errorMessage: 'Please fill this in.',
    ...(f.hint ? { placeholder: f.hint } : {}),
    ...(view.values?.[f.id] !== undefined ? { value: view.values[f.id] } : {}),
  };
  return compact([input, error !== undefined && fieldError(error)]);
}

function shareToggle(view: GapTaskFormView): AdaptiveElement {
  return {
    type: 'Input.Toggle',
    id: SHARE_WITH_MANAGER_FIELD,
    title: 'My line manager may quote this report in their digest',
    value: view.values?.[SHARE_WITH_MANAGER_FIELD] ?? 'true',
    valueOn: 'true',
    valueOff: 'false',
  };
}

/** Part 2's "Share with your SLT": off unless the person turns it on. */
function shareWithLeadersToggle(view: GapTaskFormView): AdaptiveElement {
  return { type: 'Input.Toggle', id: SHARE_WITH_LEADERS_FIELD, title: SHARE_WITH_LEADERS_LABEL, value: view.values?.[SHARE_WITH_LEADERS_FIELD] ?? 'false', valueOn: 'true', valueOff: 'false' };
}

export function gapTaskFormCard(view: GapTaskFormView): CardContent {
  const copy = COPY[view.kind];
  const open = view.state === 'open';
  const fields = view.kind === 'gap-plan' ? GAP_PLAN_FIELDS : GAP_REPORT_FIELDS;
  const ids = { gapTaskId: view.gapTaskId };
  return {
    body: compact([
      heading(copy.title),
      subtle(view.sessionTitle),
      // One green banner: once done, the card's own "saved" line stands for the save notice too (as when refreshed).
      view.notice && !(!open && view.notice.tone === 'good') && noticeBox(view.notice),
      !open && noticeBox({ tone: 'good', text: copy.done }),
      view.planShared && text(PLAN_SHARED_TEXT, { spacing: 'Small' }),
      !open && view.kind === 'gap-report' && subtle(OWN_PART_FOUR_HINT),
      facts([
        { label: 'Intent', value: view.intent },
        { label: 'Task', value: view.task },
      ]),
      // dueText already reads "Due Wednesday 9 December": a "Due" label beside it said it twice.
      text(view.dueText, { weight: 'Bolder', spacing: 'Small' }),
      view.planSummary && view.planSummary.length > 0 && subheading('Your plan'),
      view.planSummary && view.planSummary.length > 0 && facts(view.planSummary),
      open && text('Your answers', { weight: 'Bolder', spacing: 'Medium' }),
      ...(open ? fields.flatMap((f) => field(f, view)) : []),
      open && view.kind === 'gap-report' && shareToggle(view),
      open && view.kind === 'gap-plan' && shareWithLeadersToggle(view),
      open && view.errors?.[SHARE_WITH_LEADERS_FIELD] !== undefined && fieldError(view.errors[SHARE_WITH_LEADERS_FIELD]),
      open && view.errors?.[SHARE_WITH_MANAGER_FIELD] !== undefined && fieldError(view.errors[SHARE_WITH_MANAGER_FIELD]),
    ]),
    actions: open ? [execute(copy.button, view.kind === 'gap-plan' ? 'gap.plan.submit' : 'gap.report.submit', ids, { style: 'positive', withInputs: true })] : [],
    refreshWith: ids,
    summary: `${copy.title}: ${view.sessionTitle}, ${view.dueText}`,
  };
}
