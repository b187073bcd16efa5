import type { Store } from '../../store/store';
import type { Plan } from './planner-types';

export interface PlanSummary {
  created: number;
  cancelled: number;
  questionnaires: number;
  gapTasks: number;
}

export const emptySummary = (): PlanSummary => ({ created: 0, cancelled: 0, questionnaires: 0, gapTasks: 0 });

export function addSummary(total: PlanSummary, s: PlanSummary): void {
  total.created += s.created;
  total.cancelled += s.cancelled;
  total.questionnaires += s.questionnaires;
  total.gapTasks += s.gapTasks;
}

/**
 * Cancelled outbox records expire like sent ones (the dispatcher's 90 days): kept long enough that
 * the planner, whose rules stop long before that, never plans the same message again.
 */
export const CANCELLED_TTL_SECONDS = 90 * 24 * 3600;

/**
 * Writes a plan with create-if-absent. `versions`: the ETags of the pending records read, for the
 * cancellations; `known`: outbox ids already stored (read with the subject), not written again.
 */
export async function writePlan(store: Store, plan: Plan, versions: ReadonlyMap<string, string>, known: ReadonlySet<string> = new Set()): Promise<PlanSummary> {
  const summary = emptySummary();
  // Questionnaires and gap tasks first: a delivery must never point at a record not yet written.
  for (const q of plan.questionnaires) if ((await store.questionnaires.create(q)).ok) summary.questionnaires++;
  for (const t of plan.gapTasks) if ((await store.gapTasks.create(t)).ok) summary.gapTasks++;
  for (const f of plan.impactFollowUps) await store.impactFollowUps.create(f);
  for (const d of plan.deliveries) if (!known.has(d.id) && (await store.deliveries.create(d)).ok) summary.created++;
  for (const c of plan.cancellations) {
    // ETag-guarded: a record claimed or sent since we read it is left to its sender.
    const put = await store.deliveries.put(c, { ifVersion: versions.get(c.id)!, ttlSeconds: CANCELLED_TTL_SECONDS });
    if (put.ok) summary.cancelled++;
  }
  return summary;
}
