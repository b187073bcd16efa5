import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentLinksOf } from '../../src/app/mentoring';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock } from '../../src/domain';
import { staffIdFor } from '../../src/imports/import-staff';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';

const T = 'oakfield';
const NOW = '2026-09-07T09:00:00.000Z';
const id = (email: string) => staffIdFor(email);

// An Arbor-style export: the mentor columns as MIS exports carry them, named by e-mail or by name.
const ROSTER = [
  'Work Email,Preferred Forename,Preferred Surname,Career Stage,Subject Mentor,Professional Mentor Email,Induction Tutor,Instructional Coach',
  'r.green@oakfield.sch.uk,Rachel,Green,,,,,',
  's.patel@oakfield.sch.uk,Sam,Patel,,,,,',
  'j.adeyemi@oakfield.sch.uk,Jo,Adeyemi,ECT,Sam Patel,r.green@oakfield.sch.uk,Mrs R Green,',
  'l.kim@oakfield.sch.uk,Laura,Kim,Developing teacher,,,,s.patel@oakfield.sch.uk',
].join('\r\n');

onBothStores('roster-mentors', (label, open, done) => {
  describe(`mentors from a roster file (${label})`, () => {
    afterAll(done);
    let store: Store;
    let dir: string;
    const clock = new ManualClock(NOW);
    const lines: string[] = [];
    const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    beforeAll(async () => {
      store = await open(clock);
      dir = mkdtempSync(join(tmpdir(), 'twilight-mentors-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('the dry run says which supporters would be set, and writes none', async () => {
      lines.length = 0;
      expect(await run('import', 'staff', file('roster.csv', ROSTER), '--dry-run')).toBe(0);
      expect(lines).toEqual(
        expect.arrayContaining([
          "  would make Sam Patel Jo Adeyemi's subject mentor",
          "  would make Rachel Green Jo Adeyemi's professional mentor",
          "  would make Rachel Green Jo Adeyemi's induction tutor",
          "  would make Sam Patel Laura Kim's coach",
        ]),
      );
      expect(await store.mentoringLinks.count(T)).toBe(0);
    });

    it('the import writes one link per supporter, by e-mail or by name; a second read writes nothing', async () => {
      lines.length = 0;
      expect(await run('import', 'staff', file('roster.csv', ROSTER))).toBe(0);
      expect(lines).toContain("  made Sam Patel Jo Adeyemi's subject mentor");
      const jo = await currentLinksOf({ store }, T, id('j.adeyemi@oakfield.sch.uk'), '2026-09-07');
      expect(jo.map((l) => [l.role, l.mentorId, l.startOn, l.source]).sort()).toEqual(
        [
          ['induction-tutor', id('r.green@oakfield.sch.uk'), '2026-09-07', 'roster'],
          ['professional-mentor', id('r.green@oakfield.sch.uk'), '2026-09-07', 'roster'],
          ['subject-mentor', id('s.patel@oakfield.sch.uk'), '2026-09-07', 'roster'],
        ].sort(),
      );
      const before = (await store.mentoringLinks.find(T)).map((v) => v.version).sort();
      clock.set('2026-09-14T09:00:00.000Z');
      lines.length = 0;
      expect(await run('import', 'staff', file('roster.csv', ROSTER), '--dry-run')).toBe(0);
      expect(lines.filter((l) => /would (make|end)/.test(l))).toEqual([]);
      expect(await run('import', 'staff', file('roster.csv', ROSTER))).toBe(0);
      expect((await store.mentoringLinks.find(T)).map((v) => v.version).sort()).toEqual(before);
    });

    it('a changed mentor ends the old link and starts a new one; a blank cell ends it', async () => {
      clock.set('2026-10-05T09:00:00.000Z');
      const next = ROSTER.replace('ECT,Sam Patel,', 'ECT,Laura Kim,').replace(',s.patel@oakfield.sch.uk\r\n', ',\r\n').replace(/,s\.patel@oakfield\.sch\.uk$/, ',');
      lines.length = 0;
      expect(await run('import', 'staff', file('next.csv', next), '--dry-run')).toBe(0);
      expect(lines).toContain("  would make Laura Kim Jo Adeyemi's subject mentor (was Sam Patel)");
      expect(lines).toContain("  would end Sam Patel as Laura Kim's coach");
      expect(await run('import', 'staff', file('next.csv', next))).toBe(0);
      const all = (await store.mentoringLinks.find(T, { where: { menteeId: id('j.adeyemi@oakfield.sch.uk'), role: 'subject-mentor' } })).map((v) => v.value);
      expect(all.sort((a, b) => a.startOn.localeCompare(b.startOn)).map((l) => [l.mentorId, l.startOn, l.endOn])).toEqual([
        [id('s.patel@oakfield.sch.uk'), '2026-09-07', '2026-10-04'],
        [id('l.kim@oakfield.sch.uk'), '2026-10-05', undefined],
      ]);
      expect(await currentLinksOf({ store }, T, id('l.kim@oakfield.sch.uk'), '2026-10-05')).toEqual([]);
    });

    it('--map names a column the aliases do not know; a mentor nobody is called is refused beside the column, and nothing is written', async () => {
      const mapped = ['Email,Name,Buddy', 'j.adeyemi@oakfield.sch.uk,Jo Adeyemi,Rachel Green'].join('\r\n');
      lines.length = 0;
      expect(await run('import', 'staff', file('mapped.csv', mapped), '--map', 'Buddy=coach')).toBe(0);
      expect(lines).toContain("  made Rachel Green Jo Adeyemi's coach");
      const bad = ['Email,Name,Subject Mentor', 'j.adeyemi@oakfield.sch.uk,Jo Adeyemi,Nobody Known'].join('\r\n');
      const count = await store.mentoringLinks.count(T);
      lines.length = 0;
      expect(await run('import', 'staff', file('bad.csv', bad))).toBe(1);
      expect(lines).toContain('  row 2: Subject Mentor: nobody in the file or the staff list is called "Nobody Known" (give their e-mail, or the name as the file spells it)');
      expect(await store.mentoringLinks.count(T)).toBe(count);
    });
    it('staff mentor sets and ends a supporter from the CLI; staff show lists them and whom a person supports', async () => {
      clock.set('2026-11-02T09:00:00.000Z');
      lines.length = 0;
      expect(await run('staff', 'mentor', 'l.kim@oakfield.sch.uk', 'induction-tutor', 'r.green@oakfield.sch.uk')).toBe(0);
      expect(lines.at(-1)).toBe("Rachel Green is Laura Kim's induction tutor from today.");
      expect(await run('staff', 'mentor', 'l.kim@oakfield.sch.uk', 'induction-tutor', 'r.green@oakfield.sch.uk')).toBe(0);
      expect(lines.at(-1)).toBe("Rachel Green is already Laura Kim's induction tutor: nothing changed.");
      expect(await run('staff', 'mentor', 'l.kim@oakfield.sch.uk', 'buddy', 'r.green@oakfield.sch.uk')).toBe(2);
      expect(lines.at(-1)).toMatch(/"buddy" is not a role/);
      expect(await run('staff', 'mentor', 'l.kim@oakfield.sch.uk', 'coach', 'l.kim@oakfield.sch.uk')).toBe(1);
      expect(lines.at(-1)).toBe('Laura Kim cannot be their own coach.');
      lines.length = 0;
      expect(await run('staff', 'show', 'j.adeyemi@oakfield.sch.uk')).toBe(0);
      expect(lines.join('\n')).toContain('  subject mentor: Laura Kim <l.kim@oakfield.sch.uk> (since 2026-10-05, from roster)');
      lines.length = 0;
      expect(await run('staff', 'show', 'r.green@oakfield.sch.uk')).toBe(0);
      expect(lines.join('\n')).toContain('  supports:     Jo Adeyemi (coach), Jo Adeyemi (induction tutor), Jo Adeyemi (professional mentor), Laura Kim (induction tutor)');
      expect(await run('staff', 'mentor', 'l.kim@oakfield.sch.uk', 'induction-tutor', 'none')).toBe(0);
      expect(lines.at(-1)).toBe('Laura Kim has no induction tutor from today.');
      expect(await currentLinksOf({ store }, T, id('l.kim@oakfield.sch.uk'), '2026-11-02')).toEqual([]);
    });
  });
});
