import type { Clock } from '../../domain';
import { SchoolCalendar, Tenant } from '../../domain';
import { mapBounded } from '../../store/bounded';
import type { Store } from '../../store/store';
import { planDeliveries } from './planner';
import { statutoryRenewalHorizon } from './planner-statutory';
import { DAY_MS } from './planner-types';
import { advanceCpdRequests } from './request-progress';

export interface PlanDeps {
  store: Store;
  clock: Clock;
}

export interface PlanSummary {
  created: number;
  cancelled: number;
  questionnaires: number;
  gapTasks: number;
}

/**
 * Cancelled outbox records expire like sent ones (the dispatcher's 90 days): kept long enough that
 * the planner, whose rules stop long before that, never plans the same message again.
 */
export const CANCELLED_TTL_SECONDS = 90 * 24 * 3600;

/** Cancellations (each its own ETag-guarded put) in flight at once. */
const CANCEL_PARALLELISM = 16;

/** Sessions older than this (and their gap tasks) no longer lead to messages. */
const LOOK_BACK_DAYS = 60;
/** Up to 26 school weeks plus holidays after a marked session. */
const IMPACT_LOOK_BACK_DAYS = 240;

const values = <T>(rows: { value: T }[]): T[] => rows.map((r) => r.value);

/** Reads what the planner needs for one tenant, plans, and writes with create-if-absent. */
export async function planTenant(deps: PlanDeps, tenantId: string): Promise<PlanSummary> {
  const { store } = deps;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * DAY_MS).toISOString();
  const tenantDoc = await store.tenants.get(tenantId, tenantId);
  if (!tenantDoc) throw new Error(`no tenant ${tenantId}`);
  const tenant = Tenant.parse(tenantDoc.value);
  const renewalHorizon = statutoryRenewalHorizon(tenant, now);
  // Sessions marked for an impact follow-up are asked about weeks later: looked back on further than the rest.
  const impactSince = new Date(now.getTime() - IMPACT_LOOK_BACK_DAYS * DAY_MS).toISOString();
  const [calendar, recentSessions, staff, templates, gapTasks, pending, statutoryTraining, markedSessions, impactFollowUps, cpdRequests] = await Promise.all([
    store.calendars.get(tenantId, 'calendar'),
    store.sessions.find(tenantId, { where: { startsAt: { gte: since } } }),
    store.staff.find(tenantId, { where: { active: true } }),
    store.templates.find(tenantId),
    store.gapTasks.find(tenantId, { where: { dueAt: { gte: since } } }),
    store.deliveries.find(tenantId, { where: { status: 'pending' } }),
    store.statutoryTraining.find(tenantId, { where: { expiresOn: { gte: renewalHorizon.from, lte: renewalHorizon.to } } }),
    store.sessions.find(tenantId, { where: { startsAt: { gte: impactSince, lt: since }, 'impactFollowUp.weeksAfter': { exists: true } } }),
    store.impactFollowUps.find(tenantId, { where: { status: { in: ['asked', 'answered'] } } }),
    // Requests waiting for an approver: their nudges (docs/requests.md).
    store.cpdRequests.find(tenantId, { where: { status: 'submitted' } }),
  ]);
  const sessions = recentSessions;
  // Only the impact rule sees the older marked sessions: the other rules keep their own look-back.
  const sessionIds = [...sessions, ...markedSessions].map((s) => s.value.id);
  const [participations, sessionQuestionnaires, openSurveys] = await Promise.all([
    sessionIds.length ? store.participations.find(tenantId, { where: { sessionId: { in: sessionIds } } }) : [],
    sessionIds.length ? store.questionnaires.find(tenantId, { where: { sessionId: { in: sessionIds } } }) : [],
    // Surveys belong to no session: those not long closed (closesAt is indexed), so their pending messages can be cancelled.
    store.questionnaires.find(tenantId, { where: { purpose: 'survey', closesAt: { gte: new Date(now.getTime() - 7 * DAY_MS).toISOString() } } }),
  ]);
  const questionnaires = [...new Map([...sessionQuestionnaires, ...openSurveys].map((q) => [q.value.id, q])).values()];
  const questionnaireIds = questionnaires.map((q) => q.value.id);
  const receipts = questionnaireIds.length
    ? await store.receipts.find(tenantId, { where: { questionnaireId: { in: questionnaireIds } } })
    : [];

  const plan = planDeliveries({
    tenant,
    calendar: calendar?.value ?? SchoolCalendar.parse({ tenantId }),
    sessions: values(sessions),
    participations: values(participations),
    questionnaires: values(questionnaires),
    templates: values(templates),
    receipts: values(receipts),
    gapTasks: values(gapTasks),
    staff: values(staff),
    statutoryTraining: values(statutoryTraining),
    impactFollowUps: values(impactFollowUps),
    impactSessions: values(markedSessions),
    pending: values(pending),
    cpdRequests: values(cpdRequests),
    now,
  });

  const summary: PlanSummary = { created: 0, cancelled: 0, questionnaires: 0, gapTasks: 0 };
  // Questionnaires and gap tasks first: a delivery must never point at a record not yet written.
  // One createMany per collection: one transaction on SQLite, bulk or parallel creates on Cosmos.
  const landed = (results: readonly { ok: boolean }[]): number => results.filter((r) => r.ok).length;
  summary.questionnaires = landed(await store.questionnaires.createMany(plan.questionnaires));
  summary.gapTasks = landed(await store.gapTasks.createMany(plan.gapTasks));
  await store.impactFollowUps.createMany(plan.impactFollowUps);
  summary.created = landed(await store.deliveries.createMany(plan.deliveries));
  const versions = new Map(pending.map((p) => [p.value.id, p.version]));
  // ETag-guarded: a record claimed or sent since we read it is left to its sender.
  const cancelled = await mapBounded(plan.cancellations, CANCEL_PARALLELISM, (c) =>
    store.deliveries.put(c, { ifVersion: versions.get(c.id)!, ttlSeconds: CANCELLED_TTL_SECONDS }),
  );
  summary.cancelled = landed(cancelled);
  // Booked courses move on to attended and evaluated as their sessions do.
  await advanceCpdRequests(deps, tenantId, now);
  return summary;
}

/** Plans every tenant; one tenant's failure does not stop the others. */
export async function planAllTenants(
  deps: PlanDeps & { onError?: (tenantId: string, error: unknown) => void },
): Promise<PlanSummary> {
  const total: PlanSummary = { created: 0, cancelled: 0, questionnaires: 0, gapTasks: 0 };
  for (const { value: tenant } of await deps.store.tenants.findAcrossTenants()) {
    try {
      const s = await planTenant(deps, tenant.tenantId);
      total.created += s.created;
      total.cancelled += s.cancelled;
      total.questionnaires += s.questionnaires;
      total.gapTasks += s.gapTasks;
    } catch (error) {
      deps.onError?.(tenant.tenantId, error);
    }
  }
  return total;
}
