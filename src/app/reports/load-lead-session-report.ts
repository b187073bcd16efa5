import type { Answers } from '../../domain';
import { evaluationLevels } from './evaluation-levels';
import type { LeadReportView } from '../../cards/views/lead-report';
import { buildLeadSessionReport, type ReportViewer } from './lead-session-report';
import type { ReportDeps, ReportResult } from './report-deps';

/** Loads one session's report. Responses are reduced to their answers as soon as they are read. */
export async function loadLeadSessionReport(
  deps: ReportDeps,
  tenantId: string,
  sessionId: string,
  viewer: ReportViewer = 'lead',
): Promise<ReportResult<LeadReportView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const session = (await store.sessions.get(tenantId, sessionId))?.value;
  if (!session) return { ok: false, message: 'There is no such session.' };

  const participations = (await store.participations.find(tenantId, { where: { sessionId } })).map((v) => v.value);
  // Today's audience (its active staff) counts as invited only for a session from before invitations were recorded.
  const recorded = participations.some((p) => p.invitedAt !== undefined);
  const staff = recorded ? [] : (await store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value);
  const questionnaire = (await store.questionnaires.find(tenantId, { where: { sessionId, purpose: 'reaction' } }))[0]?.value;
  const answers: Answers[] = [];
  if (questionnaire) {
    const where = { questionnaireId: questionnaire.id };
    for (const r of await store.responses.find(tenantId, { where })) answers.push(r.value.answers);
    for (const r of await store.anonymousResponses.find(tenantId, { where })) answers.push(r.value.answers);
  }
  const report = buildLeadSessionReport({ tenant, session, staff, participations, answers, viewer, ...(questionnaire ? { questionnaire } : {}) });
  const gapTasks = (await store.gapTasks.find(tenantId, { where: { sessionId } })).map((v) => v.value);
  const followUps = (await store.impactFollowUps.find(tenantId, { where: { sessionId } })).map((v) => v.value);
  const quality = report.ratings.find((r) => r.questionId === 'quality');
  const levels = evaluationLevels({
    attended: report.attended,
    responses: report.responses,
    ...(quality?.mean !== undefined && !report.withheld ? { qualityMean: quality.mean } : {}),
    gapTasks,
    followUps,
    minimum: tenant.settings.minAggregateCount,
  });
  return { ok: true, value: { ...report, levels } };
}
