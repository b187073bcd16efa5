import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { ManualClock, type MentoringProgramme } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { tenant } from '../support/fixtures';

const T = 'oakfield';

onBothStores('programmes-file', (label, open, done) => {
  describe(`programmes export and import (${label})`, () => {
    afterAll(done);
    let store: Store;
    let dir: string;
    const clock = new ManualClock('2026-09-01T08:00:00.000Z');
    const lines: string[] = [];
    const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });

    beforeAll(async () => {
      store = await open(clock);
      await store.tenants.put(tenant(T));
      dir = mkdtempSync(join(tmpdir(), 'twilight-programmes-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('exports the built-in programmes; a copy changed in the file is imported (dry run first); a changed built-in is refused whole', async () => {
      const file = join(dir, 'programmes.json');
      expect(await run('programmes', 'export', '--out', file)).toBe(0);
      const exported = JSON.parse(readFileSync(file, 'utf8')) as { programmes: Omit<MentoringProgramme, 'tenantId' | 'updatedAt'>[] };
      expect(exported.programmes.map((p) => p.id)).toEqual(['builtin-new-teacher', 'builtin-developing-teacher', 'builtin-ect-induction']);

      // The lead's own version of the Developing Teacher meetings: a fourth, in week 12.
      const dt = exported.programmes[1]!;
      const ours = { ...dt, id: 'our-developing-teacher', name: 'Our Developing Teacher meetings', items: [...dt.items, { key: 'extra', kind: 'meeting', at: { year: 1, schoolWeek: 12 }, focus: 'Mid-autumn check-in', with: 'coach' }] };
      writeFileSync(file, JSON.stringify({ programmes: [...exported.programmes, ours] }));
      lines.length = 0;
      expect(await run('programmes', 'import', file, '--dry-run')).toBe(0);
      expect(lines.at(-1)).toBe('Dry run, nothing written: would create 1, update 0; 3 unchanged.');
      expect(await store.mentoringProgrammes.count(T)).toBe(0);
      expect(await run('programmes', 'import', file)).toBe(0);
      expect((await store.mentoringProgrammes.get(T, 'our-developing-teacher'))?.value.items).toHaveLength(4);
      expect(await run('programmes', 'import', file)).toBe(0);
      expect(lines.at(-1)).toBe('Programmes: created 0, updated 0; 4 unchanged.');

      const changed = { ...dt, items: dt.items.slice(1) };
      const bad = { ...ours, items: [...ours.items, { key: 'extra', kind: 'meeting', at: { year: 1, schoolWeek: 50 }, focus: '', with: 'coach' }] };
      writeFileSync(file, JSON.stringify({ programmes: [changed, bad] }));
      lines.length = 0;
      expect(await run('programmes', 'import', file)).toBe(1);
      expect(lines).toContain('  programme 1 ("Developing Teacher pathway meetings"): a built-in programme cannot be changed; copy it ("programmes copy Developing Teacher pathway meetings") and change the copy');
      expect(lines.some((l) => l.startsWith('  programme 2 ("Our Developing Teacher meetings"), item 5 ("extra"), at.schoolWeek:'))).toBe(true);
      expect(lines.at(-1)).toBe('Nothing was imported.');
      expect((await store.mentoringProgrammes.get(T, 'our-developing-teacher'))?.value.items).toHaveLength(4);
    });

    it('a file that cannot be read is refused in a line, and nothing is written', async () => {
      lines.length = 0;
      const before = await store.mentoringProgrammes.count(T);
      expect(await run('programmes', 'import', join(dir, 'missing.json'))).toBe(1);
      expect(lines).toEqual([`Cannot read ${join(dir, 'missing.json')}.`]);
      expect(await store.mentoringProgrammes.count(T)).toBe(before);
    });
  });
});
