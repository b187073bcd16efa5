import type { Answers } from '../../domain';
import type { SurveyResultsView } from '../../cards/views/survey-results';
import type { ReportDeps, ReportResult } from '../reports';
import { buildSurveyResults } from './survey-results';

/** Loads one survey's results. Responses are reduced to their answers as soon as they are read. */
export async function loadSurveyResults(deps: ReportDeps, tenantId: string, questionnaireId: string): Promise<ReportResult<SurveyResultsView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const questionnaire = (await store.questionnaires.get(tenantId, questionnaireId))?.value;
  if (!questionnaire || questionnaire.purpose !== 'survey') return { ok: false, message: 'There is no such survey.' };

  const staff = (await store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value);
  const where = { questionnaireId };
  const answers: Answers[] = [];
  for (const r of await store.responses.find(tenantId, { where })) answers.push(r.value.answers);
  for (const r of await store.anonymousResponses.find(tenantId, { where })) answers.push(r.value.answers);
  return { ok: true, value: buildSurveyResults({ tenant, questionnaire, staff, answers, now: deps.clock.now() }) };
}
