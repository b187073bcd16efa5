import { CPD_REPLY_FIELDS, CPD_REQUEST_FIELDS, type CpdRequestField } from '../wording/cpd-request-form';
import type { CpdRequestFormView, CpdRequestReplyView } from '../views/cpd-request-form';
import type { CardContent } from './card-content';
import { compact, execute, fieldError, heading, noticeBox, subtle, type AdaptiveElement } from './elements';
import type { AdaptiveInput } from './schema';

/** The typed input for a field, with what was typed kept . */
function inputFor(field: CpdRequestField, value: string | undefined): AdaptiveInput {
  const base = { id: field.id, label: field.label, isRequired: field.required, errorMessage: 'Please fill this in.', ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
  const kept = value !== undefined && value !== '' ? { value } : {};
  const placeholder = field.hint ? { placeholder: field.hint } : {};
  switch (field.kind) {
    case 'date':
      return { type: 'Input.Date', ...base, ...kept };
    case 'time':
      return { type: 'Input.Time', ...base, ...kept };
    case 'number':
      // A number input shows back only a whole number as typed: "0x3" is not shown as 3.
      return { type: 'Input.Number', ...base, min: 0, max: 40, ...placeholder, ...(value !== undefined && /^\d{1,9}$/.test(value.trim()) ? { value: Number(value.trim()) } : {}) };
    case 'choice':
      return { type: 'Input.ChoiceSet', ...base, style: 'compact', choices: (field.choices ?? []).map((c) => ({ title: c.label, value: c.value })), ...kept };
    case 'multiline':
      return { type: 'Input.Text', ...base, isMultiline: true, ...placeholder, ...kept };
    case 'url':
      return { type: 'Input.Text', ...base, style: 'Url', ...placeholder, ...kept };
    case 'text':
    case 'pounds':
      return { type: 'Input.Text', ...base, ...placeholder, ...kept };
  }
}

/** One input with the person's kept value and, when refused, the message beside it. */
export function requestInput(field: CpdRequestField, values: Record<string, string> | undefined, error: string | undefined): AdaptiveElement[] {
  const input = inputFor(field, values?.[field.id]);
  return compact([input, error !== undefined && fieldError(error)]);
}

/** `request cpd` in Teams: the whole form on one card; a refused form comes back with input and errors. */
export function cpdRequestFormCard(view: CpdRequestFormView): CardContent {
  return {
    body: compact([
      heading('Ask to go on a course'),
      subtle(view.chainText ?? 'Your line manager, then your headteacher, will be asked to approve it. Costs in pounds.'),
      view.notice && noticeBox(view.notice),
      ...CPD_REQUEST_FIELDS.flatMap((f) => requestInput(f, view.values, view.errors?.[f.id])),
      view.errors?.form !== undefined && fieldError(view.errors.form),
    ]),
    actions: [execute('Send my request', 'request.submit', {}, { style: 'positive', withInputs: true })],
    summary: 'Ask to go on a course',
  };
}

const REPLY_COPY = {
  decline: { title: 'Decline this request', button: 'Decline', verb: 'request.decline', style: 'destructive' },
  ask: { title: 'Ask the requester a question', button: 'Send question', verb: 'request.ask', style: 'positive' },
  book: { title: 'Mark booked', button: 'Mark booked', verb: 'request.book', style: 'positive' },
} as const;

export function cpdRequestReplyCard(view: CpdRequestReplyView): CardContent {
  const copy = REPLY_COPY[view.mode];
  const ids = { requestId: view.requestId };
  return {
    body: compact([
      heading(copy.title),
      subtle(`${view.requesterName}: ${view.courseTitle}`),
      view.notice && noticeBox(view.notice),
      ...CPD_REPLY_FIELDS[view.mode].flatMap((f) => requestInput(f, view.values, view.errors?.[f.id])),
    ]),
    actions: [execute(copy.button, copy.verb, ids, { style: copy.style, withInputs: true }), execute('Back', 'request.open', ids)],
    summary: `${copy.title}: ${view.courseTitle}`,
  };
}
