import { readFileSync } from 'node:fs';
import { ManualClock } from '../../src/domain';
import { importStaffRoster, staffIdFor } from '../../src/imports/import-staff';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { tenant } from '../support/fixtures';

const HEADER = 'Name,E-mail,Role,Department,Line manager e-mail,Pathway';
const t = { ...tenant('t1'), schools: [] };
const open = () => openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-09-01T08:00:00.000Z') });

describe('importStaffRoster against the embedded store', () => {
  it('imports the example roster, resolves managers by e-mail and changes nothing the second time', async () => {
    const store = open();
    const csv = readFileSync('examples/staff.csv', 'utf8');
    const progress: number[] = [];
    const first = await importStaffRoster({ store }, t, csv, { onProgress: (done) => progress.push(done) });
    expect(first).toMatchObject({ ok: true, counts: { created: 16, updated: 0, unchanged: 0, skipped: 0 }, errors: [], ignored: [] });
    expect(progress).toHaveLength(16);
    const jo = (await store.staff.get('t1', staffIdFor('jo.adeyemi@riverside.example')))!.value;
    expect(jo).toMatchObject({ name: 'Jo Adeyemi', pathway: 'ect', department: 'Science', lineManagerId: staffIdFor('sam.patel@riverside.example') });
    const sam = (await store.staff.get('t1', staffIdFor('sam.patel@riverside.example')))!.value;
    expect(sam.roles).toEqual(['line-manager']);
    const before = (await store.staff.find('t1')).map((v) => v.version).sort();
    const second = await importStaffRoster({ store }, t, csv);
    expect(second.ok && second.counts).toMatchObject({ created: 0, updated: 0, unchanged: 16, skipped: 0 });
    expect((await store.staff.find('t1')).map((v) => v.version).sort()).toEqual(before);
    await store.close();
  });

  it('resolves a line manager who appears later in the file', async () => {
    const store = open();
    const csv = `${HEADER}\nAda,ada@s.example,Teacher,Maths,boss@s.example,\nBoss,boss@s.example,HoD,Maths,,`;
    const result = await importStaffRoster({ store }, t, csv);
    expect(result.ok).toBe(true);
    expect((await store.staff.get('t1', staffIdFor('ada@s.example')))!.value.lineManagerId).toBe(staffIdFor('boss@s.example'));
    await store.close();
  });

  it('lists bad rows with their row numbers and writes nothing', async () => {
    const store = open();
    const csv = [
      HEADER,
      'Ada,ada@s.example,Teacher,Maths,,',
      'Bob,not-an-email,Teacher,Maths,,',
      'Cy,cy@s.example,Wizard,Maths,,',
      'Di,di@s.example,Teacher,Maths,nobody@s.example,',
      'Ed,ada@s.example,Teacher,Maths,,',
      'Fi,fi@s.example,Teacher,Maths,,Astronaut',
    ].join('\n');
    const result = await importStaffRoster({ store }, t, csv);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, reason: 'E-mail: "not-an-email" is not an e-mail address (expected something like name@school.org.uk)' },
      { row: 4, reason: expect.stringContaining('Role: unknown role "Wizard"') },
      { row: 5, reason: 'Line manager e-mail: nobody@s.example is not in the file or the staff list (give the e-mail of someone in either)' },
      { row: 6, reason: expect.stringMatching(/^E-mail: ada@s.example is already on row 2 \(one row per person/) },
      { row: 7, reason: expect.stringContaining('Pathway: unknown pathway "Astronaut"') },
    ]);
    expect(await store.staff.count('t1')).toBe(0);
    await store.close();
  });

  it('with skipBad imports the good rows, and drops people whose manager was a bad row', async () => {
    const store = open();
    const csv = `${HEADER}\nAda,ada@s.example,Teacher,Maths,boss@s.example,\nBoss,boss@s.example,Wizard,Maths,,\nCy,cy@s.example,Teacher,Maths,,`;
    const result = await importStaffRoster({ store }, t, csv, { skipBad: true });
    expect(result).toMatchObject({ ok: true, counts: { created: 1, skipped: 2 } });
    expect(result.errors.map((e) => e.row)).toEqual([2, 3]);
    expect((await store.staff.find('t1')).map((v) => v.value.email)).toEqual(['cy@s.example']);
    await store.close();
  });

  it('refuses a file that is not CSV or lacks required columns', async () => {
    const store = open();
    expect(await importStaffRoster({ store }, t, 'Name,Phone\nAda,123')).toMatchObject({
      ok: false,
      message: 'The file has no e-mail column: looked for a heading like "Email", "Work Email", "Email Address", "School Email" or "Mail". The file\'s headings are: Name, Phone. To use another column: --map "Your Heading=email".',
      errors: [],
      ignored: ['Phone'],
    });
    await store.close();
  });
});
