import { DateTime } from 'luxon';
import { firstUncoveredDay, type DateRange, type SchoolCalendar } from '../../domain';

/** The English school year a day falls in: 1 September to 31 August, named by its first year. */
export function schoolYearOf(localDate: string): number {
  const [y, m] = localDate.split('-').map(Number);
  return m! >= 9 ? y! : y! - 1;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).setLocale('en-GB').toFormat('ccc d LLL yyyy');
const span = (r: DateRange) => (r.start === r.end ? day(r.start) : `${day(r.start)} – ${day(r.end)}`);

/**
 * The school year as a lead reads it: terms, holidays and INSET days in date order, what
 * stops messages, and a warning when part of the year has no dates at all.
 */
/** How the calendar is imported, said to whoever reads the text: the CLI's user runs it, staff in chat ask. */
export const IMPORT_CALENDAR_HINT = {
  cli: 'Import the term dates the school publishes: npm run cli -- import calendar FILE.ics (or .csv).',
  chat: 'Ask your CPD lead to have the term dates the school publishes imported.',
  lead: 'Send me the term dates the school publishes here in chat (an .ics file, or a CSV with Type, Name, Start, End): I show what would change before anything is imported.',
} as const;

export function calendarYearText(calendar: SchoolCalendar | undefined, year: number, hint: string = IMPORT_CALENDAR_HINT.cli): string {
  const from = `${year}-09-01`;
  const to = `${year + 1}-08-31`;
  const title = `School year ${year}-${String(year + 1).slice(2)}`;
  if (!calendar) {
    return `${title}: no school calendar yet. ${hint} Until then only quiet hours and weekends stop messages.`;
  }
  const within = (r: DateRange) => r.start <= to && from <= r.end;
  const rows = [
    ...calendar.terms.filter(within).map((r) => ({ r, what: 'term' })),
    ...calendar.holidays.filter(within).map((r) => ({ r, what: 'holiday: no messages' })),
    ...(calendar.insetDays ?? []).filter(within).map((r) => ({ r, what: 'INSET: messages go' })),
  ].sort((a, b) => a.r.start.localeCompare(b.r.start) || a.what.localeCompare(b.what));
  if (rows.length === 0) return `${title}: the school calendar has no dates in this year. ${hint}`;
  const width = Math.max(...rows.map(({ r }) => span(r).length));
  const lines = [title, ...rows.map(({ r, what }) => `  ${span(r).padEnd(width)}  ${r.name ?? ''}${r.name ? ' ' : ''}(${what})`)];
  const quiet = calendar.quietHours;
  lines.push(`Quiet hours ${quiet.start}–${quiet.end}${calendar.quietWeekends ? ', and weekends' : ''}: no messages then either.`);
  const gap = firstUncoveredDay(calendar, from, DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days + 1);
  if (gap) lines.push(`No term or holiday covers ${day(gap)}: holidays after it are not known.`);
  return lines.join('\n');
}
