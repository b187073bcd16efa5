import { exportLeadReportCsv } from '../../../src/exports/lead-report-csv';
import { exportRecordsCsv } from '../../../src/exports/records-csv';
import { exportResponsesCsv } from '../../../src/exports/responses-csv';
import { buildAllDigests } from '../../../src/app/digests/all-manager-digests';
import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { loadLeadSessionReport } from '../../../src/app/reports/load-lead-session-report';
import { loadManagerDigest } from '../../../src/app/digests/load-manager-digest';
import { loadMyRecord } from '../../../src/app/records/load-my-record';
import { loadProgrammeReport } from '../../../src/app/reports/load-programme-report';
import { loadDigestWeeks } from '../../../src/app/digests/load-digest-weeks';
import { loadReportPage } from '../../../src/documents/load-report-page';
import { renderReportPage } from '../../../src/documents/report-page-html';
import { buildProviderReport, buildProviderSummary, loadProviderReportInput } from '../../../src/app/reports';
import { providerSummaryCsv, providersCsv } from '../../../src/exports/providers-csv';
import { NOW, T, reportWorld } from './report-world';

const ANSWER = 'Secret anonymous remark about behaviour';
const PEOPLE = ['lead', 'm1', 'm2', 'a', 'b', 'c', 'd', 'Ada Report', 'Ben Report', 'Cat Report', 'Dan Elsewhere', 'Lead Person', 'Manager One', '@school.example'];

/** Every object (or CSV line) that holds the anonymous answer must hold no person id, name or e-mail. */
function assertNoPersonBeside(value: unknown, path = '$'): void {
  if (typeof value === 'string') {
    for (const line of value.split('\n')) {
      if (!line.includes(ANSWER)) continue;
      const cells = line.split(',');
      for (const p of PEOPLE) expect({ path, person: cells.some((c) => c === p || c.includes('@school.example') || c.includes(' Report')) && p }).toEqual({ path, person: false });
    }
    return;
  }
  if (Array.isArray(value)) return value.forEach((v, i) => assertNoPersonBeside(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const json = JSON.stringify(value);
    if (json.includes(ANSWER)) {
      const direct = Object.values(value as Record<string, unknown>).filter((v) => typeof v === 'string') as string[];
      for (const p of PEOPLE) expect({ path, hit: direct.includes(p) ? p : undefined }).toEqual({ path, hit: undefined });
    }
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertNoPersonBeside(v, `${path}.${k}`);
  }
}

describe('privacy: no exposed report or export puts an anonymous answer beside a person', () => {
  it('holds for every loader and export', async () => {
    const { store, clock } = await reportWorld({ namedResponses: 6, anonymous: true });
    const deps = { store, clock };
    const t = (await store.tenants.get(T, T))!.value;
    await store.tenants.put({ ...t, settings: { ...t.settings, minAggregateCount: 3 } });
    const outputs: unknown[] = [
      await loadLeadSessionReport(deps, T, 's1'),
      await loadManagerDigest(deps, T, 'm1', NOW),
      await buildAllDigests(deps, T, NOW),
      await loadMyRecord(deps, T, 'a', NOW),
      await loadProgrammeReport(deps, T, NOW),
      await exportResponsesCsv(deps, T),
      await exportRecordsCsv(deps, T, NOW),
      await exportLeadReportCsv(deps, T),
    ];
    // The lead report does carry the answer (as a comment example) — with no person beside it.
    expect(JSON.stringify(outputs[0])).toContain(ANSWER);
    expect(JSON.stringify(outputs[5])).toContain(ANSWER);
    for (const output of outputs) assertNoPersonBeside(output);
    // Managers and personal records never see anonymous answers at all.
    for (const i of [1, 2, 3]) expect(JSON.stringify(outputs[i])).not.toContain(ANSWER);
    // The lead's programme digest gives figures only: no answer text at all, so nothing to put beside a person.
    const leadDigest = await loadLeadDigest(deps, T, 'lead', NOW);
    expect(leadDigest.ok && leadDigest.value.held.map((s) => s.responses)).toEqual([6]);
    expect(JSON.stringify(leadDigest)).not.toContain(ANSWER);
    expect(JSON.stringify(await loadDigestWeeks(deps, T, NOW, t.settings.timezone))).not.toContain(ANSWER);
    // The report page quotes comments as the lead report does, and names no one anywhere.
    const page = await loadReportPage(deps, T, NOW);
    assertNoPersonBeside(page);
    const html = page.ok ? renderReportPage(page.value) : '';
    expect(html).toContain('Secret anonymous remark');
    for (const name of PEOPLE.filter((p) => p.includes(' '))) expect(html).not.toContain(name);
    expect(html).not.toContain('@school.example');
    // Providers (issue 26 item 7): the report and the summary that leaves the trust never quote a comment, nor name anyone.
    const input = await loadProviderReportInput(deps, T, NOW);
    if (!input.ok) throw new Error(input.message);
    const providers = buildProviderReport(input.value);
    const summaries = providers.rows.map((r) => buildProviderSummary(input.value, r.provider));
    expect(summaries.map((x) => x.responses)).toContain(6);
    for (const output of [providers, ...summaries, providersCsv(providers), ...summaries.map(providerSummaryCsv)]) {
      const json = JSON.stringify(output);
      expect(json).not.toContain('anonymous remark');
      for (const name of PEOPLE.filter((p) => p.includes(' '))) expect(json).not.toContain(name);
      expect(json).not.toContain('@school.example');
    }
    await store.close();
  });
});
