import { DateTime } from 'luxon';
import type { DeliveryKind } from './delivery';
import type { GapTask } from './gap-task';
import type { Staff } from './staff';

/** What waits while someone is away: reminders and nudges. Invitations, digests and notices still go. */
export const HELD_WHILE_AWAY: ReadonlySet<DeliveryKind> = new Set<DeliveryKind>(['reminder-day-before', 'reminder-hour-before', 'questionnaire-reminder', 'gap-report-nudge', 'course-attendance', 'mentoring-reminder', 'mentoring-action-nudge', 'year-ahead-prompt', 'statutory-due']);

/** Whether the person is away on a local day (they are back on `awayUntil` itself). */
export function isAwayOn(staff: Pick<Staff, 'awayUntil'>, localDate: string): boolean {
  return staff.awayUntil !== undefined && localDate < staff.awayUntil;
}

/**
 * A gap task's due date moved by an away period: the original due date (kept, so setting the same
 * period twice moves nothing twice) plus the length of the absence. Tasks due before the person
 * went away are left alone. Undefined: no change.
 */
export function dueDateMovedForAway(task: GapTask, awayFrom: string, awayUntil: string, zone: string): GapTask | undefined {
  if (task.status === 'reported') return undefined;
  const base = task.originalDueAt ?? task.dueAt;
  const from = DateTime.fromISO(awayFrom, { zone });
  if (DateTime.fromISO(base) < from) return undefined;
  const days = DateTime.fromISO(awayUntil, { zone }).diff(from, 'days').days;
  const dueAt = DateTime.fromISO(base, { zone }).plus({ days: Math.max(0, Math.round(days)) }).toUTC().toISO()!;
  if (dueAt === task.dueAt) return undefined;
  return { ...task, dueAt, originalDueAt: base };
}
