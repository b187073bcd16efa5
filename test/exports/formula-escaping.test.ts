import { parse } from 'csv-parse/sync';
import { governorsReportCsv } from '../../src/exports/governors-csv';
import { textSink } from '../../src/exports/csv-stream';
import { writeLeadReportCsv } from '../../src/exports/lead-report-csv';
import { exportRecordsCsv, writeRecordsCsv } from '../../src/exports/records-csv';
import { exportRequestsCsv, writeRequestsCsv } from '../../src/exports/requests-csv';
import { exportResponsesCsv, writeResponsesCsv } from '../../src/exports/responses-csv';
import { CpdRequestDetails, cpdLogEntryId, statutoryTrainingId } from '../../src/domain';
import { loadGovernorsReport } from '../../src/app/records/load-governors-report';
import { courseDetails, cpdRequest } from '../support/cpd-request-fixtures';
import { session, staff } from '../support/fixtures';
import { NOW, T, reportWorld } from '../app/reports/report-world';

/** What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLANTED = {
  name: '=HYPERLINK("https://evil.example/phish","Ada")',
  title: '+cmd|" /C calc"!A0',
  comment: '-2+3+cmd|" /C calc"!A0',
  logged: '@SUM(1+1)*cmd|" /C calc"!A0',
  course: '=HYPERLINK("https://evil.example/phish","Book here")',
  provider: '@provider',
  topic: '=1+2',
};

/** Every cell that a spreadsheet would run, with its column. */
function formulaCells(csv: string): string[] {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  return rows.flatMap((r) => Object.entries(r).filter(([, v]) => FORMULA_START.test(v) && !/^-\d+(\.\d+)?$/.test(v)).map(([k, v]) => `${k}: ${v}`));
}

async function plantedWorld() {
  const world = await reportWorld({ namedResponses: 2 });
  const { store } = world;
  await store.staff.put(staff(T, 'a', { name: PLANTED.name, lineManagerId: 'm1', department: 'Science' }));
  const s1 = (await store.sessions.get(T, 's1'))!.value;
  await store.sessions.put(session(T, 's1', { ...s1, title: PLANTED.title }));
  const response = (await store.responses.find(T, { where: { respondentId: 'a' } }))[0]!.value;
  await store.responses.put({ ...response, answers: { ...response.answers, comments: PLANTED.comment } });
  await store.cpdLog.put({ tenantId: T, id: cpdLogEntryId('a', '2026-10-01', 'x'), staffId: 'a', what: PLANTED.logged, on: '2026-10-01', hours: 2, type: 'reading', learned: PLANTED.comment, loggedAt: '2026-10-01T18:00:00.000Z' });
  await store.cpdRequests.put(cpdRequest(T, 'req-1', { requesterId: 'a', details: CpdRequestDetails.parse(courseDetails({ courseTitle: PLANTED.course, provider: PLANTED.provider })) }));
  await store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId('a', PLANTED.topic), staffId: 'a', topic: PLANTED.topic, completedOn: '2026-09-01', expiresOn: '2027-09-01', recordedAt: '2026-09-01T00:00:00.000Z' });
  return world;
}

describe('no export carries a cell a spreadsheet would run as a formula', () => {
  it.each([
    ['records', async (w: Awaited<ReturnType<typeof plantedWorld>>) => exportRecordsCsv(w, T, NOW), [PLANTED.name, PLANTED.title, PLANTED.logged]],
    ['records, streamed', async (w: Awaited<ReturnType<typeof plantedWorld>>) => { const out = textSink(); await writeRecordsCsv(w, T, NOW, out.sink, { pageSize: 2 }); return out.text(); }, [PLANTED.name, PLANTED.logged]],
    ['requests', async (w: Awaited<ReturnType<typeof plantedWorld>>) => exportRequestsCsv(w, T), [PLANTED.course, PLANTED.provider, PLANTED.name]],
    ['requests, streamed', async (w: Awaited<ReturnType<typeof plantedWorld>>) => { const out = textSink(); await writeRequestsCsv(w, T, out.sink, { pageSize: 1 }); return out.text(); }, [PLANTED.course]],
    ['responses (named)', async (w: Awaited<ReturnType<typeof plantedWorld>>) => (await exportResponsesCsv(w, T)).named, [PLANTED.comment, PLANTED.name, PLANTED.title]],
    ['responses, streamed', async (w: Awaited<ReturnType<typeof plantedWorld>>) => { const named = textSink(); const anonymous = textSink(); await writeResponsesCsv(w, T, { named: named.sink, anonymous: anonymous.sink }); return named.text(); }, [PLANTED.comment]],
    ['lead report, streamed', async (w: Awaited<ReturnType<typeof plantedWorld>>) => { const out = textSink(); await writeLeadReportCsv(w, T, out.sink); return out.text(); }, [PLANTED.title]],
    ['governors', async (w: Awaited<ReturnType<typeof plantedWorld>>) => { const r = await loadGovernorsReport(w, T, NOW); if (!r.ok) throw new Error(r.message); return governorsReportCsv(r.value); }, [PLANTED.topic.slice(1)]],
  ] as const)('%s: the planted text is there, as text', async (_label, exportIt, planted) => {
    const world = await plantedWorld();
    const csv = await exportIt(world);
    for (const text of planted) expect(csv).toContain(text.replace(/"/g, '""'));
    expect(formulaCells(csv)).toEqual([]);
    await world.store.close();
  });

  it('negative numbers stay numbers', async () => {
    const world = await plantedWorld();
    const csv = await exportRequestsCsv(world, T);
    expect(parse(csv, { columns: true })[0]).toMatchObject({ fee_gbp: '250.00' });
    await world.store.close();
  });
});
