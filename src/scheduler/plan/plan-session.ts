import type { PlanningInput } from './planner-types';
import { withPlanned } from './planner-types';
import { planOneSession } from './planner';
import { loadSessionScope } from './session-scope';
import { sessionWakeAt } from './wake-times';
import { writePlan, type PlanSummary } from './write-plan';
import type { Store } from '../../store/store';

export interface SubjectPlanned {
  summary: PlanSummary;
  /** When the subject must be planned again although nothing changes; undefined: never. */
  wakeAt?: Date;
}

/** Plans one session alone (after a change to it, or at its next wake-up): reads what it touches, nothing else. */
export async function planSession(store: Store, base: Pick<PlanningInput, 'tenant' | 'calendar' | 'now'>, sessionId: string): Promise<SubjectPlanned | undefined> {
  const scope = await loadSessionScope(store, base, sessionId);
  if (!scope) return undefined;
  const plan = planOneSession(scope.input, scope.session);
  const versions = new Map(scope.stored.map((d) => [d.value.id, d.version]));
  const summary = await writePlan(store, plan, versions, new Set(versions.keys()));
  const wakeAt = sessionWakeAt(withPlanned(scope.input, plan), scope.session);
  return { summary, ...(wakeAt ? { wakeAt } : {}) };
}
