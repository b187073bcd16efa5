import { AUDIENCE_KIND_CHOICES } from '../wording/audience-choices';
import { ANONYMOUS_CHOICES, SURVEY_FORM_INTRO, SURVEY_FORM_LABELS, audienceValueHint, templateChoiceLabel } from '../wording/survey-form';
import type { SurveyFormView } from '../views/survey-form';
import type { CardContent } from './card-content';
import { compact, execute, fieldError, heading, noticeBox, subtle, type AdaptiveElement } from './elements';

type Field = keyof typeof SURVEY_FORM_LABELS;

function withError(view: SurveyFormView, input: AdaptiveElement, id: Field): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

function choices(list: readonly { value: string; label: string }[]): { title: string; value: string }[] {
  return list.map((c) => ({ title: c.label, value: c.value }));
}

export function surveyFormCard(view: SurveyFormView): CardContent {
  const value = (id: Field, fallback: string) => view.values?.[id] ?? fallback;
  const templates = view.templates.map((t) => ({ value: t.id, label: templateChoiceLabel(t) }));
  return {
    body: compact([
      heading('New staff survey'),
      view.notice && noticeBox(view.notice),
      subtle(SURVEY_FORM_INTRO),
      ...withError(
        view,
        {
          type: 'Input.ChoiceSet',
          id: 'templateId',
          label: SURVEY_FORM_LABELS.templateId,
          style: 'expanded',
          isRequired: true,
          errorMessage: 'Choose a survey.',
          choices: choices(templates),
          value: value('templateId', view.templates[0]?.id ?? ''),
        },
        'templateId',
      ),
      ...withError(
        view,
        { type: 'Input.ChoiceSet', id: 'audienceKind', label: SURVEY_FORM_LABELS.audienceKind, style: 'compact', choices: choices(AUDIENCE_KIND_CHOICES), value: value('audienceKind', 'trust') },
        'audienceKind',
      ),
      ...withError(
        view,
        {
          type: 'Input.Text',
          id: 'audienceValue',
          label: SURVEY_FORM_LABELS.audienceValue,
          placeholder: 'Leave empty for everyone',
          maxLength: 5000,
          ...(view.values?.audienceValue ? { value: view.values.audienceValue } : {}),
        },
        'audienceValue',
      ),
      subtle(audienceValueHint(view)),
      ...withError(
        view,
        {
          type: 'Input.Date',
          id: 'closesOn',
          label: SURVEY_FORM_LABELS.closesOn,
          isRequired: true,
          errorMessage: 'Choose the day the survey closes.',
          min: view.earliestClosesOn,
          max: view.latestClosesOn,
          value: value('closesOn', view.closesOn),
        },
        'closesOn',
      ),
      ...withError(
        view,
        { type: 'Input.ChoiceSet', id: 'anonymous', label: SURVEY_FORM_LABELS.anonymous, style: 'expanded', isRequired: true, errorMessage: 'Answer yes or no.', choices: choices(ANONYMOUS_CHOICES), value: value('anonymous', 'yes') },
        'anonymous',
      ),
    ]),
    actions: [execute('Send survey', 'survey.send', {}, { style: 'positive', withInputs: true })],
    summary: 'New staff survey: choose who is asked and when it closes.',
  };
}
