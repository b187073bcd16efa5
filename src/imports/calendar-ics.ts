import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { DateTime } from 'luxon';
import type { ReadCalendar } from './calendar-csv';
import { completeCalendar, kindFromName, type CalendarEntry } from './calendar-entries';

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
  for (const vevent of events) {
    const event = new ICAL.Event(vevent);
    const name = (event.summary ?? '').trim();
    const kind = kindFromName(name);
    if (!event.startDate || !kind) {
      ignored.add(name || '(an event with no name)');
      continue;
    }
    const start = localDay(event.startDate, zone);
    const endTime = event.endDate ?? event.startDate;
    // An all-day DTEND is the day after the last day; a timed end is on its own day.
    const end = endTime.isDate && event.endDate ? DateTime.fromISO(localDay(endTime, zone)).minus({ days: 1 }).toISODate()! : localDay(endTime, zone);
    if (kind === 'term-start' || kind === 'term-end') markers.push({ kind, date: start, name });
    else entries.push({ kind, start, end: end < start ? start : end, name: name.slice(0, 100) });
  }
  return { ok: true, calendar: { entries: completeCalendar(entries, markers), errors: [], ignored: [...ignored] } };
}

function localDay(time: IcalTime, zone: string): string {
  if (time.isDate) return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  return DateTime.fromJSDate(time.toJSDate(), { zone }).toISODate()!;
}
