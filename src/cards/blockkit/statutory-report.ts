import type { KnownBlock } from '@slack/types';
import { STATUTORY_REASON_MAX, STATUTORY_REPORT_INTRO, STATUTORY_REPORT_LABELS, STATUTORY_REVIEW_WORDS } from '../wording/statutory-report';
import type { StatutoryRejectFormView, StatutoryReportFormView, StatutoryReportReviewView } from '../views/statutory-report';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, fields, header, linkButton, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

const errorOf = (errors: Record<string, string> | undefined, id: string) => (errors?.[id] ? { error: errors[id] } : {});

/** The `report training` modal; callback_id is the `statutory.report.submit` verb, fields by the Teams card's ids. */
export function renderStatutoryReportModal(view: StatutoryReportFormView, privateMetadata: string): BlockKitModal {
  const options: ValuedOption[] = view.topics.map((t) => ({ text: plain(t.label, SLACK_LIMITS.optionText), value: t.value }));
  const chosen = options.find((o) => o.value === view.values?.topic);
  return {
    type: 'modal',
    callback_id: 'statutory.report.submit',
    title: plain('Report training', SLACK_LIMITS.modalTitle),
    submit: plain('Send', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...(view.notice ? [notice(view.notice)] : []),
      context(escapeMrkdwn(STATUTORY_REPORT_INTRO)),
      inputBlock('topic', STATUTORY_REPORT_LABELS.topic, { type: 'static_select', action_id: FIELD_ACTION_ID, options, ...(chosen ? { initial_option: chosen } : {}) }, { optional: false, ...errorOf(view.errors, 'topic') }),
      inputBlock('completedOn', STATUTORY_REPORT_LABELS.completedOn, { type: 'datepicker', action_id: FIELD_ACTION_ID, initial_date: view.values?.completedOn ?? view.today }, { optional: false, ...errorOf(view.errors, 'completedOn') }),
    ],
  };
}

/** As a message (typed in a DM): a button that opens the modal. */
export function statutoryReportFormMessageBlocks(view: StatutoryReportFormView): KnownBlock[] {
  return [header('Report statutory training'), ...(view.notice ? [notice(view.notice)] : []), section(escapeMrkdwn(STATUTORY_REPORT_INTRO)), actions([button('Report training', { verb: 'statutory.report.open' }, { style: 'primary' })])];
}

export function statutoryReportReviewBlocks(view: StatutoryReportReviewView): KnownBlock[] {
  const ids = { statutoryReportId: view.reportId };
  return [
    header(STATUTORY_REVIEW_WORDS.title),
    ...(view.notice ? [notice(view.notice)] : []),
    fields([
      { label: 'Who', value: escapeMrkdwn(view.schoolName ? `${view.personName} (${view.schoolName})` : view.personName) },
      { label: 'Training', value: escapeMrkdwn(view.topic) },
      { label: 'Completed', value: escapeMrkdwn(view.completedOnText) },
      { label: 'If confirmed', value: escapeMrkdwn(view.expiresText) },
      { label: 'Certificate', value: escapeMrkdwn(view.certificateText) },
    ]),
    ...(view.certificateUrl ? [actions([linkButton('Open the certificate', view.certificateUrl, `statutory-certificate:${view.reportId}`)])] : []),
    ...(view.outcomeText ? [section(`*${escapeMrkdwn(view.outcomeText)}*`)] : []),
    ...(view.status === 'reported'
      ? [actions([button(STATUTORY_REVIEW_WORDS.confirm, { verb: 'statutory.report.confirm', ...ids }, { style: 'primary' }), button(STATUTORY_REVIEW_WORDS.reject, { verb: 'statutory.report.reject.open', ...ids }, { style: 'danger' })])]
      : []),
  ];
}

/** The reason modal after Reject; callback_id is the `statutory.report.reject` verb. */
export function renderStatutoryRejectModal(view: StatutoryRejectFormView, privateMetadata: string): BlockKitModal {
  return {
    type: 'modal',
    callback_id: 'statutory.report.reject',
    title: plain('Not confirmed', SLACK_LIMITS.modalTitle),
    submit: plain('Send', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...(view.notice ? [notice(view.notice)] : []),
      context(`*${escapeMrkdwn(view.personName)}*: ${escapeMrkdwn(view.topic)}, ${escapeMrkdwn(view.completedOnText)}`),
      inputBlock('reason', STATUTORY_REPORT_LABELS.reason, textInput(view.values?.reason, STATUTORY_REASON_MAX, true), { optional: false, ...errorOf(view.errors, 'reason') }),
    ],
  };
}

export function statutoryRejectMessageBlocks(view: StatutoryRejectFormView): KnownBlock[] {
  return [section(`*${escapeMrkdwn(view.personName)}*: ${escapeMrkdwn(view.topic)}`), actions([button('Open the form', { verb: 'statutory.report.reject.open', statutoryReportId: view.reportId })])];
}
