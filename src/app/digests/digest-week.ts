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

/** "16–22 November 2026", "30 November – 6 December 2026": the days from `first` to `last`, inclusive. */
function daysText(first: DateTime, last: DateTime): string {
  return first.month === last.month && first.year === last.year
    ? `${first.toFormat('d')}–${last.toFormat('d LLLL yyyy')}`
    : first.year === last.year
      ? `${first.toFormat('d LLLL')} – ${last.toFormat('d LLLL yyyy')}`
      : `${first.toFormat('d LLLL yyyy')} – ${last.toFormat('d LLLL yyyy')}`;
}

function weekFrom(monday: DateTime): DigestWeek {
  const end = monday.plus({ weeks: 1 });
  return {
    start: monday.toUTC().toISO()!,
    end: end.toUTC().toISO()!,
    label: `${monday.toFormat("kkkk-'W'WW")}`,
    text: daysText(monday, monday.plus({ days: 6 })),
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

/** What is coming: from `now` to the end of the sixth local day after today (a Monday digest sees Monday to Sunday). */
export interface ComingDays {
  start: string;
  end: string;
  /** e.g. "23–29 November 2026" */
  text: string;
}

export function comingDays(now: Date, zone: string = DEFAULT_REPORT_ZONE, days = 7): ComingDays {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return {
    start: now.toISOString(),
    end: today.plus({ days }).toUTC().toISO()!,
    text: daysText(today, today.plus({ days: days - 1 })),
  };
}
