import { DateTime } from 'luxon';
import type { GapTask, ImpactFollowUp, Participation, Session, Tenant } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import { evaluationLevels } from './evaluation-levels';
import { loadSessionAnswers, ratingQuestionsOf, type SessionAnswers } from './load-session-answers';
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

/** Options for one programme report out of a period's readings (see ProgrammeReadings). */
export interface ProgrammeReportOptions {
  /** Governors: answers count only in blocks of the minimum, so two exports never differ by one answer (released-in-blocks.ts). */
  answersInBlocks?: boolean;
  /** Governors per school: only these sessions (a school's own), and answers released in blocks per part (a session's school). */
  sessions?: (s: Session) => boolean;
  partOf?: (s: Session) => string;
}

/** A period's sessions and everything a programme report counts on them, read once (the governors' parts share it). */
export interface ProgrammeReadings {
  tenant: Tenant;
  from: string;
  to: string;
  sessions: Session[];
  participations: Participation[];
  answers: SessionAnswers;
  gapTasks: GapTask[];
  followUps: ImpactFollowUp[];
}

export async function readProgramme(deps: ReportDeps, tenantId: string, now: Date, period?: { from: string; to: string }): Promise<ReportResult<ProgrammeReadings>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const { from, to } = period ?? schoolYear(now, tenant.settings.timezone);
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: to } } })).map((v) => v.value);
  const ids = sessions.map((s) => s.id);
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true });
  const answers = await loadSessionAnswers(store, tenantId, ids);
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'sessionId', ids);
  const followUps = await findWhereIn(store.impactFollowUps, tenantId, 'sessionId', ids);
  return { ok: true, value: { tenant, from, to, sessions, participations, answers, gapTasks, followUps } };
}

/** The readings kept to the sessions `keep` accepts: what reading those sessions alone would have given. */
function keptTo(readings: ProgrammeReadings, keep: (s: Session) => boolean): ProgrammeReadings {
  const sessions = readings.sessions.filter(keep);
  const ids = new Set(sessions.map((s) => s.id));
  const questionnaires = readings.answers.questionnaires.filter((q) => ids.has(q.sessionId!));
  const answersBySession = new Map([...readings.answers.answersBySession].filter(([id]) => ids.has(id)));
  return {
    ...readings,
    sessions,
    participations: readings.participations.filter((p) => ids.has(p.sessionId)),
    answers: { questionnaires, answersBySession, responsesBySession: new Map([...answersBySession].map(([id, list]) => [id, list.length])), ratingQuestions: ratingQuestionsOf(questionnaires) },
    gapTasks: readings.gapTasks.filter((t) => ids.has(t.sessionId)),
    followUps: readings.followUps.filter((f) => ids.has(f.sessionId)),
  };
}

/** The programme report from a period's readings: the lead's for the whole period, or a governors' part. */
export function programmeReportFrom(all: ProgrammeReadings, now: Date, options: ProgrammeReportOptions = {}): ProgrammeReportView {
  const { tenant, from, to, sessions, participations, answers, gapTasks, followUps: allFollowUps } = options.sessions ? keptTo(all, options.sessions) : all;
  const { questionnaires, answersBySession, responsesBySession, ratingQuestions } = answers;
  const partOfSession = new Map(sessions.map((s) => [s.id, options.partOf?.(s) ?? '']));
  const partOf = (sessionId: string) => partOfSession.get(sessionId) ?? '';
  const minimum = tenant.settings.minAggregateCount;
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
  return { ...report, levels };
}

export async function loadProgrammeReport(deps: ReportDeps, tenantId: string, now: Date, period?: { from: string; to: string }, options: ProgrammeReportOptions = {}): Promise<ReportResult<ProgrammeReportView>> {
  const readings = await readProgramme(deps, tenantId, now, period);
  return readings.ok ? { ok: true, value: programmeReportFrom(readings.value, now, options) } : readings;
}
