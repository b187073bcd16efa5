import { sampleYear } from '../../src/dev/sample-year';
import { buildReportPage } from '../../src/documents/report-page';
import { renderReportPage } from '../../src/documents/report-page-html';

describe('report page (built from a sample year)', () => {
  const input = sampleYear({ staff: 80, withWithheldSession: true });
  const view = buildReportPage(input);
  const html = renderReportPage(view);

  it('counts the year from the data: attendances, responses, sessions held and cancelled', () => {
    const held = input.sessions.filter((s) => s.status === 'published');
    expect(view.programme.totals.sessions).toBe(held.length);
    expect(view.programme.totals.cancelled).toBe(input.sessions.length - held.length);
    expect(view.programme.totals.attended).toBe(input.participations.length);
    expect(view.programme.totals.responses).toBe([...input.answersBySession.values()].reduce((n, a) => n + a.length, 0));
    expect(view.sessions).toHaveLength(held.length);
  });

  it('withholds a small anonymous session as chat does, and leaves it out of the year’s ratings', () => {
    const small = view.sessions.find((s) => s.sessionId === 'ses-4')!;
    expect(small.report.withheld).toBe('fewer than 5 responses');
    expect(small.report.ratings).toEqual([]);
    const shown = view.sessions.filter((s) => !s.report.withheld).flatMap((s) => s.report.ratings.filter((r) => r.questionId === 'quality'));
    expect(view.programme.ratings.find((r) => r.questionId === 'quality')!.count).toBe(shown.reduce((n, r) => n + r.count, 0));
    expect(html).toContain('Withheld: fewer than 5 responses');
  });

  it('has a table alternative for every chart, headings in order and no script', () => {
    const charts = html.match(/<figure data-chart="[^"]+">/g) ?? [];
    const tables = html.match(/<figure data-chart="[^"]+"><figcaption[^>]*>[^<]*<\/figcaption><div class="chart-wrap"[^>]*><svg[\s\S]*?<\/svg><\/div><div class="table-wrap"/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(6);
    expect(tables).toHaveLength(charts.length);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@page { size: A4');
    // Staff names never reach the page.
    expect(html).not.toContain('Staff 1');
  });
});

describe('report page: the year by month and category', () => {
  it('a month-by-category table whose cells add up to each session’s attendances', () => {
    const input = sampleYear({ staff: 60 });
    const view = buildReportPage(input);
    const html = renderReportPage(view);
    const table = html.slice(html.indexOf('id="table-month-category"'));
    const firstRow = table.slice(table.indexOf('<tbody><tr>'), table.indexOf('</tr>', table.indexOf('<tbody><tr>')));
    const september = view.sessions.filter((s) => s.month === '2026-09');
    const numbers = [...firstRow.matchAll(/<td class="n">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    expect(firstRow).toContain('September 2026');
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(september.reduce((n, s) => n + input.participations.filter((p) => p.sessionId === s.sessionId).length, 0));
  });
});
