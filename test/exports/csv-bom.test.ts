import { exportLeadReportCsv } from '../../src/exports/lead-report-csv';
import { exportRecordsCsv } from '../../src/exports/records-csv';
import { exportRequestsCsv } from '../../src/exports/requests-csv';
import { exportResponsesCsv } from '../../src/exports/responses-csv';
import { governorsReportCsv } from '../../src/exports/governors-csv';
import { NOW, T, reportWorld } from '../app/reports/report-world';

const BOM = '\uFEFF';

/** Issue 24 item 20: Excel reads a CSV as UTF-8 only with a byte-order mark; without one "–" became "â€“". */
describe('every CSV export starts with a UTF-8 byte-order mark, once', () => {
  it('records, lead report, requests, responses (named and anonymous) and governors', async () => {
    const world = await reportWorld({ namedResponses: 6 });
    const responses = await exportResponsesCsv(world, T);
    const exports: Record<string, string> = {
      records: await exportRecordsCsv(world, T, NOW),
      'lead report': await exportLeadReportCsv(world, T),
      requests: await exportRequestsCsv(world, T),
      'named responses': responses.named,
      'anonymous responses': responses.anonymous,
      governors: governorsReportCsv({ kind: 'governors-report', term: 'autumn-2026', periodText: '1 September 2026 – 31 December 2026', minGroup: 5, sections: [{ title: 'Programme by category', rows: [{ group: 'Teaching – learning', measure: 'Sessions held', value: '1' }] }] }),
    };
    for (const [name, csv] of Object.entries(exports)) {
      expect([name, csv.startsWith(BOM), csv.indexOf(BOM, 1)]).toEqual([name, true, -1]);
    }
    expect(exports.governors).toContain('Teaching – learning');
    await world.store.close();
  });
});
