import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../../src/app/commands';
import { runCli } from '../../../src/cli/run-cli';
import { qualificationKindOf } from '../../../src/imports/import-qualifications';
import { statutoryTrainingId } from '../../../src/domain';
import { smallSchool } from '../../support/app-world';
import { staff } from '../../support/fixtures';

describe('qualifications and statutory training in "my cpd"', () => {
  it('names the kind of qualification from its usual words', () => {
    expect(qualificationKindOf('NPQSL')).toBe('npqsl');
    expect(qualificationKindOf('NPQ in Leading Teacher Development (NPQLTD)')).toBe('npqltd');
    expect(qualificationKindOf('HLTA status')).toBe('hlta');
    expect(qualificationKindOf('BSc Mathematics')).toBe('degree');
    expect(qualificationKindOf('Forest School Level 3')).toBe('other');
  });

  it('imports qualifications once; each person sees only their own, with dates, and their statutory training with lapsed ones marked', async () => {
    const w = await smallSchool();
    await w.store.staff.put(staff('t1', 'ada', { name: 'Ada Teacher', email: 'ada@school.example', lineManagerId: 'manager' }));
    await w.store.staff.put(staff('t1', 'ben', { name: 'Ben Teacher', email: 'ben@school.example', lineManagerId: 'manager' }));
    const dir = mkdtempSync(join(tmpdir(), 'twilight-quals-'));
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store: w.store, clock: w.clock, defaultTenantId: 't1', print: (t) => lines.push(t) });
    try {
      writeFileSync(join(dir, 'q.csv'), 'Email,Qualification,Started,Awarded\nada@school.example,NPQSL,2024-09-01,2025-07-01\nada@school.example,NPQH,2026-09-01,\nben@school.example,HLTA,,2019-07-01\n');
      expect(await cli('import', 'qualifications', join(dir, 'q.csv'))).toBe(0);
      expect(await cli('import', 'qualifications', join(dir, 'q.csv'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines).toEqual(['Qualifications: 3 created, 0 updated, 0 unchanged.', 'Qualifications: 0 created, 0 updated, 3 unchanged.']);
    const training = { tenantId: 't1', staffId: 'ada', completedOn: '2023-09-01', recordedAt: '2023-09-01T00:00:00.000Z' };
    await w.store.statutoryTraining.put({ ...training, id: statutoryTrainingId('ada', 'first aid'), topic: 'First aid', expiresOn: '2026-09-01' });
    await w.store.statutoryTraining.put({ ...training, id: statutoryTrainingId('ada', 'safeguarding'), topic: 'Safeguarding', expiresOn: '2027-09-01' });

    const ada = await runCommand(w.deps, w.actor('ada'), 'my cpd');
    if (ada.kind !== 'my-record') throw new Error('expected the record');
    expect(ada.qualifications).toEqual([
      { title: 'NPQH', datesText: 'Started September 2026, In progress' },
      { title: 'NPQSL', datesText: 'Started September 2024, Awarded July 2025' },
    ]);
    expect(ada.statutory).toEqual([
      { topic: 'First aid', expiresText: 'Lapsed 1 September 2026', lapsed: true },
      { topic: 'Safeguarding', expiresText: 'Valid until 1 September 2027', lapsed: false },
    ]);
    const ben = await runCommand(w.deps, w.actor('ben'), 'my cpd');
    expect(JSON.stringify(ben)).not.toMatch(/NPQ|First aid|Safeguarding/);
    expect(ben.kind === 'my-record' && ben.qualifications).toEqual([{ title: 'HLTA', datesText: 'Awarded July 2019' }]);
    await w.store.close();
  });
});
