import { DateTime } from 'luxon';
import type { GapTask, Session } from '../../domain';
import { gapTaskId } from '../../domain';
import { attendeesOf } from './planner-questionnaires';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

const DEFAULT_GAP_DAYS = 14;

/** Due at the follow-up session's start, else two weeks after session one ends. */
export function gapTaskDueAt(input: PlanningInput, session: Session): string {
  const followUp = input.sessions.find((s) => s.id === session.followUpSessionId);
  if (followUp) return followUp.startsAt;
  const zone = input.tenant.settings.timezone;
  return DateTime.fromISO(session.endsAt, { zone }).plus({ days: DEFAULT_GAP_DAYS }).toUTC().toISO()!;
}

/** After session one: a gap task for each attendee and a request to plan it. */
export function planGapTasks(input: PlanningInput, session: Session): Plan {
  const plan = emptyPlan();
  const { now } = input;
  if (!session.gapTask || session.status !== 'published' || now < new Date(session.endsAt)) return plan;
  const dueAt = gapTaskDueAt(input, session);
  if (now >= new Date(dueAt)) return plan;
  for (const staffId of attendeesOf(input, session.id)) {
    const id = gapTaskId(session.id, staffId);
    const task: GapTask = input.gapTasks.find((t) => t.id === id) ?? {
      tenantId: input.tenant.tenantId,
      id,
      sessionId: session.id,
      ...(session.followUpSessionId ? { followUpSessionId: session.followUpSessionId } : {}),
      staffId,
      intent: session.gapTask.intent,
      task: session.gapTask.task,
      dueAt,
      status: 'awaiting-plan',
    };
    if (!input.gapTasks.some((t) => t.id === id)) plan.gapTasks.push(task);
    if (task.status === 'awaiting-plan') {
      plan.deliveries.push(
        plannedDelivery(input, {
          kind: 'gap-plan-request',
          recipientId: staffId,
          subject: { sessionId: session.id, gapTaskId: id },
          subjectKey: id,
          at: new Date(session.endsAt),
          expiresAt: new Date(task.dueAt),
        }),
      );
    }
  }
  return plan;
}

/** The nudge step now current: the latest of "N days before" (or overdue) whose time has come. */
export function currentNudgeStep(input: PlanningInput, task: GapTask): { slot: string; at: Date } | undefined {
  const zone = input.tenant.settings.timezone;
  const due = DateTime.fromISO(task.dueAt, { zone });
  const steps = [...input.tenant.settings.gapTaskNudgeDaysBefore]
    .sort((a, b) => b - a)
    .map((days) => ({ slot: `d${days}`, at: due.minus({ days }).toJSDate() }));
  // Overdue once, just after the due time (then deferred like any other message).
  steps.push({ slot: 'overdue', at: due.plus({ minutes: 1 }).toJSDate() });
  let current: { slot: string; at: Date } | undefined;
  for (const step of steps) if (step.at <= input.now) current = step;
  return current;
}

/** Impact-report nudges stepping up towards the due date, stopping once the report is in; snoozes respected. */
export function planGapNudges(input: PlanningInput, task: GapTask): Plan {
  const plan = emptyPlan();
  const { now } = input;
  if (task.status === 'reported') return plan;
  if (task.snoozedUntil && now < new Date(task.snoozedUntil)) return plan;
  if (now >= new Date(new Date(task.dueAt).getTime() + 7 * DAY_MS)) return plan;
  const step = currentNudgeStep(input, task);
  if (!step) return plan;
  // A snooze that ended after this step began sends the step at the end of the snooze.
  const at = task.snoozedUntil && new Date(task.snoozedUntil) > step.at ? new Date(task.snoozedUntil) : step.at;
  plan.deliveries.push(
    plannedDelivery(input, {
      kind: 'gap-report-nudge',
      recipientId: task.staffId,
      subject: { sessionId: task.sessionId, gapTaskId: task.id },
      subjectKey: task.id,
      // A due date moved by an away period starts a new run of nudges (the old ones may have been held).
      slot: task.originalDueAt ? `${step.slot}:${task.dueAt}` : step.slot,
      at,
      // A nudge is pointless after its due date; the overdue one lasts as long as the planner keeps nudging.
      expiresAt: new Date(new Date(task.dueAt).getTime() + (step.slot === 'overdue' ? 7 * DAY_MS : 0)),
    }),
  );
  return plan;
}
