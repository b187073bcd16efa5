import { DateTime } from 'luxon';
import type { SchoolCalendar } from './calendar';

/** The zone a tenant's wall-clock rules are read in, unless its settings name another. */
export const DEFAULT_ZONE = 'Europe/London';

export interface SendWindowOptions {
  zone?: string;
  /** Local days (YYYY-MM-DD) on which weekend and holiday rules are waived: the session itself is then. */
  sessionDays?: readonly string[];
  /** A span in which quiet hours are waived too, e.g. from the hour-before reminder to the session's end. */
  sessionSpan?: { start: Date; end: Date };
}

type Calendar = Pick<SchoolCalendar, 'holidays' | 'quietHours' | 'quietWeekends'>;

/** The instant a wall-clock time has on a local day; in the spring-forward gap luxon moves it on by the gap. */
export function atLocalTime(zone: string, localDate: string, time: string): Date {
  const dt = DateTime.fromISO(`${localDate}T${time}`, { zone });
  if (!dt.isValid) throw new Error(`not a local date and time: ${localDate} ${time} in ${zone}`);
  return dt.toJSDate();
}

/** The local day (YYYY-MM-DD) of an instant in a zone. */
export function localDateOf(at: Date, zone: string = DEFAULT_ZONE): string {
  return DateTime.fromJSDate(at, { zone }).toISODate()!;
}

/** Adds whole local days (so 15:00 stays 15:00 across a clock change). */
export function addLocalDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export function isHoliday(calendar: Pick<SchoolCalendar, 'holidays'>, localDate: string): boolean {
  return calendar.holidays.some((h) => h.start <= localDate && localDate <= h.end);
}

export function isWeekend(localDate: string): boolean {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).weekday >= 6;
}

/** The first day after `localDate` that is neither a weekend nor a school holiday. */
export function nextSchoolDay(calendar: Pick<SchoolCalendar, 'holidays'>, localDate: string): string {
  let day = addLocalDays(localDate, 1);
  // A year of holidays is a misconfigured calendar, not a reason to loop forever.
  for (let step = 0; step < 400 && (isWeekend(day) || isHoliday(calendar, day)); step++) day = addLocalDays(day, 1);
  return day;
}

/** Whether a local minute-of-day falls in quiet hours; the usual window wraps midnight (18:00–07:30). */
export function isQuietMinute(calendar: Calendar, minuteOfDay: number): boolean {
  const start = minutesOf(calendar.quietHours.start);
  const end = minutesOf(calendar.quietHours.end);
  if (start === end) return false;
  return start > end ? minuteOfDay >= start || minuteOfDay < end : minuteOfDay >= start && minuteOfDay < end;
}

function dayBlocked(calendar: Calendar, localDate: string, options: SendWindowOptions): boolean {
  if (options.sessionDays?.includes(localDate)) return false;
  return (calendar.quietWeekends && isWeekend(localDate)) || isHoliday(calendar, localDate);
}

/**
 * The earliest instant at or after `at` when a message may be sent: not in quiet hours, not at a
 * weekend, not in a school holiday, unless the session itself is then. Walks in local wall-clock
 * time, so the March and October clock changes move nothing by an hour.
 */
export function nextAllowedSendTime(at: Date, calendar: Calendar, options: SendWindowOptions = {}): Date {
  const zone = options.zone ?? DEFAULT_ZONE;
  const span = options.sessionSpan;
  let t = at;
  // A year of blocked days is a misconfigured calendar, not a reason to loop forever.
  for (let step = 0; step < 800; step++) {
    if (span && span.start <= t && t <= span.end) return t;
    const local = DateTime.fromJSDate(t, { zone });
    const day = local.toISODate()!;
    if (dayBlocked(calendar, day, options)) {
      const midnight = atLocalTime(zone, addLocalDays(day, 1), '00:00');
      // A sessionSpan opening later on a blocked day (a session just after midnight) lets the message go then.
      t = span && span.start > t && span.start < midnight ? span.start : midnight;
      continue;
    }
    const minute = local.hour * 60 + local.minute;
    if (!isQuietMinute(calendar, minute)) return t;
    const end = calendar.quietHours.end;
    // Before the morning end: later today; after the evening start: tomorrow morning.
    const target = minute < minutesOf(end) ? atLocalTime(zone, day, end) : atLocalTime(zone, addLocalDays(day, 1), end);
    // A sessionSpan starting inside the quiet stretch lets the message go at its start.
    t = span && span.start > t && span.start < target ? span.start : target;
  }
  throw new Error('no allowed send time within 800 steps: check the school calendar');
}
