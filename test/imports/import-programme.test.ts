import { readFileSync } from 'node:fs';
import { ManualClock } from '../../src/domain';
import { importProgramme, sessionIdFor } from '../../src/imports/import-programme';
import { importStaffRoster } from '../../src/imports/import-staff';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { tenant } from '../support/fixtures';

const NOW = new Date('2026-08-20T09:00:00.000Z');
const t = { ...tenant('t1'), schools: [] };
const HEADER = 'Title,Category,Kind,Date,Start,End,Place,Meeting link,Capacity,Audience,Series,Follow-up,Intent,Gap task';

async function withRoster() {
  const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock(NOW) });
  await importStaffRoster({ store }, t, readFileSync('examples/staff.csv', 'utf8'));
  return store;
}

describe('importProgramme against the embedded store', () => {
  it('imports the example year with London times as UTC instants, series and a two-part gap task', async () => {
    const store = await withRoster();
    const csv = readFileSync('examples/programme.csv', 'utf8');
    const result = await importProgramme({ store }, t, csv, { now: NOW });
    expect(result).toMatchObject({ ok: true, counts: { created: 16, updated: 0, unchanged: 0, skipped: 0 }, errors: [] });
    const part1 = (await store.sessions.get('t1', sessionIdFor('Retrieval practice: part 1', '2026-10-06T14:45:00.000Z')))!.value;
    // 6 October is in BST: 15:45 local is 14:45 UTC; 3 November is GMT: 15:45 is 15:45 UTC.
    expect(part1).toMatchObject({ startsAt: '2026-10-06T14:45:00.000Z', endsAt: '2026-10-06T16:00:00.000Z', status: 'draft', compulsory: true, capacity: 60 });
    expect(part1.followUpSessionId).toBe(sessionIdFor('Retrieval practice: part 2', '2026-11-03T15:45:00.000Z'));
    expect(part1.gapTask?.task).toMatch(/three retrieval quizzes/);
    expect(part1.facilitatorIds).toHaveLength(1);
    const ect = (await store.sessions.find('t1')).filter((v) => v.value.kind === 'ect').map((v) => v.value.audience);
    expect(ect).toEqual([{ kind: 'pathway', pathway: 'ect' }, { kind: 'pathway', pathway: 'ect' }]);
    const series = await store.sessions.count('t1', { seriesId: part1.seriesId! });
    expect(series).toBe(5);

    const again = await importProgramme({ store }, t, csv, { now: NOW });
    expect(again.ok && again.counts).toEqual({ created: 0, updated: 0, unchanged: 16, skipped: 0 });
    await store.close();
  });

  it('bumps the revision when a place changes on re-import', async () => {
    const store = await withRoster();
    const row = (place: string) => `${HEADER}\nSafeguarding,P,Twilight,15/09/2026,15:45,17:00,${place},,,trust,,,,`;
    await importProgramme({ store }, t, row('Hall'), { now: NOW, publish: true });
    const result = await importProgramme({ store }, t, row('Library'), { now: NOW, publish: true });
    expect(result.ok && result.counts.updated).toBe(1);
    const [s] = await store.sessions.find('t1');
    expect(s!.value).toMatchObject({ revision: 1, status: 'published', publishedAt: NOW.toISOString(), location: { place: 'Library' } });
    await store.close();
  });

  it('reads a Provider and a Cost column (issue 26 item 7); a file without them leaves what the form set; a cost that is not money is a bad row', async () => {
    const store = await withRoster();
    const header = `${HEADER},Provided By,Cost`;
    const row = (provider: string, cost: string) => `${header}\nEarly reading,TL,Twilight,15/09/2026,15:45,17:00,Hall,,,trust,,,,,${provider},${cost}`;
    expect((await importProgramme({ store }, t, row('Fenland English Hub', '£350'), { now: NOW })).ok).toBe(true);
    expect((await store.sessions.find('t1'))[0]!.value).toMatchObject({ provider: 'Fenland English Hub', costPence: 35_000 });
    expect((await importProgramme({ store }, t, `${HEADER}\nEarly reading,TL,Twilight,15/09/2026,15:45,17:00,Hall,,,trust,,,,`, { now: NOW })).ok).toBe(true);
    expect((await store.sessions.find('t1'))[0]!.value).toMatchObject({ provider: 'Fenland English Hub', costPence: 35_000 });
    const bad = await importProgramme({ store }, t, row('Fenland English Hub', 'lots'), { now: NOW });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad.errors)).toContain('Give an amount in pounds');
    await store.close();
  });

  it('lists bad rows (including a time the clocks skip) and writes nothing', async () => {
    const store = await withRoster();
    const csv = [
      HEADER,
      'Good,TL,Twilight,2026-10-06,15:45,17:00,Library,,,trust,,,,',
      'Backwards,TL,Twilight,2026-10-06,17:00,15:45,Library,,,trust,,,,',
      'Nowhere,TL,Twilight,2026-10-06,15:45,17:00,,,,trust,,,,',
      'Spring gap,TL,Twilight,2027-03-28,01:30,02:30,Library,,,trust,,,,',
      'Half a task,TL,Twilight,2026-10-06,15:45,17:00,Library,,,trust,,,Intent only,',
      'Lost follow-up,TL,Twilight,2026-10-06,15:45,17:00,Library,,,trust,,Part 9,,',
      'Who,TL,Twilight,2026-10-06,15:45,17:00,Library,,,staff:ghost@s.example,,,,',
      'Odd,Cookery,Twilight,2026-10-06,15:45,17:00,Library,,,trust,,,,',
    ].join('\n');
    const result = await importProgramme({ store }, t, csv, { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(result.errors.find((e) => e.row === 5)!.reason).toMatch(/does not exist/);
    expect(await store.sessions.count('t1')).toBe(0);
    const skipping = await importProgramme({ store }, t, csv, { now: NOW, skipBad: true });
    expect(skipping.ok && skipping.counts).toEqual({ created: 1, updated: 0, unchanged: 0, skipped: 7 });
    await store.close();
  });

  it('says new rows are drafts and how to publish them, and warns about rows in the past', async () => {
    const store = await withRoster();
    const csv = ['Title,Category,Kind,Date,Start,End,Place', 'Last year,TL,Twilight,2025-11-04,15:45,17:00,Hall', 'Next term,TL,Twilight,2027-01-12,15:45,17:00,Hall'].join('\n');
    const result = await importProgramme({ store }, t, csv, { now: new Date('2026-11-25T10:00:00.000Z') });
    expect(result.notes).toEqual([
      'row 2: "Last year" on 2025-11-04 is in the past: it is kept as a record, and nobody is invited to it.',
      '1 new session is a draft: nobody is invited until you publish (npm run cli -- programme publish, or import again with --publish).',
    ]);
    const published = await importProgramme({ store }, t, csv.replace('Next term', 'Spring'), { now: new Date('2026-11-25T10:00:00.000Z'), publish: true });
    expect(published.notes).toEqual([]);
    await store.close();
  });
});
