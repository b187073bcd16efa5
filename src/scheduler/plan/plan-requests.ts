import { planRequest, SchoolCalendar, Tenant, type PlanRequest } from '../../domain';
import type { Clock } from '../../domain';
import { withoutChangeLog } from '../../store/change-log';
import type { Versioned } from '../../store/port';
import type { Store } from '../../store/store';
import { planSession, type SubjectPlanned } from './plan-session';
import { planSurveyAnswers } from './plan-survey-answers';
import { planWholeTenant } from './plan-tenant';
import { scheduleWakes } from './wake-ups';
import { addSummary, emptySummary, type PlanSummary } from './write-plan';

export interface PlanChangesDeps {
  store: Store;
  clock: Clock;
  instanceId: string;
  onError?: (tenantId: string, error: unknown) => void;
}

export interface PlanChangesSummary extends PlanSummary {
  /** Subjects planned this pass (sessions, questionnaires resolved, whole tenants). */
  subjects: number;
}

/** Long enough for a whole-tenant plan of a large trust; a planner that dies is replaced after it. */
const LEASE_MS = 5 * 60_000;
/** Requests claimed per query; a pass goes on until none is due. */
const BATCH = 100;
/** Subjects planned at once: bounded, so a burst of changes does not flood the store. */
const PARALLEL = 4;
/** A pass stops after this many batches and leaves the rest to the next tick. */
const MAX_BATCHES = 20;

/**
 * One planner pass (docs/delivery.md): claims the plan requests now due (changes, and subjects
 * whose next time-based rule has come) under a lease, plans each subject alone, and records its next
 * wake-up. An idle pass is one query that finds nothing, whatever the size of the tenants.
 */
export async function planChanges(deps: PlanChangesDeps): Promise<PlanChangesSummary> {
  const total: PlanChangesSummary = { ...emptySummary(), subjects: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const now = deps.clock.now();
    const due = await deps.store.planRequests.findAcrossTenants({ where: { availableAt: { lte: now.toISOString() } }, orderBy: { field: 'availableAt' }, limit: BATCH });
    if (due.length === 0) break;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < due.length) {
        const request = due[next++]!;
        const planned = await claimAndPlan(deps, request);
        if (planned) {
          addSummary(total, planned.summary);
          total.subjects++;
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (due.length < BATCH) break;
  }
  return total;
}

async function claimAndPlan(deps: PlanChangesDeps, found: Versioned<PlanRequest>): Promise<SubjectPlanned | undefined> {
  const { store, clock } = deps;
  const { tenantId, id, subject } = found.value;
  const leaseEnd = new Date(clock.now().getTime() + LEASE_MS).toISOString();
  const claimed = await store.planRequests.put({ tenantId, id, subject, availableAt: leaseEnd, leaseOwner: deps.instanceId }, { ifVersion: found.version });
  // Another instance claimed it, or a change came in since it was read (it is then due again).
  if (!claimed.ok) return undefined;
  try {
    const planned = await withoutChangeLog(() => planSubject(deps, found.value));
    // ETag-guarded: a change written while this was planning made the request due again; leave it so.
    if (planned?.wakeAt) await store.planRequests.put(planRequest(tenantId, subject, planned.wakeAt.toISOString()), { ifVersion: claimed.version });
    else await store.planRequests.delete(tenantId, id, { ifVersion: claimed.version });
    return planned ?? { summary: emptySummary() };
  } catch (error) {
    // The lease runs out and the request is planned again then.
    deps.onError?.(tenantId, error);
    return undefined;
  }
}

async function planSubject(deps: PlanChangesDeps, request: PlanRequest): Promise<SubjectPlanned | undefined> {
  const { store } = deps;
  const { tenantId, subject } = request;
  const tenantDoc = await store.tenants.get(tenantId, tenantId);
  // A tenant erased since the change: nothing to plan, and the request goes.
  if (!tenantDoc) return undefined;
  if (subject.kind === 'tenant') return planWholeTenant(deps, tenantId);
  const calendar = (await store.calendars.get(tenantId, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId });
  const base = { tenant: Tenant.parse(tenantDoc.value), calendar, now: deps.clock.now() };
  if (subject.kind === 'session') return planSession(store, base, subject.sessionId);
  // An answer: to a session's questionnaire, plan that session; to a survey, cancel what waits for those who answered.
  const questionnaire = (await store.questionnaires.get(tenantId, subject.questionnaireId))?.value;
  if (!questionnaire) return undefined;
  if (!questionnaire.sessionId) return planSurveyAnswers(store, base, questionnaire);
  const planned = await planSession(store, base, questionnaire.sessionId);
  await scheduleWakes(store, tenantId, [{ subject: { kind: 'session', sessionId: questionnaire.sessionId }, at: planned?.wakeAt }]);
  return planned && { summary: planned.summary };
}

/** Every tenant planned whole on the next pass: at start, after downtime or an upgrade, as a safety net. */
export async function requestWholeTenantPlans(store: Store): Promise<number> {
  const tenants = await store.tenants.findAcrossTenants();
  for (const { value } of tenants) await store.planRequests.put(planRequest(value.tenantId, { kind: 'tenant' }));
  return tenants.length;
}
