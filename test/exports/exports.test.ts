import { parse } from 'csv-parse/sync';
import { exportLeadReportCsv, writeLeadReportCsv } from '../../src/exports/lead-report-csv';
import { exportRecordsCsv, writeRecordsCsv } from '../../src/exports/records-csv';
import { exportRequestsCsv, writeRequestsCsv } from '../../src/exports/requests-csv';
import { Writable } from 'node:stream';
import { exportResponsesCsv, writeResponsesCsv } from '../../src/exports/responses-csv';
import { NOW, T, reportWorld } from '../app/reports/report-world';
import { CpdRequestDetails, cpdLogEntryId, participationId, qualificationId, statutoryTrainingId } from '../../src/domain';
import type { EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Collection, Query, Scalar, TenantDoc } from '../../src/store/port';
import { session, staff } from '../support/fixtures';
import { courseDetails, cpdRequest } from '../support/cpd-request-fixtures';

// Every export starts with a byte-order mark for Excel; a reader drops it (bom: true).
const rows = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

describe('CSV exports against the embedded store', () => {
  it('exports named answers with the person, and anonymous answers with no person column at all', async () => {
    const named = await reportWorld({ namedResponses: 2 });
    const n = await exportResponsesCsv(named, T);
    expect(rows(n.named).filter((r) => r.question_id === 'quality').map((r) => [r.respondent, r.answer])).toEqual([
      ['Ada Report', '5'],
      ['Ben Report', '4'],
    ]);
    await named.store.close();

    const anonymous = await reportWorld({ namedResponses: 6, anonymous: true });
    const a = await exportResponsesCsv(anonymous, T);
    expect(rows(a.named)).toEqual([]);
    const header = a.anonymous.replace(/^\uFEFF/, '').split('\n')[0]!;
    expect(header).toBe('questionnaire_id,questionnaire,session,session_date,response_id,submitted_on,question_id,question,answer');
    expect(header).not.toMatch(/respondent|email|staff|name/);
    expect(a.anonymous).toContain('Secret anonymous remark about behaviour');
    expect(a.anonymous).not.toMatch(/Report|@school\.example|submitted_at/);
    await anonymous.store.close();
  });

  it('exports "Every Teacher a Learner" records and the per-session lead report', async () => {
    const world = await reportWorld({ namedResponses: 6 });
    const records = rows(await exportRecordsCsv(world, T, NOW));
    expect(records.filter((r) => r.name === 'Ada Report').map((r) => [r.month, r.cpd_accessed, r.impact])).toEqual([
      ['September 2026', 'September INSET (Teaching & learning)', 'Recall improved in 9X2'],
      ['November 2026', 'Retrieval practice (Teaching & learning)', ''],
    ]);
    // The whole record: qualifications and statutory training follow the CPD rows.
    await world.store.qualifications.put({ tenantId: T, id: qualificationId('a', 'npqsl', 'NPQSL'), staffId: 'a', kind: 'npqsl', title: 'NPQSL', awardedOn: '2025-07-01', recordedAt: '2025-07-01T00:00:00.000Z' });
    await world.store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId('a', 'first aid'), staffId: 'a', topic: 'First aid', completedOn: '2024-09-01', expiresOn: '2027-09-01', recordedAt: '2024-09-01T00:00:00.000Z' });
    const whole = rows(await exportRecordsCsv(world, T, NOW, 'a')).map((r) => r.cpd_accessed);
    expect(whole.slice(2)).toEqual([expect.stringMatching(/^Qualification: NPQSL \(.*2025.*\)$/), expect.stringMatching(/^Statutory training: First aid \(.*2027.*\)$/)]);
    const own = rows(await exportRecordsCsv(world, T, NOW, 'b'));
    expect(new Set(own.map((r) => r.name))).toEqual(new Set(['Ben Report']));
    const report = rows(await exportLeadReportCsv(world, T));
    expect(report.find((r) => r.session === 'Retrieval practice')).toMatchObject({ invited: '7', attended: '4', responses: '6', response_rate: '100%', further_cpd_requests: '3' });
    await world.store.close();
  });

  it('streams answers page by page into the files: never reads them whole, and waits when a file is slow', async () => {
    const world = await reportWorld({ namedResponses: 6 });
    const wholeReads: string[] = [];
    const pageSizes: (number | undefined)[] = [];
    const watch = <C extends { find: unknown; iterate: unknown }>(c: C, name: string): C => ({
      ...c,
      find: () => (wholeReads.push(name), Promise.resolve([])),
      iterate: (t: string, q: unknown, o?: { pageSize?: number }) => (pageSizes.push(o?.pageSize), (c.iterate as (...a: unknown[]) => unknown)(t, q, o)),
    });
    const deps = { ...world, store: { ...world.store, responses: watch(world.store.responses, 'responses'), anonymousResponses: watch(world.store.anonymousResponses, 'anonymousResponses') } };
    // A sink that takes one chunk at a time, asynchronously: the export must wait for it.
    const slow = () => {
      const chunks: string[] = [];
      const sink = new Writable({ highWaterMark: 1, write: (chunk: Buffer, _e, done) => void setImmediate(() => (chunks.push(chunk.toString()), done())) });
      return { sink, text: () => chunks.join('') };
    };
    const named = slow();
    const anonymous = slow();
    await writeResponsesCsv(deps, T, { named: named.sink, anonymous: anonymous.sink });
    expect(wholeReads).toEqual([]);
    expect(pageSizes).toHaveLength(2);
    expect(rows(named.text()).length).toBe(rows((await exportResponsesCsv(world, T)).named).length);
    expect(rows(named.text()).length).toBeGreaterThan(0);
    await world.store.close();
  });
});

/**
 * The reads an export makes, in order, with the rows it writes between them: each `find` with how
 * many keys its `in` names (or 'whole' for a read of the whole collection), and each `iterate`'s
 * page size. A streaming export writes the first page's rows before it reads the last page.
 */
function watchReads(store: EmbeddedStore, names: readonly (keyof EmbeddedStore)[]) {
  const log: { op: 'find' | 'iterate' | 'write'; collection?: string; keys?: number | 'whole'; where?: string[]; pageSize?: number | undefined }[] = [];
  const watched: Record<string, unknown> = { ...store };
  for (const name of names) {
    const c = store[name] as unknown as Collection<TenantDoc>;
    watched[name] = {
      ...c,
      find: (t: string, q?: Query) => {
        const where = q?.where ?? {};
        const within = Object.values(where).find((v): v is { in: readonly Scalar[] } => typeof v === 'object' && 'in' in v && v.in !== undefined);
        log.push({ op: 'find', collection: name, keys: within ? within.in.length : 'whole', where: Object.keys(where) });
        return c.find(t, q);
      },
      iterate: (t: string, q?: Query, o?: { pageSize?: number }) => (log.push({ op: 'iterate', collection: name, pageSize: o?.pageSize }), c.iterate(t, q, o)),
    };
  }
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => (log.push({ op: 'write' }), chunks.push(chunk.toString()), done()) });
  const finds = (collection: string) => log.filter((e) => e.op === 'find' && e.collection === collection);
  const lastIndex = (pred: (e: (typeof log)[number]) => boolean) => log.map(pred).lastIndexOf(true);
  return { store: watched as unknown as EmbeddedStore, log, sink, text: () => chunks.join(''), finds, lastIndex };
}

describe('CSV exports page through the store (embedded store, a small page size)', () => {
  it('the records CSV takes people a page at a time in name order, each page’s records read by key, rows written before the next page is read', async () => {
    const world = await reportWorld({ namedResponses: 6 });
    // 25 more people, added in the reverse of name order, each with one course logged.
    for (let i = 24; i >= 0; i--) {
      const id = `p${String(i).padStart(2, '0')}`;
      await world.store.staff.put(staff(T, id, { name: `Paged Person ${String(i).padStart(2, '0')}` }));
      await world.store.cpdLog.put({ tenantId: T, id: cpdLogEntryId(id, '2026-10-01', 'Course'), staffId: id, what: `Course of ${id}`, on: '2026-10-01', hours: 3, type: 'course', learned: 'Things', loggedAt: '2026-10-01T12:00:00.000Z' });
    }
    const watch = watchReads(world.store, ['staff', 'participations', 'gapTasks', 'cpdLog', 'qualifications', 'statutoryTraining', 'sessions']);
    await writeRecordsCsv({ ...world, store: watch.store }, T, NOW, watch.sink, { pageSize: 4 });

    // The same bytes as the export in one page.
    expect(watch.text()).toBe(await exportRecordsCsv(world, T, NOW));
    const paged = rows(watch.text()).filter((r) => r.name?.startsWith('Paged'));
    expect(paged.map((r) => r.cpd_accessed)).toEqual(Array.from({ length: 25 }, (_, i) => `Course of p${String(i).padStart(2, '0')} (Course, logged)`));
    // 32 people in the tenant: 8 pages of at most 4, never the whole of any collection.
    expect(watch.log.filter((e) => e.op === 'iterate')).toEqual([{ op: 'iterate', collection: 'staff', pageSize: 4 }]);
    expect(watch.finds('cpdLog')).toHaveLength(8);
    expect(watch.log.filter((e) => e.op === 'find').every((e) => e.keys !== 'whole' && e.keys! <= 4)).toBe(true);
    expect(watch.log.findIndex((e) => e.op === 'write')).toBeLessThan(watch.lastIndex((e) => e.collection === 'cpdLog'));
    await world.store.close();
  });

  it('the lead report CSV takes sessions a page at a time in date order, each page’s participations and answers read by key', async () => {
    const world = await reportWorld({ namedResponses: 6 });
    for (let i = 10; i >= 0; i--) {
      const id = `ps${String(i).padStart(2, '0')}`;
      await world.store.sessions.put(session(T, id, { title: `Paged session ${i}`, startsAt: `2026-10-${String(i + 1).padStart(2, '0')}T16:00:00.000Z`, endsAt: `2026-10-${String(i + 1).padStart(2, '0')}T17:00:00.000Z` }));
      await world.store.participations.put({ tenantId: T, id: participationId(id, 'a'), sessionId: id, staffId: 'a', rsvp: 'yes', attended: true, invitedAt: '2026-09-01T10:00:00.000Z' });
    }
    const watch = watchReads(world.store, ['staff', 'participations', 'questionnaires', 'responses', 'anonymousResponses', 'sessions']);
    await writeLeadReportCsv({ ...world, store: watch.store }, T, watch.sink, { pageSize: 3 });

    expect(watch.text()).toBe(await exportLeadReportCsv(world, T));
    const report = rows(watch.text());
    expect(report.map((r) => r.date)).toEqual([...report.map((r) => r.date)].sort());
    expect(report.filter((r) => r.session?.startsWith('Paged')).map((r) => [r.session, r.invited, r.attended])).toEqual(Array.from({ length: 11 }, (_, i) => [`Paged session ${i}`, '1', '1']));
    // 14 sessions held: 5 pages of at most 3; the active staff read once, for the sessions from before invitations were recorded.
    expect(watch.finds('participations')).toHaveLength(5);
    expect(watch.finds('staff')).toEqual([{ op: 'find', collection: 'staff', keys: 'whole', where: ['active'] }]);
    expect(watch.log.filter((e) => e.op === 'find' && e.collection !== 'staff').every((e) => e.keys !== 'whole' && e.keys! <= 3)).toBe(true);
    expect(watch.log.findIndex((e) => e.op === 'write')).toBeLessThan(watch.lastIndex((e) => e.collection === 'participations'));
    await world.store.close();
  });

  it('the requests CSV takes requests a page at a time in date order, with only their requesters read', async () => {
    const world = await reportWorld();
    for (let i = 8; i >= 0; i--) {
      await world.store.cpdRequests.put(cpdRequest(T, `req-${i}`, { requesterId: ['a', 'b', 'c'][i % 3]!, details: CpdRequestDetails.parse(courseDetails({ courseTitle: `Course ${i}`, startDate: `2027-01-1${i}`, endDate: `2027-01-1${i}` })) }));
    }
    const watch = watchReads(world.store, ['staff', 'cpdRequests']);
    await writeRequestsCsv({ ...world, store: watch.store }, T, watch.sink, { pageSize: 2 });

    expect(watch.text()).toBe(await exportRequestsCsv(world, T));
    expect(rows(watch.text()).map((r) => [r.course, r.requester])).toEqual(Array.from({ length: 9 }, (_, i) => [`Course ${i}`, ['Ada Report', 'Ben Report', 'Cat Report'][i % 3]]));
    expect(watch.finds('cpdRequests')).toHaveLength(5);
    expect(watch.log.filter((e) => e.op === 'find').every((e) => e.keys !== 'whole' && e.keys! <= 2)).toBe(true);
    await world.store.close();
  });
});
