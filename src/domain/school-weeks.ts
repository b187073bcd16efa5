import { DateTime } from 'luxon';
import type { SchoolCalendar } from './calendar';
import type { ProgrammeWeek } from './mentoring';
import { addLocalDays, isHoliday } from './school-time';

/**
 * School weeks (issue 30, docs/mentoring.md): a programme's meetings fall in "week 2", "weeks 8-9" of the
 * school year, counted so that holidays are skipped. Week 1 is the week (Monday to Friday) of the first
 * day of the autumn term; a week counts when at least one of its weekdays is in a term and not in a
 * holiday, so a half-term week is not a school week and the week after it is the next one.
 */

type TermCalendar = Pick<SchoolCalendar, 'terms' | 'holidays'>;

/** "2026-27" → 2026. */
function firstCalendarYear(academicYear: string): number {
  return Number(academicYear.slice(0, 4));
}

/** "2026-27" → "2027-28". */
export function nextAcademicYear(academicYear: string): string {
  const start = firstCalendarYear(academicYear) + 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function mondayOf(localDate: string): string {
  const day = DateTime.fromISO(localDate, { zone: 'UTC' });
  return day.minus({ days: day.weekday - 1 }).toISODate()!;
}

/** The first day of the academic year's autumn term: the earliest term starting between August and December of its first year. */
export function autumnTermStart(calendar: TermCalendar, academicYear: string): string | undefined {
  const year = firstCalendarYear(academicYear);
  const starts = calendar.terms.map((t) => t.start).filter((s) => s >= `${year}-08-01` && s <= `${year}-12-31`);
  return starts.sort()[0];
}

function inTerm(calendar: TermCalendar, day: string): boolean {
  return calendar.terms.some((t) => t.start <= day && day <= t.end);
}

/** Whether the Monday-to-Friday week starting `monday` has a day in a term and not in a holiday. */
export function isSchoolWeek(calendar: TermCalendar, monday: string): boolean {
  for (let i = 0; i < 5; i++) {
    const day = addLocalDays(monday, i);
    if (inTerm(calendar, day) && !isHoliday(calendar, day)) return true;
  }
  return false;
}

export type SchoolWeeks = { ok: true; year: string; mondays: string[] } | { ok: false; year: string; reason: string };

/**
 * The Mondays of an academic year's school weeks, in order (week 1 first), from the autumn term's week
 * to the last term day before the next September. A calendar with no autumn term for the year says so.
 */
export function schoolWeeksOf(calendar: TermCalendar, academicYear: string): SchoolWeeks {
  const start = autumnTermStart(calendar, academicYear);
  if (!start) {
    return { ok: false, year: academicYear, reason: `the school calendar has no autumn term for ${academicYear} (send the term dates as a file, or "twilight import calendar")` };
  }
  const lastDay = `${firstCalendarYear(academicYear) + 1}-08-31`;
  const end = calendar.terms.map((t) => t.end).filter((e) => e >= start && e <= lastDay).sort().at(-1) ?? start;
  const mondays: string[] = [];
  for (let monday = mondayOf(start); monday <= end; monday = addLocalDays(monday, 7)) {
    if (isSchoolWeek(calendar, monday)) mondays.push(monday);
  }
  return { ok: true, year: academicYear, mondays };
}

export type WeekPlacement = { ok: true; weekStart: string } | { ok: false; reason: string };

/**
 * The Monday of a programme week for a programme starting in `firstYear`: year 2 counts in the next
 * academic year. A week past the year's last school week is not moved silently: it says why.
 */
export function mondayOfProgrammeWeek(calendar: TermCalendar, firstYear: string, at: ProgrammeWeek): WeekPlacement {
  return placeInWeeks(schoolWeeksOf(calendar, at.year === 2 ? nextAcademicYear(firstYear) : firstYear), at);
}

/** The same, from a year's school weeks already counted (a programme's items share them). */
export function placeInWeeks(weeks: SchoolWeeks, at: Pick<ProgrammeWeek, 'schoolWeek'>): WeekPlacement {
  if (!weeks.ok) return { ok: false, reason: weeks.reason };
  const monday = weeks.mondays[at.schoolWeek - 1];
  if (!monday) return { ok: false, reason: `${weeks.year} has ${weeks.mondays.length} school weeks in the calendar, so week ${at.schoolWeek} is past its end` };
  return { ok: true, weekStart: monday };
}
