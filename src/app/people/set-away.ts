import { dueDateMovedForAway, type GapTask, type Staff } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { formatDay } from '../../cards/format';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';
import { parseBackDate } from './away-date';
import { findStaffByEmail } from './staff-records';

export type SetAwayResult = { ok: true; staff: Staff; movedTasks: GapTask[] } | { ok: false; message: string };

/**
 * "Away until <date>" (maternity, long-term absence), set by the person or the lead: no reminders
 * or nudges before that day, and their open gap tasks fall due as much later as they are away.
 * Setting the same date again changes nothing; a later date moves the tasks from their first due date.
 */
export async function setAway(deps: { store: Store }, tenantId: string, staffId: string, untilText: string, now: Date, zone: string): Promise<SetAwayResult> {
  const today = localDateOf(now, zone);
  const until = parseBackDate(untilText, today);
  if (!until) return { ok: false, message: `"${untilText}" is not a date: give the day they are back, e.g. 2027-01-04, 4/1/2027 or 4 January.` };
  if (until <= today) return { ok: false, message: `${formatDay(until, zone)} is not in the future: give the day they are back.` };
  const updated = await updateWithRetry(deps.store.staff, tenantId, staffId, (s) => {
    const awayFrom = s.awayUntil && s.awayFrom && s.awayUntil > today ? s.awayFrom : today;
    return s.awayUntil === until && s.awayFrom === awayFrom ? undefined : { ...s, awayUntil: until, awayFrom };
  });
  if (!updated.ok) return { ok: false, message: updated.reason === 'absent' ? 'That person is not in the staff list.' : 'Their record changed meanwhile; try again.' };
  const staff = updated.value;
  const open = await deps.store.gapTasks.find(tenantId, { where: { staffId, status: { in: ['awaiting-plan', 'planned'] } } });
  const movedTasks: GapTask[] = [];
  for (const task of open) {
    const moved = await updateWithRetry(deps.store.gapTasks, tenantId, task.value.id, (t) => dueDateMovedForAway(t, staff.awayFrom!, staff.awayUntil!, zone));
    if (moved.ok && moved.changed) movedTasks.push(moved.value);
  }
  return { ok: true, staff, movedTasks };
}

/** The lead sets it for someone by e-mail. */
export async function setAwayByEmail(deps: { store: Store }, tenantId: string, email: string, untilText: string, now: Date, zone: string): Promise<SetAwayResult> {
  const found = await findStaffByEmail(deps, tenantId, email);
  if (!found.ok) return found;
  return setAway(deps, tenantId, found.staff.id, untilText, now, zone);
}

/**
 * Back early ("back"): the away period ends today, so reminders and nudges start again, and open
 * gap tasks fall due only as much later as the person was actually away (from their first due date).
 */
export async function endAway(deps: { store: Store }, tenantId: string, staffId: string, now: Date, zone: string): Promise<SetAwayResult> {
  const today = localDateOf(now, zone);
  const updated = await updateWithRetry(deps.store.staff, tenantId, staffId, (s) => (s.awayUntil && s.awayUntil > today ? { ...s, awayUntil: today, awayFrom: s.awayFrom ?? today } : undefined));
  if (!updated.ok) return { ok: false, message: updated.reason === 'absent' ? 'That person is not in the staff list.' : 'Their record changed meanwhile; try again.' };
  if (!updated.changed) return { ok: false, message: 'You are not marked as away, so there is nothing to end.' };
  const staff = updated.value;
  const open = await deps.store.gapTasks.find(tenantId, { where: { staffId, status: { in: ['awaiting-plan', 'planned'] } } });
  const movedTasks: GapTask[] = [];
  for (const task of open) {
    const moved = await updateWithRetry(deps.store.gapTasks, tenantId, task.value.id, (t) => dueDateMovedForAway(t, staff.awayFrom!, today, zone));
    if (moved.ok && moved.changed) movedTasks.push(moved.value);
  }
  return { ok: true, staff, movedTasks };
}
