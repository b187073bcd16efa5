import { mapBounded } from '../../store/bounded';
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

/** Cancellations (each its own ETag-guarded put) in flight at once. */
const CANCEL_PARALLELISM = 16;

/**
 * Writes a plan with create-if-absent. `versions`: the ETags of the pending records read, for the
 * cancellations; `known`: outbox ids already stored (read with the subject), not written again.
 */
export async function writePlan(store: Store, plan: Plan, versions: ReadonlyMap<string, string>, known: ReadonlySet<string> = new Set()): Promise<PlanSummary> {
  const summary = emptySummary();
  // Questionnaires and gap tasks first: a delivery must never point at a record not yet written.
  // One createMany per collection: one transaction on SQLite, bulk or parallel creates on Cosmos.
  const landed = (results: readonly { ok: boolean }[]): number => results.filter((r) => r.ok).length;
  summary.questionnaires = landed(await store.questionnaires.createMany(plan.questionnaires));
  summary.gapTasks = landed(await store.gapTasks.createMany(plan.gapTasks));
  await store.impactFollowUps.createMany(plan.impactFollowUps);
  summary.created = landed(await store.deliveries.createMany(plan.deliveries.filter((d) => !known.has(d.id))));
  // ETag-guarded: a record claimed or sent since we read it is left to its sender.
  const cancelled = await mapBounded(plan.cancellations, CANCEL_PARALLELISM, (c) =>
    store.deliveries.put(c, { ifVersion: versions.get(c.id)!, ttlSeconds: CANCELLED_TTL_SECONDS }),
  );
  summary.cancelled = landed(cancelled);
  return summary;
}
