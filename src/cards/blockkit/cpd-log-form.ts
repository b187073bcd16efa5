import { CPD_LOG_EDIT, CPD_LOG_INTRO, CPD_LOG_LABELS, CPD_LOG_MAX_LENGTH, CPD_LOG_TYPE_CHOICES, type CpdLogField } from '../wording/cpd-log-form';
import type { CpdLogFormView } from '../views/cpd-log-form';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { context, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

/** The `/cpd log cpd` modal. callback_id is the `cpd.log.submit` verb; fields come back by the same ids as the Teams card's. */
export function renderCpdLogModal(view: CpdLogFormView, privateMetadata: string): BlockKitModal {
  const value = (id: CpdLogField) => view.values?.[id];
  const e = (id: CpdLogField) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const types: ValuedOption[] = CPD_LOG_TYPE_CHOICES.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: c.value }));
  const chosen = types.find((o) => o.value === (value('type') ?? 'course'));
  const day = value('on') ?? view.today;
  const blocks: KnownBlock[] = [
    ...(view.notice ? [notice(view.notice)] : []),
    context(escapeMrkdwn(CPD_LOG_INTRO)),
    inputBlock('what', CPD_LOG_LABELS.what, textInput(value('what'), CPD_LOG_MAX_LENGTH.what, false), { optional: false, ...e('what') }),
    inputBlock('on', CPD_LOG_LABELS.on, { type: 'datepicker', action_id: FIELD_ACTION_ID, initial_date: day }, { optional: false, ...e('on') }),
    inputBlock('hours', CPD_LOG_LABELS.hours, textInput(value('hours'), 10, false), { optional: false, ...e('hours') }),
    inputBlock('type', CPD_LOG_LABELS.type, { type: 'static_select', action_id: FIELD_ACTION_ID, options: types, ...(chosen ? { initial_option: chosen } : {}) }, { optional: false, ...e('type') }),
    inputBlock('learned', CPD_LOG_LABELS.learned, textInput(value('learned'), CPD_LOG_MAX_LENGTH.learned, true), { optional: false, ...e('learned') }),
    ...(view.logId
      ? [inputBlock('remove', 'Remove', { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [{ text: plain(CPD_LOG_EDIT.remove, SLACK_LIMITS.optionText), value: 'yes' }] }, { optional: true })]
      : []),
  ];
  return {
    type: 'modal',
    callback_id: 'cpd.log.submit',
    title: plain(view.logId ? 'Correct CPD' : 'Log CPD', SLACK_LIMITS.modalTitle),
    submit: plain(view.logId ? CPD_LOG_EDIT.save : 'Add to my record', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
}

/** The form itself is a modal (opened by `/cpd log cpd`); as a message it says how to open it. */
export function cpdLogMessageBlocks(view: CpdLogFormView): KnownBlock[] {
  return [header('Log CPD'), ...(view.notice ? [notice(view.notice)] : []), section(escapeMrkdwn(CPD_LOG_INTRO)), context('Type `/cpd log cpd` to open the form.')];
}
