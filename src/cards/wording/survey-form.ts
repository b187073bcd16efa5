import { countOf } from '../format';
import type { SurveyFormView } from '../views/survey-form';

/** The "new survey" form's fields and words, shared by the Teams card and the Slack modal. */
export const SURVEY_FORM_LABELS = {
  templateId: 'Survey',
  audienceKind: 'Who is asked',
  audienceValue: 'Which school, pathway, department or people',
  closesOn: 'Closes at the end of',
  anonymous: 'Anonymous answers',
} as const;

export const ANONYMOUS_CHOICES = [
  { value: 'yes', label: 'Yes: names are not kept with answers' },
  { value: 'no', label: 'No: answers are kept with names' },
] as const;

export const SURVEY_FORM_INTRO =
  'Everyone in the audience gets the survey in chat (outside quiet hours), and so does anyone who joins before it closes. Those who have not answered get one reminder two days before it closes.';

export function templateChoiceLabel(t: SurveyFormView['templates'][number]): string {
  return `${t.name} (${countOf(t.questionCount, 'question')})`;
}

/** What to type beside "which": the schools by name, the pathway ids, e-mail addresses. */
export function audienceValueHint(view: Pick<SurveyFormView, 'schools'>): string {
  const schools = view.schools.map((s) => s.name).join(', ');
  return `${schools ? `A school's name (${schools}), ` : ''}a pathway (ect, developing-teacher, developing-excellence, support-staff, leadership), a department, or staff e-mail addresses. Leave empty for everyone.`;
}
