import { AUDIENCE_KIND_CHOICES } from '../wording/audience-choices';
import { ANONYMOUS_CHOICES, SURVEY_FORM_INTRO, SURVEY_FORM_LABELS, audienceValueHint, templateChoiceLabel } from '../wording/survey-form';
import type { SurveyFormView } from '../views/survey-form';
import type { InputBlockElement, KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { context, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

function options(list: readonly { value: string; label: string }[]): ValuedOption[] {
  return list.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: clip(c.value, SLACK_LIMITS.optionValue) }));
}

function oneOf(type: 'radio_buttons' | 'static_select', list: readonly { value: string; label: string }[], value: string | undefined): InputBlockElement {
  const opts = options(list);
  const initial = opts.find((o) => o.value === value);
  return initial ? { type, action_id: FIELD_ACTION_ID, options: opts, initial_option: initial } : { type, action_id: FIELD_ACTION_ID, options: opts };
}

/** The lead's "/cpd new survey" modal. callback_id is the `survey.send` verb; fields come back by the same ids. */
export function renderSurveyFormModal(view: SurveyFormView, privateMetadata: string): BlockKitModal {
  const value = (id: keyof typeof SURVEY_FORM_LABELS, fallback?: string) => view.values?.[id] ?? fallback;
  const e = (id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const templates = view.templates.slice(0, SLACK_LIMITS.radioOptions).map((t) => ({ value: t.id, label: templateChoiceLabel(t) }));
  const which = inputBlock('audienceValue', SURVEY_FORM_LABELS.audienceValue, textInput(value('audienceValue'), 5000, false), { optional: true, ...e('audienceValue') });
  if (which.type === 'input' && !which.hint) which.hint = plain(audienceValueHint(view), SLACK_LIMITS.inputHint);
  const closesOn = value('closesOn', view.closesOn);
  const blocks: KnownBlock[] = [
    ...(view.notice ? [notice(view.notice)] : []),
    context(escapeMrkdwn(SURVEY_FORM_INTRO)),
    inputBlock('templateId', SURVEY_FORM_LABELS.templateId, oneOf('radio_buttons', templates, value('templateId', view.templates[0]?.id)), { optional: false, ...e('templateId') }),
    inputBlock('audienceKind', SURVEY_FORM_LABELS.audienceKind, oneOf('static_select', AUDIENCE_KIND_CHOICES, value('audienceKind', 'trust')), { optional: false, ...e('audienceKind') }),
    which,
    inputBlock('closesOn', SURVEY_FORM_LABELS.closesOn, { type: 'datepicker', action_id: FIELD_ACTION_ID, ...(closesOn ? { initial_date: closesOn } : {}) }, { optional: false, ...e('closesOn') }),
    inputBlock('anonymous', SURVEY_FORM_LABELS.anonymous, oneOf('radio_buttons', ANONYMOUS_CHOICES, value('anonymous', 'yes')), { optional: false, ...e('anonymous') }),
  ];
  return {
    type: 'modal',
    callback_id: 'survey.send',
    title: plain('New staff survey', SLACK_LIMITS.modalTitle),
    submit: plain('Send survey', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
}

/** The form itself is a modal (opened by `/cpd new survey`); as a message it says how to open it. */
export function surveyFormMessageBlocks(view: SurveyFormView): KnownBlock[] {
  return [
    header('New staff survey'),
    ...(view.notice ? [notice(view.notice)] : []),
    section(escapeMrkdwn(SURVEY_FORM_INTRO)),
    context('Type `/cpd new survey` to open the form.'),
  ];
}
