import { isOpen, type Staff } from '../../domain';
import type { ManagerDigestView } from '../../cards/views/manager-digest';
import { digestWeek } from './digest-week';
import { findWhereIn, groupBy } from '../../store/find-in';
import { buildManagerDigest } from './manager-digest';
import type { ReportDeps } from '../reports';

export interface ManagerDigest {
  managerId: string;
  view: ManagerDigestView;
}

/**
 * Every line manager's digest for one tenant in a handful of queries: the week's sessions and
 * their records, open questionnaires and their receipts, unfinished gap tasks and this week's
 * reports. Each manager's builder then sees only their own reports' slices.
 */
export async function buildAllDigests(deps: ReportDeps, tenantId: string, now: Date): Promise<ManagerDigest[]> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return [];
  const week = digestWeek(now, tenant.settings.timezone);

  const staff = (await store.staff.find(tenantId)).map((v) => v.value);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const reportsOf = groupBy(
    staff.filter((s) => s.lineManagerId !== undefined && s.active),
    (s) => s.lineManagerId!,
  );
  const managers = [...reportsOf.keys()].map((id) => byId.get(id)).filter((m): m is Staff => m !== undefined && m.active);
  if (managers.length === 0) return [];

  const weekSessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: week.start, lt: week.end } } })).map((v) => v.value);
  const open = (await store.questionnaires.find(tenantId, { where: { closesAt: { gt: now.toISOString() } } }))
    .map((v) => v.value)
    .filter((q) => isOpen(q, now));
  const weekQuestionnaires = await findWhereIn(store.questionnaires, tenantId, 'sessionId', weekSessions.map((s) => s.id));
  const questionnaires = [...new Map([...open, ...weekQuestionnaires].map((q) => [q.id, q])).values()];

  const sessionIdsNeeded = [...weekSessions.map((s) => s.id), ...open.flatMap((q) => (q.sessionId ? [q.sessionId] : []))];
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', sessionIdsNeeded);
  const receipts = await findWhereIn(store.receipts, tenantId, 'questionnaireId', open.map((q) => q.id));
  const unfinished = await findWhereIn(store.gapTasks, tenantId, 'status', ['awaiting-plan', 'planned']);
  const reportedThisWeek = (
    await store.gapTasks.find(tenantId, { where: { status: 'reported', 'report.submittedAt': { gte: week.start, lt: week.end } } })
  ).map((v) => v.value);
  const gapTasks = [...unfinished, ...reportedThisWeek];
  const responses = await findWhereIn(store.responses, tenantId, 'questionnaireId', weekQuestionnaires.filter((q) => !q.anonymous).map((q) => q.id));

  const known = new Set(weekSessions.map((s) => s.id));
  const others = await findWhereIn(
    store.sessions,
    tenantId,
    'id',
    [...sessionIdsNeeded, ...gapTasks.map((g) => g.sessionId)].filter((id) => !known.has(id)),
  );
  const sessions = [...weekSessions, ...others];

  const participationsBy = groupBy(participations, (p) => p.staffId);
  const receiptsBy = groupBy(receipts, (r) => r.staffId);
  const gapTasksBy = groupBy(gapTasks, (g) => g.staffId);
  const responsesBy = groupBy(responses, (r) => r.respondentId);
  const slice = <T>(groups: Map<string, T[]>, people: readonly Staff[]): T[] => people.flatMap((p) => groups.get(p.id) ?? []);

  return managers
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((manager) => {
      const team = reportsOf.get(manager.id) ?? [];
      return {
        managerId: manager.id,
        view: buildManagerDigest({
          tenant,
          manager,
          staff: team,
          week,
          now,
          sessions,
          questionnaires,
          participations: slice(participationsBy, team),
          receipts: slice(receiptsBy, team),
          gapTasks: slice(gapTasksBy, team),
          responses: slice(responsesBy, team),
        }),
      };
    });
}
