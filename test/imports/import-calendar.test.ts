import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock, SchoolCalendar } from '../../src/domain';
import { calendarWarning } from '../../src/app/digests/lead-digest-data-warnings';
import { SendTimeRules } from '../../src/scheduler/send/send-time-rules';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { delivery } from '../support/fixtures';

const ICS = 'examples/calendar/england-2026-27.ics';
const CSV = 'examples/calendar/england-2026-27.csv';

function calendarSuite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`import calendar (${label})`, () => {
    afterAll(done);

    it('imports an England 2026-27 .ics as a school publishes it, keeping each holiday\'s own name; holidays stop messages, INSET days do not', async () => {
      const clock = new ManualClock('2026-09-10T09:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'oak', print: (t) => lines.push(t) });
      expect(await run('import', 'calendar', ICS)).toBe(0);
      expect(lines.slice(0, 3)).toEqual([
        'Created tenant "oak".',
        "Not term dates, holidays or INSET days (ignored): Year 11 Parents' Evening, Open Evening for prospective families and their carers \u2013 all welcome, refreshments in the main hall.",
        'Calendar: 3 terms, 7 holidays, 3 INSET days imported.',
      ]);
      const calendar = (await store.calendars.get('oak', 'calendar'))!.value;
      expect(calendar.holidays.map((h) => [h.start, h.end, h.name])).toEqual([
        ['2026-10-26', '2026-10-30', 'October Half Term'],
        ['2026-12-21', '2027-01-01', 'Christmas Holidays'],
        ['2027-02-15', '2027-02-19', 'February Half Term'],
        ['2027-03-26', '2027-04-09', 'Easter Holidays'],
        ['2027-05-03', '2027-05-03', 'Early May Bank Holiday'],
        ['2027-05-31', '2027-06-04', 'May Half Term'],
        ['2027-07-22', '2027-08-31', 'Summer Holidays'],
      ]);
      expect(calendar.terms.map((t) => [t.start, t.end, t.name])).toEqual([
        ['2026-09-03', '2026-12-18', 'Autumn term'],
        ['2027-01-05', '2027-03-25', 'Spring term'],
        ['2027-04-12', '2027-07-21', 'Summer term'],
      ]);
      expect(calendar.insetDays!.map((d) => d.start)).toEqual(['2026-09-01', '2027-01-04', '2027-06-07']);

      // The same file again changes nothing; the CSV of the same dates gives the same holidays.
      const version = (await store.calendars.get('oak', 'calendar'))!.version;
      expect(await run('import', 'calendar', ICS)).toBe(0);
      expect(lines.at(-2)).toBe('Calendar: unchanged (3 terms, 7 holidays, 3 INSET days).');
      expect((await store.calendars.get('oak', 'calendar'))!.version).toBe(version);
      expect(await run('import', 'calendar', CSV, '--tenant', 'oak-csv')).toBe(0);
      const fromCsv = (await store.calendars.get('oak-csv', 'calendar'))!.value;
      expect(fromCsv.holidays.map((h) => [h.start, h.end])).toEqual(calendar.holidays.map((h) => [h.start, h.end]));
      expect(fromCsv.terms.map((h) => [h.start, h.end])).toEqual(calendar.terms.map((h) => [h.start, h.end]));

      // Every message waits for the end of a holiday (the dispatcher's own check), whatever its kind.
      const rules = new SendTimeRules(store);
      for (const kind of ['invitation', 'reminder-day-before', 'questionnaire', 'gap-report-nudge', 'manager-digest', 'lead-digest', 'survey'] as const) {
        const halfTerm = await rules.allowedFrom(delivery('oak', 'x', { kind }), new Date('2026-10-27T10:00:00.000Z'));
        expect([kind, halfTerm.toISOString()]).toEqual([kind, '2026-11-02T07:30:00.000Z']);
      }
      expect((await rules.allowedFrom(delivery('oak', 'x'), new Date('2027-05-03T09:00:00.000Z'))).toISOString()).toBe('2027-05-04T06:30:00.000Z');
      // An INSET day is a working day for staff: messages go.
      const inset = new Date('2027-01-04T10:00:00.000Z');
      expect(await rules.allowedFrom(delivery('oak', 'x'), inset)).toEqual(inset);

      lines.length = 0;
      expect(await run('calendar', 'show')).toBe(0);
      expect(lines[0]!.split('\n').slice(0, 4)).toEqual([
        'School year 2026-27',
        '  Tue 1 Sept 2026 \u2013 Wed 2 Sept 2026  INSET Day - school closed to students (INSET: messages go)',
        '  Thu 3 Sept 2026 \u2013 Fri 18 Dec 2026  Autumn term (term)',
        '  Mon 26 Oct 2026 \u2013 Fri 30 Oct 2026  October Half Term (holiday: no messages)',
      ]);
      expect(lines[0]).not.toContain('No term or holiday covers');
      expect(await run('calendar', 'show', '--year', '2027')).toBe(0);
      expect(lines.at(-1)).toBe('School year 2027-28: the school calendar has no dates in this year. Import the term dates the school publishes: npm run cli -- import calendar FILE.ics (or .csv).');
    });

    it('refuses a calendar CSV with a bad row in its own words, writing nothing (not even the tenant)', async () => {
      const clock = new ManualClock('2026-09-10T09:00:00.000Z');
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'bad', print: (t) => lines.push(t) });
      const dir = mkdtempSync(join(tmpdir(), 'twilight-cal-'));
      try {
        writeFileSync(`${dir}/dates.csv`, 'Event,From,To\r\nAutumn term,03/09/2026,18/12/2026\r\nOctober half term,26/10/2026,30/13/2026\r\nSports day,10/07/2027,\r\nChristmas holidays,21/12/2026,01/01/2026\r\n');
        expect(await run('import', 'calendar', `${dir}/dates.csv`)).toBe(1);
        expect(lines).toEqual([
          '  row 3: To: "30/13/2026" is not a date (use 2026-09-03, 03/09/2026 or 3 September 2026)',
          '  row 4: Event: "Sports day" does not say whether it is a term, a holiday or an INSET day (add a Type column: term, holiday or INSET)',
          '  row 5: To: 2026-01-01 is before the start, 2026-12-21',
          'Nothing was imported: 3 rows to fix.',
        ]);
        expect(await store.tenants.get('bad', 'bad')).toBeUndefined();
        expect(await store.calendars.get('bad', 'calendar')).toBeUndefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

onBothStores('calendar', calendarSuite);

describe('calendarWarning (the lead digest)', () => {
  const calendar = SchoolCalendar.parse({
    tenantId: 't',
    terms: [{ start: '2027-04-12', end: '2027-07-21', name: 'Summer term' }],
    holidays: [{ start: '2027-07-22', end: '2027-08-31', name: 'Summer Holidays' }],
  });
  it('warns with no calendar, and when the next four weeks run past the last known date', () => {
    expect(calendarWarning(undefined, '2026-11-23', 'Europe/London')).toEqual([
      { text: 'No school calendar has been imported: school holidays will not stop messages. Send me the term dates the school publishes in this chat (an .ics file, or a CSV with Type, Name, Start, End).' },
    ]);
    expect(calendarWarning(calendar, '2027-07-05', 'Europe/London')).toEqual([]);
    expect(calendarWarning(calendar, '2027-08-10', 'Europe/London')).toEqual([
      { text: 'The school calendar stops before Wednesday 1 September: holidays after that will not stop messages. Send me the term dates the school publishes in this chat (an .ics file, or a CSV with Type, Name, Start, End).' },
    ]);
  });
});
