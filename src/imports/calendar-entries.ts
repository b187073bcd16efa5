import { DateTime } from 'luxon';

/** One dated thing a school's calendar says, whatever file it came from. */
export interface CalendarEntry {
  kind: 'term' | 'holiday' | 'inset';
  start: string;
  end: string;
  name: string;
}

export type EntryKind = CalendarEntry['kind'] | 'term-start' | 'term-end';

/**
 * What a calendar line is, from its name: schools write "October Half Term", "INSET Day - school
 * closed to students", "Autumn Term begins", "Bank Holiday". INSET is checked first: a training
 * day is a working day for staff (CPD often runs then), so it must never count as a holiday.
 */
export function kindFromName(name: string): EntryKind | undefined {
  if (/\b(inset|training day|staff development|professional development|pd day|teacher day)\b/i.test(name)) return 'inset';
  if (/\b(term|school)\s+(starts?|begins?|opens?|returns?)\b|first day of (the )?term|(students|pupils) return/i.test(name)) return 'term-start';
  if (/\b(term|school)\s+(ends?|finishes|closes)\b|last day of (the )?term|breaks? up/i.test(name)) return 'term-end';
  if (/holiday|half[\s-]?term|\bbreak\b|bank hol|christmas|easter|whitsun|\bclosed\b|closure|may day|vacation/i.test(name)) return 'holiday';
  if (/\bterm\b/i.test(name)) return 'term';
  return undefined;
}

/** The years a school calendar's dates may fall in: anything else is a typing slip or a hostile file. */
export const CALENDAR_YEARS = { from: 2000, to: 2099 } as const;

export function outsideCalendarYears(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return !/^\d{4}-\d{2}-\d{2}$/.test(day) || year < CALENDAR_YEARS.from || year > CALENDAR_YEARS.to;
}

const DAY = (iso: string, days: number) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days }).toISODate()!;

/**
 * Turns "term starts"/"term ends" markers into terms, and fills the gaps between consecutive terms
 * with holidays (a school that lists only its terms still gets its holidays kept quiet).
 */
export function completeCalendar(entries: readonly CalendarEntry[], markers: readonly { kind: 'term-start' | 'term-end'; date: string; name: string }[]): CalendarEntry[] {
  const out = [...entries];
  const sorted = [...markers].sort((a, b) => a.date.localeCompare(b.date));
  // Each start's next end, found in one pass from the back (not a search per start).
  let nextEnd: (typeof sorted)[number] | undefined;
  const pairs: { start: (typeof sorted)[number]; end: (typeof sorted)[number] }[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const marker = sorted[i]!;
    if (marker.kind === 'term-end') nextEnd = marker;
    else if (nextEnd) pairs.push({ start: marker, end: nextEnd });
  }
  for (const { start, end } of pairs.reverse()) out.push({ kind: 'term', start: start.date, end: end.date, name: termName(start.name) });
  const terms = out.filter((e) => e.kind === 'term').sort((a, b) => a.start.localeCompare(b.start));
  const covered = mergedDays(out.filter((e) => e.kind !== 'term'));
  for (let i = 1; i < terms.length; i++) {
    for (const run of uncoveredRuns(covered, DAY(terms[i - 1]!.end, 1), DAY(terms[i]!.start, -1))) {
      out.push({ kind: 'holiday', start: run.start, end: run.end, name: `Holiday after ${terms[i - 1]!.name}` });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.kind.localeCompare(b.kind));
}

type DayRun = { start: string; end: string };

/** Holidays and INSET days as sorted runs of days, overlapping and touching ones joined. */
function mergedDays(entries: readonly CalendarEntry[]): DayRun[] {
  const runs: DayRun[] = [];
  for (const e of [...entries].sort((a, b) => a.start.localeCompare(b.start))) {
    const last = runs.at(-1);
    if (last && e.start <= DAY(last.end, 1)) last.end = e.end > last.end ? e.end : last.end;
    else runs.push({ start: e.start, end: e.end });
  }
  return runs;
}

function hasWeekday(run: DayRun): boolean {
  // Three days in a row always include a weekday; shorter runs are looked at day by day.
  for (let d = run.start, n = 0; d <= run.end && n < 3; d = DAY(d, 1), n++) if (DateTime.fromISO(d, { zone: 'UTC' }).weekday <= 5) return true;
  return false;
}

/**
 * Days between two terms that no holiday or INSET day names, as runs; a run of weekend days only
 * is left out (weekends are quiet anyway), so an INSET day after Christmas is never swallowed.
 * Walks the covered runs, not the days, so a long gap costs no more than a short one.
 */
function uncoveredRuns(covered: readonly DayRun[], from: string, to: string): DayRun[] {
  const runs: DayRun[] = [];
  let lo = 0;
  let hi = covered.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (covered[mid]!.end < from) lo = mid + 1;
    else hi = mid;
  }
  let cursor = from;
  for (let i = lo; cursor <= to; i++) {
    const c = covered[i];
    if (!c || c.start > to) {
      runs.push({ start: cursor, end: to });
      break;
    }
    if (c.start > cursor) runs.push({ start: cursor, end: DAY(c.start, -1) });
    const after = DAY(c.end, 1);
    if (after > cursor) cursor = after;
  }
  return runs.filter(hasWeekday);
}

function termName(marker: string): string {
  const season = /\b(autumn|spring|summer)\b/i.exec(marker)?.[1];
  const part = /\b([12])\b/.exec(marker)?.[1];
  return season ? `${season[0]!.toUpperCase()}${season.slice(1).toLowerCase()} term${part ? ` ${part}` : ''}` : 'Term';
}

const DATE_FORMATS = ['d/M/yyyy', 'd/M/yy', 'd-M-yyyy', 'd.M.yyyy', 'd MMMM yyyy', 'd MMM yyyy', 'EEE d MMM yyyy', 'EEEE d MMMM yyyy', 'EEE d MMMM yyyy', 'EEEE d MMM yyyy'];

/**
 * A date as schools write them: 2026-09-03, 03/09/2026 (UK order), 3 September 2026, Thu 3 Sep 2026;
 * and with the midnight a spreadsheet adds to a date-and-time cell (03/09/2026 00:00:00, 2026-09-03T00:00:00).
 */
export function parseSchoolDate(text: string): string | undefined {
  const t = text
    .trim()
    .replace(/[ T]00:00(:00(\.0+)?)?Z?$/, '')
    .replace(/(\d)(st|nd|rd|th)\b/i, '$1')
    .replace(/,/g, '')
    .replace(/\s+/g, ' ');
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const iso = DateTime.fromISO(t, { zone: 'UTC' });
    return iso.isValid ? iso.toISODate()! : undefined;
  }
  // en-GB spells September "Sept"; en-US "Sep": schools write both.
  for (const locale of ['en-GB', 'en-US']) {
    for (const format of DATE_FORMATS) {
      const dt = DateTime.fromFormat(t, format, { zone: 'UTC', locale });
      if (dt.isValid) return dt.toISODate()!;
    }
  }
  return undefined;
}
