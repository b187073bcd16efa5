import { planCancellations } from './planner-cancellations';
import { planDigests } from './planner-digests';
import { planGapNudges, planGapTasks } from './planner-gap-tasks';
import { planQuestionnaireMessages } from './planner-questionnaires';
import { planSessionMessages } from './planner-sessions';
import { planImpactFollowUps } from './planner-impact';
import { planStatutoryRenewals } from './planner-statutory';
import { planSurveyMessages } from './planner-surveys';
import { mergePlans, type Plan, type PlanningInput } from './planner-types';

export type { Plan, PlanningInput } from './planner-types';

/**
 * What is due for one tenant now: pure, so the same input always gives the same plan, and the
 * deterministic ids make writing it twice create nothing twice.
 */
export function planDeliveries(input: PlanningInput): Plan {
  const plan = mergePlans(
    ...input.sessions.map((s) => planSessionMessages(input, s)),
    ...input.sessions.map((s) => planQuestionnaireMessages(input, s)),
    ...input.sessions.map((s) => planGapTasks(input, s)),
    ...input.gapTasks.map((t) => planGapNudges(input, t)),
    planDigests(input),
    planCancellations(input),
    ...input.questionnaires.map((q) => planSurveyMessages(input, q)),
    planStatutoryRenewals(input),
    planImpactFollowUps(input),
  );
  // One record per id, first wins (two rules may name the same message).
  const seen = new Set<string>();
  plan.deliveries = plan.deliveries.filter((d) => !seen.has(d.id) && seen.add(d.id));
  return plan;
}
