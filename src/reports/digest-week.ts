import { DateTime } from 'luxon';

export const DEFAULT_REPORT_ZONE = 'Europe/London';

/** A Monday-to-Sunday week in a zone, as UTC instants [start, end). */
export interface DigestWeek {
  start: string;
  end: string;
  /** ISO week label, e.g. "2026-W47": a stable key for the digest's delivery id. */
  label: string;
  /** e.g. "16–22 November 2026" */
  text: string;
}

function weekFrom(monday: DateTime): DigestWeek {
  const sunday = monday.plus({ days: 6 });
  const end = monday.plus({ weeks: 1 });
  const text =
    monday.month === sunday.month
      ? `${monday.toFormat('d')}–${sunday.toFormat('d LLLL yyyy')}`
      : monday.year === sunday.year
        ? `${monday.toFormat('d LLLL')} – ${sunday.toFormat('d LLLL yyyy')}`
        : `${monday.toFormat('d LLLL yyyy')} – ${sunday.toFormat('d LLLL yyyy')}`;
  return {
    start: monday.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    label: `${monday.toFormat("kkkk-'W'WW")}`,
    text,
  };
}

/**
 * The week a digest sent at `now` reports on: the last complete local week before `now`.
 * The digest goes out on Monday morning, when the current week has hardly begun.
 * Boundaries are local midnights, so a week that spans a clock change is 167 or 169 hours.
 */
export function digestWeek(now: Date, zone: string = DEFAULT_REPORT_ZONE): DigestWeek {
  const thisMonday = DateTime.fromJSDate(now, { zone }).startOf('week');
  return weekFrom(thisMonday.minus({ weeks: 1 }));
}

/** The local week that contains `now` (for an on-demand "this week so far" report). */
export function weekContaining(now: Date, zone: string = DEFAULT_REPORT_ZONE): DigestWeek {
  return weekFrom(DateTime.fromJSDate(now, { zone }).startOf('week'));
}
