import { loadGovernorsReport } from '../../../src/app/records/load-governors-report';
import { loadReportPage } from '../../../src/documents/load-report-page';
import { renderReportPage } from '../../../src/documents/report-page-html';
import { smallSchool } from '../../support/app-world';
import { session } from '../../support/fixtures';

/**
 * Issue 24 item 13: "Sessions held" counted sessions that had not happened. On 1 December 2026
 * at 16:30 one session is over (24 November), one is running now and two are still to come.
 */
async function termWithFutureSessions() {
  const w = await smallSchool('2026-12-01T16:30:00.000Z');
  await w.store.sessions.put(session('t1', 'ses-now', { title: 'Running now', startsAt: '2026-12-01T16:00:00.000Z', endsAt: '2026-12-01T17:00:00.000Z' }));
  await w.store.sessions.put(session('t1', 'ses-next', { title: 'Next week', startsAt: '2026-12-08T16:00:00.000Z', endsAt: '2026-12-08T17:00:00.000Z' }));
  await w.store.sessions.put(session('t1', 'ses-later', { title: 'Later this term', startsAt: '2026-12-15T16:00:00.000Z', endsAt: '2026-12-15T17:00:00.000Z', category: 'P' }));
  return w;
}

describe('"Sessions held" counts only sessions that have ended', () => {
  it("report page: the total matches its own table of held sessions (1, not 4)", async () => {
    const w = await termWithFutureSessions();
    const page = await loadReportPage(w.deps, 't1', w.clock.now());
    if (!page.ok) throw new Error(page.message);
    expect(page.value.sessions.map((s) => s.sessionId)).toEqual(['ses-1']);
    expect(page.value.programme.totals.sessions).toBe(1);
    const html = renderReportPage(page.value);
    expect(html).toContain("<dt>Sessions held</dt><dd>1</dd>");
  });

  it("governors' report: sessions held by category, kind and audience count only ended ones", async () => {
    const w = await termWithFutureSessions();
    const report = await loadGovernorsReport(w.deps, 't1', w.clock.now(), 'autumn-2026');
    if (!report.ok) throw new Error(report.message);
    const held = report.value.sections.flatMap((s) => s.rows.filter((r) => r.measure === 'Sessions held').map((r) => `${s.title}/${r.group}=${r.value}`));
    expect(held).toEqual(['Programme by category/Teaching & learning=1', 'Programme by kind/Twilight=1', 'Programme by pathway (audience)/Everyone=1']);
  });
});
