import { isOpen, type Questionnaire, type Session } from '../../domain';
import type { ManagerDigestView } from '../../cards/views/manager-digest';
import { digestWeek } from './digest-week';
import { findWhereIn } from '../../store/find-in';
import { buildManagerDigest } from './manager-digest';
import type { ReportDeps, ReportResult } from '../reports';

/** Loads what one manager's digest needs: their reports' records only, found by lineManagerId and staffId. */
export async function loadManagerDigest(
  deps: ReportDeps,
  tenantId: string,
  managerId: string,
  now: Date,
): Promise<ReportResult<ManagerDigestView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const manager = (await store.staff.get(tenantId, managerId))?.value;
  if (!manager) return { ok: false, message: 'We could not find you in the staff list.' };

  const week = digestWeek(now, tenant.settings.timezone);
  const staff = (await store.staff.find(tenantId, { where: { lineManagerId: managerId } })).map((v) => v.value);
  const reportIds = staff.map((s) => s.id);
  const base = { tenant, manager, staff, week, now };
  if (reportIds.length === 0) {
    return {
      ok: true,
      value: buildManagerDigest({ ...base, sessions: [], participations: [], questionnaires: [], receipts: [], gapTasks: [], responses: [] }),
    };
  }

  const weekSessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: week.start, lt: week.end } } })).map((v) => v.value);
  const participations = await findWhereIn(store.participations, tenantId, 'staffId', reportIds);
  const gapTasks = await findWhereIn(store.gapTasks, tenantId, 'staffId', reportIds);
  const open = (await store.questionnaires.find(tenantId, { where: { closesAt: { gt: now.toISOString() } } }))
    .map((v) => v.value)
    .filter((q) => isOpen(q, now));
  const receipts = await findWhereIn(store.receipts, tenantId, 'staffId', reportIds, {
    questionnaireId: { in: open.map((q) => q.id) },
  });
  const weekQuestionnaires = await findWhereIn(store.questionnaires, tenantId, 'sessionId', weekSessions.map((s) => s.id));
  const named = weekQuestionnaires.filter((q) => !q.anonymous);
  const responses = await findWhereIn(store.responses, tenantId, 'respondentId', reportIds, {
    questionnaireId: { in: named.map((q) => q.id) },
  });

  // Only reviews sent this week can be new to the digest; the builder keeps those shared with this manager.
  const needsReviews = (await findWhereIn(store.needsReviews, tenantId, 'staffId', reportIds)).filter((r) => r.submittedAt >= week.start && r.submittedAt < week.end);

  const known = new Set(weekSessions.map((s) => s.id));
  const wanted = [...participations.map((p) => p.sessionId), ...gapTasks.map((g) => g.sessionId)].filter((id) => !known.has(id));
  const others: Session[] = await findWhereIn(store.sessions, tenantId, 'id', wanted);
  const questionnaires: Questionnaire[] = [...new Map([...open, ...weekQuestionnaires].map((q) => [q.id, q])).values()];

  return {
    ok: true,
    value: buildManagerDigest({ ...base, sessions: [...weekSessions, ...others], participations, questionnaires, receipts, gapTasks, responses, needsReviews }),
  };
}
