import { DateTime } from 'luxon';
import type { SchoolCalendar } from '../../domain';

export const TERM_SEASONS = ['autumn', 'spring', 'summer'] as const;
export type TermSeason = (typeof TERM_SEASONS)[number];

/** Months a term of each season starts in (England: September, January, April). */
const STARTS_IN: Record<TermSeason, readonly number[]> = { autumn: [8, 9, 10], spring: [1, 2], summer: [4, 5] };
/** Without the school's published dates: autumn to the new year, spring to 1 April, summer to 1 September. */
const FALLBACK: Record<TermSeason, { from: [number, number]; to: [number, number, number] }> = {
  autumn: { from: [9, 1], to: [1, 1, 1] },
  spring: { from: [1, 1], to: [0, 4, 1] },
  summer: { from: [4, 1], to: [0, 9, 1] },
};

export interface SchoolTerm {
  /** e.g. "autumn-2026" (the calendar year the term starts in). */
  name: string;
  /** [from, to) as UTC instants. */
  from: string;
  to: string;
}

/** "autumn-2026" → season and year; anything else is refused. */
export function parseTermName(text: string): { season: TermSeason; year: number } | undefined {
  const m = /^(autumn|spring|summer)-(\d{4})$/.exec(text.trim().toLowerCase());
  return m ? { season: m[1] as TermSeason, year: Number(m[2]) } : undefined;
}

/** The term's dates: the school calendar's term starting in that season and year, else the fallback months. */
export function termDates(season: TermSeason, year: number, calendar: Pick<SchoolCalendar, 'terms'>, zone: string): SchoolTerm {
  const name = `${season}-${year}`;
  const published = calendar.terms.find((t) => {
    const start = DateTime.fromISO(t.start, { zone });
    return start.year === year && STARTS_IN[season].includes(start.month);
  });
  if (published) {
    return { name, from: DateTime.fromISO(published.start, { zone }).toUTC().toISO()!, to: DateTime.fromISO(published.end, { zone }).plus({ days: 1 }).toUTC().toISO()! };
  }
  const f = FALLBACK[season];
  const from = DateTime.fromObject({ year, month: f.from[0], day: f.from[1] }, { zone });
  const to = DateTime.fromObject({ year: year + f.to[0], month: f.to[1], day: f.to[2] }, { zone });
  return { name, from: from.toUTC().toISO()!, to: to.toUTC().toISO()! };
}

/** The term `now` falls in (by the fallback months, so holidays belong to the term before). */
export function currentTerm(now: Date, calendar: Pick<SchoolCalendar, 'terms'>, zone: string): SchoolTerm {
  const local = DateTime.fromJSDate(now, { zone });
  const season: TermSeason = local.month >= 9 ? 'autumn' : local.month >= 4 ? 'summer' : 'spring';
  return termDates(season, local.year, calendar, zone);
}
