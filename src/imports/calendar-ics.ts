import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { DateTime } from 'luxon';
import type { ReadCalendar } from './calendar-csv';
import { CALENDAR_YEARS, completeCalendar, kindFromName, outsideCalendarYears, type CalendarEntry } from './calendar-entries';

/** A school's calendar has a few hundred events at most; a feed of years of them stays far below this. */
export const MAX_CALENDAR_EVENTS = 10_000;

// ical.js ships a CommonJS build beside its ES module; this project compiles to CommonJS.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;
type IcalTime = InstanceType<typeof ICALModule.Time>;

/**
 * Reads the .ics a school publishes on its website (term dates, holidays, INSET days), keeping
 * each event's own name. All-day events end the day before DTEND (RFC 5545); timed events are
 * read as local days in the school's zone. Events that are none of the three (parents' evenings,
 * trips) are listed as ignored, by name.
 */
export function readCalendarIcs(text: string, zone: string): { ok: true; calendar: ReadCalendar } | { ok: false; message: string } {
  // Counted before parsing, so a huge file is refused without building it.
  const declared = text.match(/^BEGIN:VEVENT\s*$/gim)?.length ?? 0;
  if (declared > MAX_CALENDAR_EVENTS) {
    return { ok: false, message: `The calendar file has ${declared.toLocaleString('en-GB')} events; this reads up to ${MAX_CALENDAR_EVENTS.toLocaleString('en-GB')}. Export only the school's term dates, holidays and INSET days.` };
  }
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return { ok: false, message: `This is not a readable calendar (.ics) file: ${(error as Error).message}` };
  }
  // Timed events name their zone by TZID; the file's own VTIMEZONE says what it means.
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  const entries: CalendarEntry[] = [];
  const markers: { kind: 'term-start' | 'term-end'; date: string; name: string }[] = [];
  const ignored = new Set<string>();
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) return { ok: false, message: 'The calendar file has no events.' };
  const outside: string[] = [];
  for (const vevent of events) {
    // No recurrence exceptions are read: without this, each event scans every other (quadratic).
    const event = new ICAL.Event(vevent, { exceptions: [] });
    const name = (event.summary ?? '').trim();
    const kind = kindFromName(name);
    if (!event.startDate || !kind) {
      ignored.add(name || '(an event with no name)');
      continue;
    }
    const start = localDay(event.startDate, zone);
    const endTime = event.endDate ?? event.startDate;
    // An all-day DTEND is the day after the last day; a timed end is on its own day.
    const end = endTime.isDate && event.endDate ? dayBefore(localDay(endTime, zone)) : localDay(endTime, zone);
    if (outsideCalendarYears(start) || outsideCalendarYears(end)) {
      outside.push(`"${name.slice(0, 100)}" runs from ${start} to ${end}`);
      continue;
    }
    if (kind === 'term-start' || kind === 'term-end') markers.push({ kind, date: start, name });
    else entries.push({ kind, start, end: end < start ? start : end, name: name.slice(0, 100) });
  }
  if (outside.length > 0) {
    const more = outside.length > 3 ? ` (and ${outside.length - 3} more)` : '';
    return { ok: false, message: `${outside.slice(0, 3).join('; ')}${more}: a school calendar's dates fall between ${CALENDAR_YEARS.from} and ${CALENDAR_YEARS.to}. Nothing was imported; correct the file and import it again.` };
  }
  return { ok: true, calendar: { entries: completeCalendar(entries, markers), errors: [], ignored: [...ignored] } };
}

function dayBefore(day: string): string {
  const before = DateTime.fromISO(day, { zone: 'UTC' }).minus({ days: 1 });
  return before.isValid ? before.toISODate()! : day;
}

function localDay(time: IcalTime, zone: string): string {
  if (time.isDate) return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  // ical.js keeps the written year (0001 stays 0001); JavaScript's Date would not, so the year is checked first.
  if (outsideCalendarYears(`${String(time.year).padStart(4, '0')}-01-01`)) return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  return DateTime.fromJSDate(time.toJSDate(), { zone }).toISODate()!;
}
