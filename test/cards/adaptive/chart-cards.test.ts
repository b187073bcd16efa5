import { renderAdaptiveCard } from '../../../src/cards/adaptive/render-adaptive-card';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from '../../../src/dev/samples';
import type { LeadDigestView, ManagerDigestView } from '../../../src/cards/views';
import { adaptiveCardProblems, chartsWithoutFallback } from './validate-adaptive-card';

/* eslint-disable @typescript-eslint/no-require-imports */
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; toJSON(ctx?: unknown): unknown };
  SerializationContext: new (version: unknown) => unknown;
  Version: new (major: number, minor: number) => unknown;
};

type Json = Record<string, unknown>;
function walk(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
}
const charts = (card: unknown) => walk(card).filter((n) => typeof n.type === 'string' && n.type.startsWith('Chart.'));

/** What a client without chart support keeps: the SDK's own parse, written back out. */
function asOlderClientSees(card: unknown): string {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(new AC.Version(1, 5));
  parsed.parse(card, ctx);
  return JSON.stringify(parsed.toJSON(ctx));
}

describe('chart elements in Teams cards', () => {
  it('session report: one vertical bar per rating with its 1..5 counts, and a response-rate gauge', () => {
    const view = CARD_SAMPLES['lead-report'];
    const card = renderAdaptiveCard(view);
    const bars = charts(card).filter((c) => c.type === 'Chart.VerticalBar');
    expect(bars.map((b) => b.title)).toEqual(['Quality of the session', 'Impact on practice']);
    expect(bars[0]!.data).toEqual([
      { x: '1', y: 0 },
      { x: '2', y: 1 },
      { x: '3', y: 2 },
      { x: '4', y: 7 },
      { x: '5', y: 11 },
    ]);
    const gauge = charts(card).find((c) => c.type === 'Chart.Gauge')!;
    expect(gauge).toMatchObject({ min: 0, max: 100, value: 75, valueFormat: 'Percentage', fallback: 'drop' });
  });

  it('session report: a client without charts shows today’s rating line instead of the bars', () => {
    const seen = asOlderClientSees(renderAdaptiveCard(CARD_SAMPLES['lead-report']));
    expect(seen).not.toContain('Chart.');
    expect(seen).toContain('1: 0  2: 1  3: 2  4: 7  5: 11');
    expect(seen).toContain('1: 0  2: 2  3: 4  4: 8  5: 7');
    expect(seen).toContain('21 (75%)');
  });

  it('programme digest: attendance and responses per held session, the week’s rate, gap tasks by status', () => {
    const view = CARD_SAMPLES['lead-digest'] as LeadDigestView;
    const card = renderAdaptiveCard(view);
    const grouped = charts(card).find((c) => c.type === 'Chart.VerticalBar.Grouped')!;
    expect(grouped.data).toEqual([
      { legend: 'Attended', values: view.held.map((s) => ({ x: s.title.length > 24 ? `${s.title.slice(0, 23)}…` : s.title, y: s.attended })) },
      { legend: 'Responses', values: view.held.map((s) => ({ x: s.title.length > 24 ? `${s.title.slice(0, 23)}…` : s.title, y: s.responses })) },
    ]);
    // Only sessions with a register count towards the rate: 4 answers from 14 attendees.
    expect(charts(card).find((c) => c.type === 'Chart.Gauge')!.value).toBe(29);
    const donut = charts(card).find((c) => c.type === 'Chart.Donut')!;
    expect(donut.data).toEqual([
      { legend: 'Overdue: 4', value: 4, color: 'categoricalBlue' },
      { legend: 'Due in 7 days: 11', value: 11, color: 'categoricalMarigold' },
      { legend: 'Due later: 22', value: 22, color: 'categoricalGreen' },
      { legend: 'Reported this week: 9', value: 9, color: 'categoricalPurple' },
    ]);
  });

  it('programme digest in a quiet week has no empty charts', () => {
    const quiet: LeadDigestView = { ...(CARD_SAMPLES['lead-digest'] as LeadDigestView), held: [], gapTasks: { open: 0, awaitingPlan: 0, dueSoon: 0, overdue: 0, reportedThisWeek: 0 } };
    expect(charts(renderAdaptiveCard(quiet))).toEqual([]);
  });

  it('manager digest: team participation as counts of people, no names in the chart', () => {
    const view = CARD_SAMPLES['manager-digest'] as ManagerDigestView;
    const chart = charts(renderAdaptiveCard(view)).find((c) => c.type === 'Chart.HorizontalBar')!;
    const n = view.reports.length;
    const attended = view.reports.filter((r) => r.attendedThisWeek.length > 0).length;
    expect(chart.title).toBe(`How many of your team of ${n}`);
    expect((chart.data as { x: string; y: number }[])[0]).toEqual({ x: 'Attended a session this week', y: attended });
    const text = JSON.stringify(chart);
    for (const r of view.reports) expect(text).not.toContain(r.name);
  });

  it('every chart in every digest and report card carries a fallback, and the rest validates', () => {
    for (const kind of ['lead-report', 'lead-digest', 'manager-digest'] as const) {
      const card = renderAdaptiveCard(CARD_SAMPLES[kind]);
      expect(charts(card).length).toBeGreaterThan(0);
      expect(chartsWithoutFallback(card)).toEqual([]);
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
  });

  it('the validator reports a chart with no fallback', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Chart.Donut', data: [{ legend: 'a', value: 1 }] }] };
    expect(adaptiveCardProblems(card)).toEqual(['chart: Chart.Donut has no fallback']);
  });

  it('the report and digest carry a "View full report" button when a link is given', () => {
    const url = 'https://twilight.example.org/links/report/t/s?expires=1&sig=x';
    for (const view of [{ ...CARD_SAMPLES['lead-report'], fullReportUrl: url }, { ...CARD_SAMPLES['lead-digest'], fullReportUrl: url }]) {
      const open = walk(renderAdaptiveCard(view)).find((n) => n.type === 'Action.OpenUrl');
      expect(open).toEqual({ type: 'Action.OpenUrl', title: 'View full report', url });
    }
  });
});

describe('programme digest with the weekly trend', () => {
  const view = CARD_STATE_SAMPLES['lead-digest-with-weeks'] as LeadDigestView;
  const card = renderAdaptiveCard(view);

  it('attendance by week as bars and the response rate by week as a line, this week last', () => {
    const bars = charts(card).find((c) => c.type === 'Chart.VerticalBar')!;
    // Half-term weeks (no sessions) are left out, not drawn as 0 (issue 24 item 14).
    expect(bars.data).toEqual(view.weeks!.filter((w) => w.sessions > 0).map((w) => ({ x: w.label, y: w.attended })));
    const line = charts(card).find((c) => c.type === 'Chart.Line')!;
    const rates = [71, null, null, 62, 55, 29];
    expect(line.data).toEqual([{ legend: 'Response rate', values: rates.flatMap((y, i) => (y === null ? [] : [{ x: view.weeks![i]!.label, y }])) }]);
    // The trend replaces this week's per-session chart; gap tasks stay.
    expect(charts(card).map((c) => c.type)).toEqual(['Chart.VerticalBar', 'Chart.Line', 'Chart.Donut']);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
