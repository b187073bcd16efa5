import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeMessage } from '../../src/app/compose-message';
import { runCli } from '../../src/cli/run-cli';
import { decodeText } from '../../src/imports/decode-text';
import { ManualClock } from '../../src/domain';
import { loadLeadDigest } from '../../src/app/digests/load-lead-digest';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { alwaysOpenCalendar, delivery, session } from '../support/fixtures';

const T = 'oakfield';
// Monday 23 November 2026, 07:30 in London: the digests' hour.
const NOW = '2026-11-23T07:30:00.000Z';

function leaversSuite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`leavers (${label})`, () => {
    afterAll(done);
    it('staff add / show / deactivate, and import --deactivate-missing: a leaver gets nothing, stays in records, and the lead is told about their reports', async () => {
      const clock = new ManualClock(NOW);
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
      const dir = mkdtempSync(join(tmpdir(), 'twilight-leavers-'));
      try {
        expect(await run('import', 'staff', 'examples/rosters/sims-staff.csv')).toBe(0);
        expect(await run('staff', 'add', '--email', 'a.morgan@oakfield.sch.uk', '--name', 'Alex Morgan', '--role', 'CPD lead', '--job-title', 'Assistant Head (CPD)', '--manager', 'Mrs R Green')).toBe(0);
        expect(lines.at(-1)).toBe('Added Alex Morgan <a.morgan@oakfield.sch.uk>.');
        expect(await run('staff', 'add', '--email', 'a.morgan@oakfield.sch.uk', '--name', 'Alex Morgan')).toBe(1);
        expect(lines.at(-1)).toBe('a.morgan@oakfield.sch.uk is already in the staff list (see: staff show a.morgan@oakfield.sch.uk).');
        expect(await run('staff', 'add', '--email', 'new@oakfield', '--name', 'New Person', '--manager', 'Nobody Known')).toBe(1);
        expect(lines.at(-1)).toBe(
          '--email: "new@oakfield" is not an e-mail address (expected something like name@school.org.uk)',
        );

        // The next roster from SIMS no longer lists Sam Patel, who still manages three people in it.
        const roster = decodeText(readFileSync('examples/rosters/sims-staff.csv')).split('\r\n').filter((l) => !l.includes('s.patel@')).join('\r\n');
        const file = join(dir, 'sims-next-term.csv');
        writeFileSync(file, roster);
        lines.length = 0;
        const dry = await run('import', 'staff', file, '--deactivate-missing', '--dry-run');
        expect(lines.join('\n')).not.toMatch(/row \d/);
        expect(dry).toBe(0);
        expect(lines).toContain('  deactivate: Sam Patel <s.patel@oakfield.sch.uk> (not in the file)');
        expect(lines).toContain('  deactivate: Alex Morgan <a.morgan@oakfield.sch.uk> (not in the file)');
        // Alex was added by hand: add them to the file as the lead would, then run it for real.
        writeFileSync(file, `${roster}\r\nAMO,Mr,Alex,Morgan,Alex,Morgan,M,Assistant Head (CPD),Leadership,Rachel Green,a.morgan@oakfield.sch.uk,000500,01/09/2020`);
        lines.length = 0;
        expect(await run('import', 'staff', file, '--deactivate-missing')).toBe(0);
        expect(lines.at(-1)).toBe('Staff: 0 created, 1 updated, 7 unchanged, 1 leaver marked inactive.');

        lines.length = 0;
        expect(await run('staff', 'show', 'S.Patel@oakfield.sch.uk')).toBe(0);
        expect(lines[0]).toContain('Sam Patel <s.patel@oakfield.sch.uk> (inactive: left; gets no messages)');
        expect(lines[0]).toContain('reports:      Chloe Evans, Jo Adeyemi, Priya Shah');
        expect(lines[0]).toContain('job title:    Head of Science');
        expect(await run('staff', 'show', 'nobody@oakfield.sch.uk')).toBe(1);
        expect(lines.at(-1)).toBe('Nobody with the e-mail nobody@oakfield.sch.uk is in the staff list.');

        // No messages: the planner leaves them out, and a message planned before they left is not sent.
        const sam = (await store.staff.find(T, { where: { email: 's.patel@oakfield.sch.uk' } }))[0]!.value;
        await store.calendars.put(alwaysOpenCalendar(T));
        await store.sessions.put(session(T, 'ses-next', { startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:00:00.000Z', publishedAt: NOW, compulsory: true }));
        await planTenant({ store, clock }, T);
        const recipients = (await store.deliveries.find(T)).map((d) => d.value.recipientId);
        expect(recipients.length).toBeGreaterThan(0);
        expect(recipients).not.toContain(sam.id);
        expect(await composeMessage({ store, clock }, delivery(T, sam.id, { subject: { sessionId: 'ses-next' } }))).toEqual({ ok: false, reason: 'recipient not found or inactive' });

        // The lead digest says whose digests go to nobody.
        const lead = (await store.staff.find(T, { where: { email: 'a.morgan@oakfield.sch.uk' } }))[0]!.value;
        const digest = await loadLeadDigest({ store, clock }, T, lead.id, clock.now());
        if (!digest.ok) throw new Error(digest.message);
        expect(digest.value.attention).toContainEqual({
          text: 'Sam Patel has left (inactive) but is still line manager of 3 people: their weekly digest goes to nobody. Import a roster that names their new line manager.',
        });

        lines.length = 0;
        expect(await run('staff', 'deactivate', 'l.kim@oakfield.sch.uk')).toBe(0);
        expect(lines).toEqual([
          'Laura Kim is now inactive: no more messages; their records stay.',
          'Laura Kim is line manager of 1 person (Grace O\u2019Neill): nobody gets their weekly digest until a roster names a new line manager. The lead digest will say so.',
        ]);
        expect(await run('staff', 'deactivate', 'l.kim@oakfield.sch.uk')).toBe(0);
        expect(lines.at(-2)).toBe('Laura Kim was already inactive.');
        // Still in the records export.
        const out = join(dir, 'records.csv');
        expect(await run('export', 'records', '--out', out)).toBe(0);
        expect(await store.staff.count(T, { active: false })).toBe(2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses --deactivate-missing with a file that shares nobody with the staff list, or has bad rows', async () => {
      const clock = new ManualClock(NOW);
      const store = await open(clock);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 'other', print: (t) => lines.push(t) });
      expect(await run('import', 'staff', 'examples/rosters/arbor-staff.csv')).toBe(0);
      expect(await run('import', 'staff', 'examples/rosters/bromcom-staff.csv', '--deactivate-missing')).toBe(1);
      expect(lines.at(-1)).toMatch(/^Nothing was imported: nobody in this file is in other's staff list, so --deactivate-missing would mark all 6 people as leavers/);
      expect(await run('import', 'staff', 'examples/rosters/sims-staff-with-mistakes.csv', '--deactivate-missing', '--skip-bad')).toBe(1);
      expect(lines.at(-1)).toMatch(/^Nothing was imported: --deactivate-missing needs a file with no bad rows/);
      expect(await store.staff.count('other', { active: false })).toBe(0);
    });
  });
}

onBothStores('leavers', leaversSuite);
