import { DateTime } from 'luxon';
import type { Answers, Question } from '../domain';
import { findWhereIn } from './find-in';
import { evaluationLevels } from './evaluation-levels';
import { buildProgrammeReport } from './programme-report';
import type { ProgrammeReportView } from './programme-report-view';
import type { ReportDeps, ReportResult } from './report-deps';

/** The school year containing `now`: 1 September to 31 August, local. */
export function schoolYear(now: Date, zone: string): { from: string; to: string } {
  const local = DateTime.fromJSDate(now, { zone });
  const startYear = local.month >= 9 ? local.year : local.year - 1;
  const from = DateTime.fromObject({ year: startYear, month: 9, day: 1 }, { zone });
  return { from: from.toUTC().toISO()!, to: from.plus({ years: 1 }).toUTC().toISO()! };
}

export async function loadProgrammeReport(
  deps: ReportDeps,
  tenantId: string,
  now: Date,
  period?: { from: string; to: string },
): Promise<ReportResult<ProgrammeReportView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const { from, to } = period ?? schoolYear(now, tenant.settings.timezone);
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: to } } })).map((v) => v.value);
  const ids = sessions.map((s) => s.id);
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true });
  const questionnaires = (await findWhereIn(store.questionnaires, tenantId, 'sessionId', ids)).filter((q) => q.purpose === 'reaction');
  const qIds = questionnaires.map((q) => q.id);
  const sessionOf = new Map(questionnaires.map((q) => [q.id, q.sessionId!]));
  const responsesBySession = new Map<string, number>();
  const answers: Answers[] = [];
  // Keep the answers only: the year's averages need nothing else.
  for (const r of [...(await findWhereIn(store.responses, tenantId, 'questionnaireId', qIds)), ...(await findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', qIds))]) {
    const sid = sessionOf.get(r.questionnaireId)!;
    responsesBySession.set(sid, (responsesBySession.get(sid) ?? 0) + 1);
    answers.push(r.answers);
  }
  const ratingQuestions = new Map<string, Question>();
  for (const q of questionnaires) for (const question of q.questions) if (question.kind === 'rating') ratingQuestions.set(question.id, question);
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'sessionId', ids);
  const followUps = await findWhereIn(store.impactFollowUps, tenantId, 'sessionId', ids);
  const report = buildProgrammeReport({
    tenant,
    from,
    to,
    now,
    sessions,
    participations,
    responsesBySession,
    ratingQuestions: [...ratingQuestions.values()],
    answers,
    gapTasks,
  });
  const quality = report.ratings.find((r) => r.questionId === 'quality');
  const levels = evaluationLevels({
    attended: report.totals.attended,
    responses: report.totals.responses,
    ...(quality?.mean !== undefined ? { qualityMean: quality.mean } : {}),
    gapTasks,
    followUps,
    minimum: tenant.settings.minAggregateCount,
  });
  return { ok: true, value: { ...report, levels } };
}
