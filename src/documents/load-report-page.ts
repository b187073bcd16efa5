import { findWhereIn } from '../store/find-in';
import { schoolYear } from '../app/reports';
import { loadSessionAnswers } from '../app/reports';
import { buildReportPage, type ReportPageView } from './report-page';
import type { ReportDeps, ReportResult } from '../app/reports';

/**
 * The lead's report page for the school year containing `now`. Reads the year once (sessions,
 * their participations, questionnaires, answers and gap tasks) and builds every session's report
 * from it, rather than one store round trip per session.
 */
export async function loadReportPage(deps: ReportDeps, tenantId: string, now: Date): Promise<ReportResult<ReportPageView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const { from, to } = schoolYear(now, tenant.settings.timezone);
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: to } } })).map((v) => v.value);
  const ids = sessions.map((s) => s.id);
  const [participations, { questionnaires, answersBySession, responsesBySession, ratingQuestions }, gapTasks, impactFollowUps, facilitators] = await Promise.all([
    findWhereIn(store.participations, tenantId, 'sessionId', ids),
    loadSessionAnswers(store, tenantId, ids),
    findWhereIn(store.gapTasks, tenantId, 'sessionId', ids),
    findWhereIn(store.impactFollowUps, tenantId, 'sessionId', ids),
    findWhereIn(store.staff, tenantId, 'id', [...new Set(sessions.flatMap((s) => s.facilitatorIds))]),
  ]);
  // Today's audience (its active staff) counts as invited only for sessions held from before invitations were recorded.
  const invited = new Set(participations.filter((p) => p.invitedAt !== undefined).map((p) => p.sessionId));
  const nowIso = now.toISOString();
  const unrecorded = sessions.some((s) => s.status !== 'draft' && s.status !== 'cancelled' && s.startsAt <= nowIso && !invited.has(s.id));
  const staff = unrecorded ? (await store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value) : [];
  return {
    ok: true,
    value: buildReportPage({
      tenant,
      from,
      to,
      now,
      sessions,
      participations,
      responsesBySession,
      ratingQuestions,
      answers: [...answersBySession.values()].flat(),
      gapTasks,
      staff,
      questionnaires,
      answersBySession,
      providers: { impactFollowUps, facilitatorNames: new Map(facilitators.map((f) => [f.id, f.name])) },
    }),
  };
}
