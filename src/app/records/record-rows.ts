import { DateTime } from 'luxon';
import { CATEGORY_LABELS, CPD_LOG_TYPE_LABELS, academicYearOf, formatPence, type CpdLogEntry, type Session } from '../../domain';
import type { MyRecordRow, MyRecordView } from '../../cards/views/my-record';
import { formatMonth } from '../../cards/format';

/** A row with the day it sorts by (YYYY-MM-DD in the tenant's zone). */
export type DatedRow = MyRecordRow & { day: string };

/** Session length in hours, to the quarter hour (the record adds these up); a booked course's from its dates and times. */
export function sessionHours(session: Pick<Session, 'startsAt' | 'endsAt'> & Partial<Pick<Session, 'externalCourse'>>): number {
  if (session.externalCourse) return session.externalCourse.hours;
  const minutes = (Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60000;
  return Math.max(0, Math.round(minutes / 15) / 4);
}

/** What the record calls a session: its title and category; a booked course also its provider and cost. */
export function sessionRecordText(session: Pick<Session, 'title' | 'category' | 'externalCourse' | 'externalFacilitator'>): string {
  const course = session.externalCourse;
  if (!course) return `${session.title} (${CATEGORY_LABELS[session.category]})`;
  const provider = session.externalFacilitator ? `${session.externalFacilitator}, ` : '';
  return `${session.title} (External course: ${provider}${CATEGORY_LABELS[session.category]}, ${formatPence(course.costPence)})`;
}

export function sessionDay(session: Pick<Session, 'startsAt'>, zone: string): string {
  return DateTime.fromISO(session.startsAt, { zone }).toISODate()!;
}

/** CPD the person logged (`log cpd`): what they learned stands where a session's impact would. */
export function loggedRow(entry: CpdLogEntry, zone: string): DatedRow {
  return {
    logId: entry.id,
    day: entry.on,
    year: academicYearOf(entry.on),
    month: formatMonth(`${entry.on}T12:00:00Z`, zone),
    cpd: `${entry.what} (${CPD_LOG_TYPE_LABELS[entry.type]}, logged)`,
    hours: entry.hours,
    impact: entry.learned,
  };
}

/** Oldest first, with each academic year's hours and number of entries. */
export function byAcademicYear(rows: readonly DatedRow[]): { rows: MyRecordRow[]; years: NonNullable<MyRecordView['years']> } {
  const sorted = [...rows].sort((a, b) => a.day.localeCompare(b.day));
  const years = new Map<string, { year: string; hours: number; entries: number }>();
  for (const row of sorted) {
    const year = row.year ?? academicYearOf(row.day);
    const y = years.get(year) ?? { year, hours: 0, entries: 0 };
    y.hours += row.hours ?? 0;
    y.entries += 1;
    years.set(year, y);
  }
  return { rows: sorted.map(({ day: _day, ...row }) => row), years: [...years.values()] };
}
