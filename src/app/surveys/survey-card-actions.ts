import { formatInstant } from '../../cards/format';
import type { CardView } from '../../cards/views';
import type { SurveyFormView } from '../../cards/views/survey-form';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { closingDays } from './survey-form';
import { sendSurvey, surveyTemplates } from './surveys';

/** The lead's "new survey" form, empty or with their input and the reasons it was refused. */
export async function buildSurveyForm(deps: AppDeps, actor: Actor, extra: Pick<SurveyFormView, 'values' | 'errors' | 'notice'> = {}): Promise<SurveyFormView> {
  const days = closingDays(deps.clock.now(), actor.tenant.settings.timezone);
  const templates = await surveyTemplates(deps, actor.tenant.id);
  return {
    kind: 'survey-form',
    templates: templates.map((t) => ({ id: t.id, name: t.name, questionCount: t.questions.length })),
    schools: actor.tenant.schools.map((s) => ({ id: s.id, name: s.name })),
    closesOn: days.suggested,
    earliestClosesOn: days.earliest,
    latestClosesOn: days.latest,
    ...extra,
  };
}

/** Strings only, and never an oversized blob echoed back into the card. */
function keptValues(inputs: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value === 'string') values[key] = value.slice(0, 5000);
    else if (typeof value === 'boolean') values[key] = value ? 'yes' : 'no';
  }
  return values;
}

/** `survey.send`: a refused form comes back with its fields marked; a sent one becomes a confirmation. */
export async function sendSurveyFromCard(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const result = await sendSurvey(deps, actor, inputs);
  if (!result.ok) {
    if (!result.errors) return { ok: false, view: notice('attention', result.message) };
    const form = await buildSurveyForm(deps, actor, { values: keptValues(inputs), errors: result.errors, notice: { tone: 'attention', text: result.message } });
    return { ok: false, view: form };
  }
  const { questionnaire: q, asked } = result;
  const closes = formatInstant(q.closesAt, actor.tenant.settings.timezone);
  const privacy = q.anonymous ? 'Answers are anonymous.' : 'Answers are named.';
  const text = result.created
    ? `"${q.title}" goes to ${asked} staff within a minute, outside quiet hours. It closes ${closes}. ${privacy} Say "survey results" to see how it is going.`
    : `"${q.title}" for that audience and closing day was already sent; nothing new was sent. It closes ${closes}. ${privacy}`;
  return { ok: true, view: notice('good', text, result.created ? 'Survey sent' : 'Survey already sent') };
}
