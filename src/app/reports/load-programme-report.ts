import { DateTime } from 'luxon';
import type { Session } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import { evaluationLevels } from './evaluation-levels';
import { loadSessionAnswers } from './load-session-answers';
import { releasedFollowUps, releasedReactionAnswers } from './released-in-blocks';
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
  /** Governors: answers count only in blocks of the minimum, so two exports never differ by one answer (released-in-blocks.ts). */
  options: {
    answersInBlocks?: boolean;
    /** Governors per school: only these sessions (a school's own), and answers released in blocks per part (a session's school). */
    sessions?: (s: Session) => boolean;
    partOf?: (s: Session) => string;
  } = {},
): Promise<ReportResult<ProgrammeReportView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const { from, to } = period ?? schoolYear(now, tenant.settings.timezone);
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: to } } })).map((v) => v.value).filter(options.sessions ?? (() => true));
  const partOfSession = new Map(sessions.map((s) => [s.id, options.partOf?.(s) ?? '']));
  const partOf = (sessionId: string) => partOfSession.get(sessionId) ?? '';
  const ids = sessions.map((s) => s.id);
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true });
  const { questionnaires, answersBySession, responsesBySession, ratingQuestions } = await loadSessionAnswers(store, tenantId, ids);
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'sessionId', ids);
  const minimum = tenant.settings.minAggregateCount;
  const allFollowUps = await findWhereIn(store.impactFollowUps, tenantId, 'sessionId', ids);
  const followUps = options.answersInBlocks ? releasedFollowUps(allFollowUps, minimum, partOf) : allFollowUps;
  const released = options.answersInBlocks ? releasedReactionAnswers(questionnaires, answersBySession, now, minimum, partOf) : undefined;
  const built = buildProgrammeReport({
    tenant,
    from,
    to,
    now,
    sessions,
    participations,
    responsesBySession,
    ratingQuestions,
    answers: released ?? [...answersBySession.values()].flat(),
    gapTasks,
  });
  const report = released ? { ...built, totals: { ...built.totals, responses: released.length } } : built;
  const quality = report.ratings.find((r) => r.questionId === 'quality');
  const levels = evaluationLevels({
    attended: report.totals.attended,
    responses: report.totals.responses,
    ...(quality?.mean !== undefined ? { qualityMean: quality.mean } : {}),
    gapTasks,
    followUps,
    minimum,
  });
  return { ok: true, value: { ...report, levels } };
}
