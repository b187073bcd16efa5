import { HELD_WHILE_AWAY, isAwayOn, type Delivery, type Session } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { planAttendanceChecks } from './planner-attendance';
import { planCancellations } from './planner-cancellations';
import { planDigests } from './planner-digests';
import { planGapNudges, planGapTasks } from './planner-gap-tasks';
import { planQuestionnaireMessages } from './planner-questionnaires';
import { planRequestNudges } from './planner-requests';
import { planSessionMessages } from './planner-sessions';
import { planImpactFollowUps } from './planner-impact';
import { planMentoring } from './planner-mentoring';
import { planStatutoryDue, planStatutoryRenewals } from './planner-statutory';
import { planSurveyMessages } from './planner-surveys';
import { planYearAheadPrompts } from './planner-year-ahead';
import { mergePlans, withPlanned, type Plan, type PlanningInput } from './planner-types';

export type { Plan, PlanningInput } from './planner-types';

/**
 * What is due for one tenant now: pure, so the same input always gives the same plan, and the
 * deterministic ids make writing it twice create nothing twice.
 */
export function planDeliveries(input: PlanningInput): Plan {
  return finishPlan(
    input,
    mergePlans(
      ...input.sessions.map((s) => planSessionMessages(input, s)),
      ...input.sessions.map((s) => planQuestionnaireMessages(input, s)),
      ...input.sessions.map((s) => planGapTasks(input, s)),
      ...input.sessions.map((s) => planAttendanceChecks(input, s)),
      ...input.gapTasks.map((t) => planGapNudges(input, t)),
      planDigests(input),
      planCancellations(input),
      ...input.questionnaires.map((q) => planSurveyMessages(input, q)),
      ...(input.cpdRequests ?? []).map((r) => planRequestNudges(input, r)),
      planStatutoryRenewals(input),
      planStatutoryDue(input),
      planImpactFollowUps(input),
      planMentoring(input),
      planYearAheadPrompts(input),
    ),
  );
}

/**
 * One session's rules alone, from an input read for that session (session-scope.ts): its messages,
 * questionnaire, gap tasks and their nudges, its impact follow-up, and its records no longer wanted.
 * The same rules as planDeliveries, so planning a session alone plans what a full run would for it.
 */
export function planOneSession(input: PlanningInput, session: Session): Plan {
  return settled(input, (i) => planSessionRules(i, session));
}

/**
 * A plan and what the records it creates plan in turn (a new gap task's current nudge), in one
 * pass rather than at the next: so a wake-up is never owed for something already due. Every rule
 * is create-if-absent, so the second round adds only what the new records bring.
 */
export function settled(input: PlanningInput, plan: (input: PlanningInput) => Plan): Plan {
  const first = plan(input);
  if (first.gapTasks.length + first.questionnaires.length + first.impactFollowUps.length === 0) return first;
  const second = plan(withPlanned(input, first));
  return finishPlan(input, mergePlans(first, { ...second, questionnaires: [], gapTasks: [], impactFollowUps: [] }));
}

function planSessionRules(input: PlanningInput, session: Session): Plan {
  return finishPlan(
    input,
    mergePlans(
      planSessionMessages(input, session),
      planQuestionnaireMessages(input, session),
      planGapTasks(input, session),
      ...input.gapTasks.filter((t) => t.sessionId === session.id).map((t) => planGapNudges(input, t)),
      planImpactFollowUps(input, session),
      planAttendanceChecks(input, session),
      planCancellations(input),
    ),
  );
}

function finishPlan(input: PlanningInput, plan: Plan): Plan {
  // One record per id, first wins (two rules, or two rounds of `settled`, may name the same message).
  const seen = new Set<string>();
  plan.deliveries = plan.deliveries.filter((d) => !seen.has(d.id) && seen.add(d.id));
  const cancelled = new Set<string>();
  plan.cancellations = plan.cancellations.filter((c) => !cancelled.has(c.id) && cancelled.add(c.id));
  plan.deliveries = withoutHeldWhileAway(input, plan.deliveries);
  return plan;
}

/** Reminders and nudges for someone away are not planned; the planner plans the current nudge again once they are back. */
function withoutHeldWhileAway(input: PlanningInput, deliveries: Delivery[]): Delivery[] {
  const away = new Map(input.staff.filter((s) => s.awayUntil).map((s) => [s.id, s]));
  if (away.size === 0) return deliveries;
  const zone = input.tenant.settings.timezone;
  return deliveries.filter((d) => {
    const person = away.get(d.recipientId);
    return !person || !HELD_WHILE_AWAY.has(d.kind) || !isAwayOn(person, localDateOf(new Date(d.dueAt), zone));
  });
}
