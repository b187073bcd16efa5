import { parse } from 'csv-parse/sync';
import { exportLeadReportCsv } from '../../src/exports/lead-report-csv';
import { exportRecordsCsv } from '../../src/exports/records-csv';
import { Writable } from 'node:stream';
import { exportResponsesCsv, writeResponsesCsv } from '../../src/exports/responses-csv';
import { NOW, T, reportWorld } from '../reports/report-world';
import { qualificationId, statutoryTrainingId } from '../../src/domain';

const rows = (csv: string) => parse(csv, { columns: true }) as Record<string, string>[];

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
    const header = a.anonymous.split('\n')[0]!;
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
