import { z } from 'zod';
import { readCsvLines } from './csv-rows';
import { CALENDAR_YEARS, completeCalendar, kindFromName, outsideCalendarYears, parseSchoolDate, type CalendarEntry } from './calendar-entries';
import type { RowError } from './import-result';
import { headingKey } from './roster-headings';

export interface ReadCalendar {
  entries: CalendarEntry[];
  errors: RowError[];
  /** Headings (CSV) or event names (.ics) that are not term dates, holidays or INSET days. */
  ignored: string[];
}

type CalendarField = 'kind' | 'name' | 'start' | 'end';

const ALIASES: Record<string, CalendarField> = {
  type: 'kind', kind: 'kind', category: 'kind', what: 'kind',
  name: 'name', event: 'name', description: 'name', title: 'name', summary: 'name', holiday: 'name', details: 'name', occasion: 'name',
  start: 'start', startdate: 'start', from: 'start', firstday: 'start', date: 'start', begins: 'start', dates: 'start', fromdate: 'start',
  end: 'end', enddate: 'end', to: 'end', lastday: 'end', until: 'end', finishes: 'end', todate: 'end', ends: 'end',
};

const KIND_WORDS: Record<string, CalendarEntry['kind'] | 'term-start' | 'term-end'> = {
  term: 'term', termtime: 'term', holiday: 'holiday', holidays: 'holiday', halfterm: 'holiday', bankholiday: 'holiday', closure: 'holiday', closed: 'holiday',
  inset: 'inset', insetday: 'inset', trainingday: 'inset', staffdevelopmentday: 'inset', termstart: 'term-start', termstarts: 'term-start', termend: 'term-end', termends: 'term-end',
};

const DateCell = z.string().transform((text, ctx) => {
  const date = parseSchoolDate(text);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (use 2026-09-03, 03/09/2026 or 3 September 2026)` });
    return z.NEVER;
  }
  if (outsideCalendarYears(date)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not in a school year: a school calendar's dates fall between ${CALENDAR_YEARS.from} and ${CALENDAR_YEARS.to}` });
    return z.NEVER;
  }
  return date;
});

/**
 * Reads a calendar CSV: one row per term, holiday or INSET day (Type, Name, Start, End). Without
 * a type the name decides ("October half term" is a holiday); a single date is a one-day entry.
 */
export function readCalendarCsv(text: string): { ok: true; calendar: ReadCalendar } | { ok: false; message: string } {
  const read = readCsvLines(text);
  if (!read.ok) return read;
  const [head, ...body] = read.lines;
  const columns = new Map<CalendarField, { index: number; heading: string }>();
  const ignored: string[] = [];
  head!.cells.forEach((heading, index) => {
    const field = ALIASES[headingKey(heading)];
    if (field && !columns.has(field)) columns.set(field, { index, heading });
    else if (heading) ignored.push(heading);
  });
  if (!columns.has('start') || (!columns.has('name') && !columns.has('kind'))) {
    return { ok: false, message: `A calendar needs a start date and a name or type column (e.g. "Type,Name,Start,End"); the file's headings are: ${head!.cells.join(', ')}.` };
  }
  const entries: CalendarEntry[] = [];
  const markers: { kind: 'term-start' | 'term-end'; date: string; name: string }[] = [];
  const errors: RowError[] = [];
  for (const line of body) {
    const cell = (f: CalendarField) => (columns.has(f) ? (line.cells[columns.get(f)!.index] ?? '').trim() : '');
    const fail = (f: CalendarField, reason: string) => errors.push({ row: line.line, reason: `${columns.get(f)?.heading ?? f}: ${reason}` });
    const name = cell('name');
    const typed = cell('kind');
    const kind = typed ? KIND_WORDS[headingKey(typed)] : kindFromName(name);
    if (!kind) {
      if (typed) fail('kind', `"${typed}" is not term, holiday or INSET`);
      else fail('name', `"${name}" does not say whether it is a term, a holiday or an INSET day (add a Type column: term, holiday or INSET)`);
      continue;
    }
    const start = cell('start') ? DateCell.safeParse(cell('start')) : undefined;
    if (!start) {
      fail('start', 'missing (every row needs a date)');
      continue;
    }
    if (!start.success) {
      fail('start', start.error.issues[0]!.message);
      continue;
    }
    const endText = cell('end');
    const end = endText ? DateCell.safeParse(endText) : { success: true as const, data: start.data };
    if (!end.success) {
      fail('end', end.error.issues[0]!.message);
      continue;
    }
    if (end.data < start.data) {
      fail('end', `${end.data} is before the start, ${start.data}`);
      continue;
    }
    const label = name || typed;
    if (kind === 'term-start' || kind === 'term-end') markers.push({ kind, date: start.data, name: label });
    else entries.push({ kind, start: start.data, end: end.data, name: label.slice(0, 100) });
  }
  return { ok: true, calendar: { entries: completeCalendar(entries, markers), errors, ignored } };
}
