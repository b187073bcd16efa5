import { DateTime } from 'luxon';

/** "Tuesday 24 November, 16:00–17:30" in the tenant's zone; the end's date is added when it differs. */
export function formatSessionTime(startsAt: string, endsAt: string, zone: string): string {
  const start = DateTime.fromISO(startsAt, { zone });
  const end = DateTime.fromISO(endsAt, { zone });
  const sameDay = start.hasSame(end, 'day');
  return sameDay
    ? `${start.toFormat('cccc d LLLL')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`
    : `${start.toFormat('cccc d LLLL, HH:mm')} – ${end.toFormat('cccc d LLLL, HH:mm')}`;
}

/** "Monday 30 November at 17:30" */
export function formatInstant(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat("cccc d LLLL 'at' HH:mm");
}

/** "Monday 30 November" */
export function formatDay(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('cccc d LLLL');
}

/** "November 2026" */
export function formatMonth(at: string, zone: string): string {
  return DateTime.fromISO(at, { zone }).toFormat('LLLL yyyy');
}

/** Counted words live in the domain (imports and reports use them too); the cards keep reaching them here. */
export { countOf } from '../domain/count-of';
