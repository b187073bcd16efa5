import { DateTime } from 'luxon';
import { findWhereIn } from '../../store/find-in';
import { loadSessionAnswers } from './load-session-answers';
import { schoolYear } from './load-programme-report';
import type { ProviderReportInput } from './provider-report';
import type { ReportDeps, ReportResult } from './report-deps';

/** "2026-27" → that school year (1 September to 31 August, local); absent: the year containing `now`. */
export function schoolYearNamed(year: string | undefined, now: Date, zone: string): { from: string; to: string } | undefined {
  if (year === undefined || year.trim() === '') return schoolYear(now, zone);
  const m = /^(\d{4})-(\d{2})$/.exec(year.trim());
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) return undefined;
  const from = DateTime.fromObject({ year: Number(m[1]), month: 9, day: 1 }, { zone });
  return { from: from.toUTC().toISO()!, to: from.plus({ years: 1 }).toUTC().toISO()! };
}

/**
 * What the providers report and a provider's summary are built from, for one school year: its
 * sessions, their attendance, reaction answers (no person attached), gap tasks, impact follow-ups
 * and the facilitators' names. Read once, a query per collection.
 */
export async function loadProviderReportInput(deps: ReportDeps, tenantId: string, now: Date, year?: string): Promise<ReportResult<ProviderReportInput>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const period = schoolYearNamed(year, now, tenant.settings.timezone);
  if (!period) return { ok: false, message: `"${year ?? ''}" is not a school year: give one like 2026-27.` };
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: period.from, lt: period.to } } })).map((v) => v.value);
  const ids = sessions.map((s) => s.id);
  const [participations, answers, gapTasks, impactFollowUps, facilitators] = await Promise.all([
    findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true }),
    loadSessionAnswers(store, tenantId, ids),
    findWhereIn(store.gapTasks, tenantId, 'sessionId', ids, { status: 'reported' }),
    findWhereIn(store.impactFollowUps, tenantId, 'sessionId', ids),
    findWhereIn(store.staff, tenantId, 'id', [...new Set(sessions.flatMap((s) => s.facilitatorIds))]),
  ]);
  const questions = [...new Map(answers.questionnaires.flatMap((q) => q.questions.map((x) => [x.id, x] as const))).values()];
  return {
    ok: true,
    value: {
      tenant,
      ...period,
      now,
      sessions,
      participations,
      answersBySession: answers.answersBySession,
      questions,
      gapTasks,
      impactFollowUps,
      facilitatorNames: new Map(facilitators.map((f) => [f.id, f.name])),
    },
  };
}
