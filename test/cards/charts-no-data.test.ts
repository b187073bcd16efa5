import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { chartFiguresText } from '../../src/cards/charts/chart-definition';
import { chartFromToken, chartToken } from '../../src/cards/charts/chart-token';
import { chartSvg } from '../../src/cards/charts/chart-svg';
import { leadDigestTrendCharts } from '../../src/cards/charts/report-charts';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { LeadDigestView } from '../../src/cards/views';
import { loadReportPage } from '../../src/documents/load-report-page';
import { reportPageCharts } from '../../src/documents/report-page-charts';
import { renderReportPage } from '../../src/documents/report-page-html';
import { smallSchool } from '../support/app-world';
import { session } from '../support/fixtures';

/** Issue 24 item 14: a period with no data (no register, no sessions, still to come) was plotted as 0 %. */
describe('charts: no data is not zero', () => {
  it('report page: a month with no register shows "no data" (chart and table), and a future month is not plotted', async () => {
    // 24 November's session was held but no register was taken; January's is still to come.
    const w = await smallSchool('2027-01-20T10:00:00.000Z');
    await w.store.sessions.put(session('t1', 'ses-jan', { title: 'Still to come', startsAt: '2027-01-28T16:00:00.000Z', endsAt: '2027-01-28T17:00:00.000Z' }));
    const page = await loadReportPage(w.deps, 't1', w.clock.now());
    if (!page.ok) throw new Error(page.message);
    const rate = reportPageCharts(page.value).monthlyResponseRate!;
    expect(rate.labels).toEqual(['Nov 2026']);
    expect(rate.series[0]!.values).toEqual([null]);
    expect(chartFiguresText(rate)).toBe('Response rate by month: Nov 2026 no data');
    const html = renderReportPage(page.value);
    expect(html).not.toContain('Jan 2027');
    const figure = html.slice(html.indexOf('data-chart="response-rate-by-month"'), html.indexOf('</figure>', html.indexOf('data-chart="response-rate-by-month"')));
    expect(figure).toContain('no data');
    expect(figure).toContain('<td class="n">no data</td>');
    expect(figure).not.toContain('<circle');
  });

  it('lead digest trend: a week without sessions is a gap, in the picture, the Teams chart and the words', () => {
    const view: LeadDigestView = {
      ...(CARD_SAMPLES['lead-digest'] as LeadDigestView),
      weeks: [
        { label: '26 Oct', sessions: 1, attended: 8, responseRate: 0.25 },
        { label: '2 Nov', sessions: 1, attended: 10, responseRate: 0.5 },
        { label: '9 Nov', sessions: 0, attended: 0 },
        { label: '16 Nov', sessions: 2, attended: 20, responseRate: 0.75 },
        { label: '23 Nov', sessions: 1, attended: 12, responseRate: 1 },
      ],
    };
    const [attendance, rate] = leadDigestTrendCharts(view);
    expect(attendance!.series[0]!.values).toEqual([8, 10, null, 20, 12]);
    expect(rate!.series[0]!.values).toEqual([25, 50, null, 75, 100]);
    expect(chartFiguresText(rate!)).toBe('Response rate by week: 26 Oct 25%, 2 Nov 50%, 9 Nov no data, 16 Nov 75%, 23 Nov 100%');
    // The line breaks at the gap instead of dipping to 0%.
    const svg = chartSvg(rate!);
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg).toContain('no data');
    // Teams: the point is left out, not drawn at 0.
    const card = JSON.stringify(renderAdaptiveCard(view));
    expect(card).not.toContain('{"x":"9 Nov","y":0}');
    // A signed picture link carries the gap too.
    expect(chartFromToken(chartToken(rate!))?.series[0]?.values).toEqual([25, 50, null, 75, 100]);
  });
});
