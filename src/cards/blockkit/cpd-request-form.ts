import { CPD_REPLY_FIELDS, CPD_REQUEST_FIELDS, type CpdRequestField } from '../wording/cpd-request-form';
import type { CpdRequestFormView, CpdRequestReplyView } from '../views/cpd-request-form';
import type { InputBlockElement, KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

function elementFor(field: CpdRequestField, value: string | undefined): InputBlockElement {
  if (field.kind === 'date') return { type: 'datepicker', action_id: FIELD_ACTION_ID, ...(value ? { initial_date: value } : {}) };
  if (field.kind === 'choice') {
    const options: ValuedOption[] = (field.choices ?? []).map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: clip(c.value, SLACK_LIMITS.optionValue) }));
    const initial = options.find((o) => o.value === value);
    return initial ? { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options, initial_option: initial } : { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options };
  }
  return textInput(value, field.maxLength ?? 100, field.kind === 'multiline');
}

/** Each field in block `field:<id>`, so Slack's state and the use case's errors map back by id. */
function fieldBlocks(fields: readonly CpdRequestField[], values: Record<string, string> | undefined, errors: Record<string, string> | undefined): KnownBlock[] {
  return fields.map((f) => {
    const error = errors?.[f.id];
    const block = inputBlock(f.id, f.label, elementFor(f, values?.[f.id]), error ? { optional: !f.required, error } : { optional: !f.required });
    if (f.hint && block.type === 'input' && !block.hint) block.hint = plain(f.hint, SLACK_LIMITS.inputHint);
    return block;
  });
}

/** `/cpd request cpd`: the form as a modal; callback_id is the `request.submit` verb. */
export function renderCpdRequestModal(view: CpdRequestFormView, privateMetadata: string): BlockKitModal {
  return {
    type: 'modal',
    callback_id: 'request.submit',
    title: plain('Request CPD', SLACK_LIMITS.modalTitle),
    submit: plain('Send request', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...(view.notice ? [notice(view.notice)] : []),
      context(escapeMrkdwn(view.chainText ?? 'Your line manager, then your headteacher, will be asked to approve it. Costs in pounds.')),
      ...fieldBlocks(CPD_REQUEST_FIELDS, view.values, view.errors),
    ],
  };
}

const REPLY = {
  decline: { title: 'Decline request', submit: 'Decline', verb: 'request.decline' },
  ask: { title: 'Ask a question', submit: 'Send', verb: 'request.ask' },
  book: { title: 'Mark booked', submit: 'Mark booked', verb: 'request.book' },
} as const;

/** Decline (a reason), Ask a question, or Mark booked (cost and reference), as a modal. */
export function renderCpdReplyModal(view: CpdRequestReplyView, privateMetadata: string): BlockKitModal {
  const copy = REPLY[view.mode];
  return {
    type: 'modal',
    callback_id: copy.verb,
    title: plain(copy.title, SLACK_LIMITS.modalTitle),
    submit: plain(copy.submit, SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...(view.notice ? [notice(view.notice)] : []),
      context(`*${escapeMrkdwn(view.requesterName)}*: ${escapeMrkdwn(view.courseTitle)}`),
      ...fieldBlocks(CPD_REPLY_FIELDS[view.mode], view.values, view.errors),
    ],
  };
}

export function cpdRequestFormMessageBlocks(view: CpdRequestFormView): KnownBlock[] {
  return [
    header('Ask to go on a course'),
    ...(view.notice ? [notice(view.notice)] : []),
    actions([button('Request CPD', { verb: 'request.form.open' }, { style: 'primary' })]),
  ];
}

export function cpdReplyMessageBlocks(view: CpdRequestReplyView): KnownBlock[] {
  const verb = { decline: 'request.decline.open', ask: 'request.ask.open', book: 'request.book.open' } as const;
  return [section(`*${escapeMrkdwn(view.courseTitle)}*: ${escapeMrkdwn(view.requesterName)}`), actions([button('Open the form', { verb: verb[view.mode], requestId: view.requestId })])];
}
