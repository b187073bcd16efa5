import { parseSchoolDate } from '../../imports/calendar-entries';

/**
 * The day someone is back, as people say it: a full date (2027-01-04, 4/1/2027, 4 January 2027),
 * or a day and month alone ("15 December", "Tuesday 15 December", "15/12"): then the next such
 * day after today, this year or next. Undefined when it is not a date.
 */
export function parseBackDate(text: string, today: string): string | undefined {
  const full = parseSchoolDate(text);
  if (full) return full;
  const t = text.trim();
  // Only a day and a month: a year given and refused stays refused.
  if (/\d{3,}/.test(t)) return undefined;
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    const candidate = parseSchoolDate(/^\d{1,2}[/.-]\d{1,2}$/.test(t) ? `${t}${t.match(/[/.-]/)![0]}${y}` : `${t} ${y}`);
    if (candidate && candidate > today) return candidate;
  }
  return undefined;
}
