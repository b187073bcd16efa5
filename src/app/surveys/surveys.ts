import { builtInSurveyTemplates, hasRole, surveyQuestionnaireId, type FieldErrors, type Questionnaire, type QuestionnaireTemplate } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { checkSurveyForm } from './survey-form';

export type SendSurveyResult =
  | { ok: true; questionnaire: Questionnaire; asked: number; created: boolean }
  | { ok: false; message: string; errors?: FieldErrors };

export const SURVEY_LEADS_ONLY = 'Only CPD leads can do that. Say "help" to see what you can do.';

/** The built-in survey templates, and any survey template the tenant stored (a stored one wins on the same id). */
export async function surveyTemplates(deps: AppDeps, tenantId: string): Promise<QuestionnaireTemplate[]> {
  const stored = (await deps.store.templates.find(tenantId)).map((t) => t.value).filter((t) => t.purpose === 'survey');
  const builtIn = builtInSurveyTemplates(tenantId).filter((b) => !stored.some((s) => s.id === b.id));
  return [...builtIn, ...stored];
}

/**
 * A lead sends a one-off survey: the questionnaire is written once (its id comes from template,
 * audience and closing day, so the same form sent twice finds it there), and the planner sends
 * it to everyone in the audience, now and anyone who joins before it closes.
 */
export async function sendSurvey(deps: AppDeps, actor: Actor, raw: Record<string, unknown>): Promise<SendSurveyResult> {
  if (!hasRole(actor.staff, 'cpd-lead')) return { ok: false, message: SURVEY_LEADS_ONLY };
  const tenantId = actor.tenant.id;
  const now = deps.clock.now();
  const [staff, templates] = await Promise.all([
    deps.store.staff.find(tenantId, { where: { active: true } }),
    surveyTemplates(deps, tenantId),
  ]);
  const checked = checkSurveyForm(raw, { tenant: actor.tenant, staff: staff.map((s) => s.value), templates, now });
  if (!checked.ok) return { ok: false, message: 'Please check the fields marked.', errors: checked.errors };
  const { template, audience, recipients, closesOn, closesAt, anonymous } = checked.survey;

  const questionnaire: Questionnaire = {
    tenantId,
    id: surveyQuestionnaireId(template.id, audience, closesOn),
    title: template.name,
    purpose: 'survey',
    templateId: template.id,
    anonymous,
    questions: template.questions,
    opensAt: now.toISOString(),
    closesAt,
    audience,
  };
  const created = await deps.store.questionnaires.create(questionnaire);
  if (created.ok) return { ok: true, questionnaire: created.value, asked: recipients.length, created: true };
  // Sent before (a double press, a retried request): the first one stands, unchanged.
  const existing = await deps.store.questionnaires.get(tenantId, questionnaire.id);
  if (!existing) return { ok: false, message: 'Please try again.' };
  return { ok: true, questionnaire: existing.value, asked: recipients.length, created: false };
}
