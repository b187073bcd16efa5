import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock } from '../../src/domain';
import { readCalendarFile } from '../../src/imports/import-calendar';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';

/** Issue 24 item 11: hostile calendar files are read in linear, bounded time, and refused in words. */
function ics(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Twilight tests//EN'];
  for (let i = 0; i < events; i++) {
    // A school year every 20 events: a term starts, 18 bank holidays, the term ends.
    const day = new Date(Date.UTC(2000, 8, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const summary = i % 20 === 0 ? 'Autumn term starts' : i % 20 === 19 ? 'Autumn term ends' : 'Bank Holiday';
    lines.push('BEGIN:VEVENT', `UID:e${i}@tests`, 'DTSTAMP:20260101T000000Z', `DTSTART;VALUE=DATE:${day}`, `SUMMARY:${summary}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

function timed(events: number): { ms: number; ok: boolean } {
  const text = ics(events);
  const started = process.hrtime.bigint();
  const read = readCalendarFile(text, 'school.ics', 'Europe/London');
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok: read.ok };
}

describe('hostile calendar files', () => {
  it('reads events in linear time: four times the events takes well under sixteen times as long', () => {
    timed(200); // warm up ical.js and luxon
    const small = timed(2_000);
    const large = timed(8_000);
    expect(small.ok && large.ok).toBe(true);
    // Quadratic (each event scanning its siblings) made this ratio about 14; linear is about 4.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(8);
    expect(large.ms).toBeLessThan(5_000);
  });

  it('refuses a 50,000-event .ics at once, naming the bound', () => {
    const started = Date.now();
    const read = readCalendarFile(ics(50_000), 'school.ics', 'Europe/London');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(read).toEqual({ ok: false, message: expect.stringMatching(/has 50,000 events.*up to 10,000/) });
  });

  it('an event from 0001 to 9999 gets a clear message from the CLI, not a stack trace, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'twilight-ics-'));
    const file = join(dir, 'forever.ics');
    writeFileSync(
      file,
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:a@x', 'DTSTART;VALUE=DATE:00010101', 'DTEND;VALUE=DATE:99991231', 'SUMMARY:Summer holiday', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n'),
    );
    const clock = new ManualClock('2026-09-10T09:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    const lines: string[] = [];
    try {
      expect(await runCli(['import', 'calendar', file], { store, clock, defaultTenantId: 'oak', print: (t) => lines.push(t) })).toBe(1);
      expect(lines.join('\n')).toContain('"Summer holiday" runs from 0001-01-01 to 9999-12-30: a school calendar\'s dates fall between 2000 and 2099');
      expect(lines.join('\n')).not.toMatch(/\n\s+at /);
      expect(await store.calendars.get('oak', 'calendar')).toBeUndefined();
      expect(await store.tenants.get('oak', 'oak')).toBeUndefined();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
