import { SchoolCalendar, type DateRange, type Tenant } from '../domain';
import type { Store } from '../store/store';
import { upsertWithRetry } from '../store/update';
import type { CalendarEntry } from './calendar-entries';
import { readCalendarCsv, type ReadCalendar } from './calendar-csv';
import { readCalendarIcs } from './calendar-ics';
import { sameRecord } from './csv-rows';
import type { RowError } from './import-result';

export type CalendarImportResult =
  | { ok: true; calendar: SchoolCalendar; changed: boolean; counts: { terms: number; holidays: number; insetDays: number }; ignored: string[] }
  | { ok: false; message: string; errors: RowError[]; ignored: string[] };

/** .ics by its first line (or the file name), CSV otherwise. */
export function readCalendarFile(text: string, fileName: string, zone: string): ReturnType<typeof readCalendarCsv> {
  const body = text.replace(/^\uFEFF/, '');
  return /^\s*BEGIN:VCALENDAR/i.test(body) || /\.ics$/i.test(fileName) ? readCalendarIcs(body, zone) : readCalendarCsv(body);
}

const range = (e: CalendarEntry): DateRange => ({ start: e.start, end: e.end, name: e.name });
const overlaps = (r: DateRange, from: string, to: string) => r.start <= to && from <= r.end;

/**
 * The stored calendar with the file's span replaced by the file: importing next year's dates keeps
 * this year's, and importing the same file twice changes nothing. Quiet hours are left alone.
 */
export function mergeCalendar(tenantId: string, stored: SchoolCalendar | undefined, read: ReadCalendar): SchoolCalendar {
  const base = stored ?? SchoolCalendar.parse({ tenantId });
  const from = read.entries.reduce((m, e) => (e.start < m ? e.start : m), '9999-12-31');
  const to = read.entries.reduce((m, e) => (e.end > m ? e.end : m), '0000-01-01');
  const keep = (list: readonly DateRange[] | undefined) => (list ?? []).filter((r) => !overlaps(r, from, to));
  const of = (kind: CalendarEntry['kind']) => read.entries.filter((e) => e.kind === kind).map(range);
  const sorted = (list: DateRange[]) => list.sort((a, b) => a.start.localeCompare(b.start));
  return SchoolCalendar.parse({
    ...base,
    terms: sorted([...keep(base.terms), ...of('term')]),
    holidays: sorted([...keep(base.holidays), ...of('holiday')]),
    insetDays: sorted([...keep(base.insetDays), ...of('inset')]),
  });
}

/** Reads and stores a school calendar (CSV or .ics). A file with a bad row writes nothing. */
export async function importCalendar(
  deps: { store: Store },
  tenant: Tenant,
  text: string,
  fileName: string,
  options: { dryRun?: boolean; beforeWrite?: () => Promise<void> } = {},
): Promise<CalendarImportResult> {
  const read = readCalendarFile(text, fileName, tenant.settings.timezone);
  if (!read.ok) return { ok: false, message: read.message, errors: [], ignored: [] };
  const { calendar } = read;
  if (calendar.errors.length > 0) return { ok: false, message: `Nothing was imported: ${calendar.errors.length} row${calendar.errors.length === 1 ? '' : 's'} to fix.`, errors: calendar.errors, ignored: calendar.ignored };
  if (calendar.entries.length === 0) return { ok: false, message: 'The file has no term dates, holidays or INSET days.', errors: [], ignored: calendar.ignored };
  const counts = {
    terms: calendar.entries.filter((e) => e.kind === 'term').length,
    holidays: calendar.entries.filter((e) => e.kind === 'holiday').length,
    insetDays: calendar.entries.filter((e) => e.kind === 'inset').length,
  };
  const stored = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value;
  const next = mergeCalendar(tenant.id, stored, calendar);
  const changed = !sameRecord(stored, next);
  if (options.dryRun || !changed) return { ok: true, calendar: next, changed, counts, ignored: calendar.ignored };
  await options.beforeWrite?.();
  // Under the ETag: a lead changing quiet hours at the same moment is re-read, not overwritten.
  const written = await upsertWithRetry(deps.store.calendars, tenant.id, 'calendar', (current) => mergeCalendar(tenant.id, current, calendar));
  if (!written.ok) throw new Error('the calendar changed while importing; run the import again');
  return { ok: true, calendar: next, changed, counts, ignored: calendar.ignored };
}
