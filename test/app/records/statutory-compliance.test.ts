import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../../src/app/commands';
import { runCli } from '../../../src/cli/run-cli';
import { renderBlockKitMessage } from '../../../src/cards/blockkit';
import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { statutoryTrainingId } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';
import { staff } from '../../support/fixtures';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';

const CSV = `Email,Training,Completed on,Expiry date
ada@school.example,Safeguarding,2024-12-01,2026-11-30
ben@school.example,Safeguarding,2024-12-10,2026-12-10
ben@school.example,First aid,2025-06-01,2028-06-01
`;

describe('statutory training: imported from HR, renewed in place, and the lead sees who is out of date by school', () => {
  it('imports once, refuses a bad file whole, and lists lapsed and due by school to the lead only', async () => {
    // Monday 23 November 2026.
    const w = await smallSchool();
    // No required topics here: only lapsing and lapsed training (the never-recorded list is statutory-by-role.test.ts's).
    const trust = { ...w.tenant, schools: [{ id: 'north', name: 'North Primary' }, { id: 'south', name: 'South Academy' }], settings: { ...w.tenant.settings, statutoryTopics: [] } };
    await w.store.tenants.put(trust);
    const lead = { tenant: trust, staff: w.people.lead! };
    await w.store.staff.put(staff('t1', 'ada', { name: 'Ada Teacher', email: 'ada@school.example', schoolId: 'north', lineManagerId: 'manager' }));
    await w.store.staff.put(staff('t1', 'ben', { name: 'Ben Teacher', email: 'ben@school.example', schoolId: 'south', lineManagerId: 'manager' }));
    // Another tenant's lapsed training never shows.
    await w.store.statutoryTraining.put({ tenantId: 't2', id: 'stat-x', staffId: 'ada', topic: 'Prevent', completedOn: '2020-01-01', expiresOn: '2021-01-01', recordedAt: '2020-01-01T00:00:00.000Z' });

    const dir = mkdtempSync(join(tmpdir(), 'twilight-statutory-'));
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store: w.store, clock: w.clock, defaultTenantId: 't1', print: (t) => lines.push(t) });
    try {
      writeFileSync(join(dir, 'bad.csv'), `${CSV}nobody@school.example,Prevent,2025-01-01,2027-01-01\nada@school.example,Prevent,2025-01-01,2024-01-01\n`);
      expect(await cli('import', 'statutory', join(dir, 'bad.csv'))).toBe(1);
      expect(lines).toEqual(['  row 5: nobody@school.example is not in the staff list', '  row 6: expires: expires must be after completed', expect.stringMatching(/^Nothing was imported/)]);
      expect(await w.store.statutoryTraining.count('t1')).toBe(0);

      writeFileSync(join(dir, 'good.csv'), CSV);
      lines.length = 0;
      expect(await cli('import', 'statutory', join(dir, 'good.csv'))).toBe(0);
      expect(await cli('import', 'statutory', join(dir, 'good.csv'))).toBe(0);
      expect(lines).toEqual(['Statutory training: 3 created, 0 updated, 0 unchanged.', 'Statutory training: 0 created, 0 updated, 3 unchanged.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await w.store.statutoryTraining.get('t1', statutoryTrainingId('ada', 'safeguarding')))?.value.expiresOn).toBe('2026-11-30');

    const view = await runCommand(w.deps, lead, 'statutory');
    if (view.kind !== 'statutory-compliance') throw new Error(`expected the compliance list, got ${view.kind}`);
    expect(view.schools).toEqual([
      { name: 'North Primary', lapsed: [], due: [{ name: 'Ada Teacher', topic: 'Safeguarding', expiresText: 'Lapses Monday 30 November 2026' }], never: [], current: 0 },
      { name: 'South Academy', lapsed: [], due: [{ name: 'Ben Teacher', topic: 'Safeguarding', expiresText: 'Lapses Thursday 10 December 2026' }], never: [], current: 1 },
    ]);

    // A week later Ada's has lapsed.
    w.clock.set('2026-12-01T10:00:00.000Z');
    const later = await runCommand(w.deps, lead, 'statutory');
    if (later.kind !== 'statutory-compliance') throw new Error('expected the compliance list');
    expect(later.schools[0]?.lapsed).toEqual([{ name: 'Ada Teacher', topic: 'Safeguarding', expiresText: 'Lapsed Monday 30 November 2026' }]);
    expect(JSON.stringify(later)).not.toContain('Prevent');
    expect(adaptiveCardProblems(renderAdaptiveCard(later))).toEqual([]);
    expect(JSON.stringify(renderBlockKitMessage(later).blocks)).toContain('1 lapsed, 0 due within 4 weeks, 0 up to date');

    // Names are for the lead: a teacher or a line manager asking gets the refusal.
    for (const who of ['ada', 'manager'] as const) {
      const refused = await runCommand(w.deps, w.actor(who), 'statutory');
      expect(refused.kind === 'notice' && refused.notice.text).toMatch(/Only CPD leads can do that/);
    }
    await w.store.close();
  });
});
