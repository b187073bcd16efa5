import { showValue, type ChartDefinition } from '../cards/charts/chart-definition';
import { chartSvg } from '../cards/charts/chart-svg';
import { escapeHtml as h } from './html-escape';
import type { ReportPageSession, ReportPageView } from './report-page';
import { reportPageCharts } from './report-page-charts';
import { withheldText } from '../app/reports';
import { formatPence } from '../domain/money';

/**
 * The report page as one self-contained HTML document: charts are inline SVG drawn on the
 * server (no script, so it works with JavaScript off and under a CSP that allows none), each
 * followed by a table with the same figures. One stylesheet serves a phone, a projector and A4.
 */
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a; background: #ffffff; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1f5f99; padding-bottom: 0.2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.25rem; }
p.meta, .note { color: #4d4d4d; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; margin: 1rem 0; }
dl.summary div { border: 1px solid #c8c8c8; border-radius: 6px; padding: 0.5rem 0.75rem; }
dl.summary dt { font-size: 0.85rem; color: #4d4d4d; }
dl.summary dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; max-width: 40rem; display: block; }
/* On a phone a chart keeps its drawn size (labels stay 11 px or more) and scrolls sideways in its own
   labelled region, as wide tables do; the hint above says so. */
.scroll-hint { display: none; color: #4d4d4d; font-style: italic; }
.chart-wrap:focus { outline: 3px solid #1f5f99; outline-offset: 2px; }
figure svg.chart-gauge { max-width: 20rem; }
figure svg.chart-donut { max-width: 30rem; }
/* Wide tables keep readable columns and scroll sideways in their own region on a phone. */
table.sessions { min-width: 46rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(18rem, 100%), 1fr)); gap: 0 1.5rem; }
.charts > figure { min-width: 0; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
.table-wrap:focus { outline: 3px solid #1f5f99; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eef3f8; }
.withheld { color: #4d4d4d; font-style: italic; }
blockquote { margin: 0.25rem 0 0.25rem 1rem; color: #333333; }
@media (max-width: 40rem) {
  main { padding: 0.75rem; } h1 { font-size: 1.35rem; } dl.summary dd { font-size: 1.2rem; }
  .scroll-hint { display: block; }
  .chart-wrap { overflow-x: auto; }
  figure .chart-wrap svg, figure .chart-wrap svg.chart-gauge, figure .chart-wrap svg.chart-donut { width: auto; max-width: none; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, table, dl.summary, .theme { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap, .chart-wrap { overflow: visible; }
  .scroll-hint { display: none; }
  figure svg { max-width: 16cm; }
  a { color: inherit; text-decoration: none; }
}`;

/** Said once near the top, and named by every region that scrolls sideways on a narrow screen. */
const SCROLL_HINT_ID = 'scroll-hint';
const SCROLL_HINT = `<p id="${SCROLL_HINT_ID}" class="scroll-hint">On a narrow screen, charts and wide tables scroll sideways in their own boxes: swipe them, or use the arrow keys after tabbing to one.</p>`;

function tableWrap(id: string, caption: string, head: string[], rows: string[][], numeric: (i: number) => boolean, tableClass = ''): string {
  const th = head.map((c, i) => `<th scope="col"${numeric(i) ? ' class="n"' : ''}>${h(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${numeric(i) ? ' class="n"' : ''}>${c}</td>`)).join('')}</tr>`).join('');
  // Focusable and labelled so a keyboard user can scroll a wide table on a phone.
  return `<div class="table-wrap" role="region" aria-labelledby="${id}" aria-describedby="${SCROLL_HINT_ID}" tabindex="0"><table${tableClass ? ` class="${tableClass}"` : ''}><caption id="${id}">${h(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The table alternative of a chart: the same labels and figures, one row per label. */
function chartTable(chart: ChartDefinition): string {
  const show = (v: number | null) => showValue(chart, v);
  if (chart.kind === 'gauge') {
    return tableWrap(`table-${chart.id}`, `${chart.title} (table)`, ['Measure', 'Value'], [[h(chart.title), show(chart.series[0]?.values[0] ?? 0)]], (i) => i > 0);
  }
  const head = [chart.xTitle ?? '', ...chart.series.map((s) => s.name)];
  const rows = chart.labels.map((label, i) => [h(label), ...chart.series.map((s) => show(s.values[i] ?? null))]);
  return tableWrap(`table-${chart.id}`, `${chart.title} (table)`, head, rows, (i) => i > 0);
}

function figure(chart: ChartDefinition | undefined): string {
  if (!chart) return '';
  // The SVG's own title and description name it for screen readers; the table under it is the
  // alternative for everyone (and what a governors' pack prints legibly).
  const caption = `figcaption-${h(chart.id)}`;
  return `<figure data-chart="${h(chart.id)}"><figcaption id="${caption}">${h(chart.title)}</figcaption><div class="chart-wrap" role="region" aria-labelledby="${caption}" aria-describedby="${SCROLL_HINT_ID}" tabindex="0">${chartSvg(chart, { drawTitle: false })}</div>${chartTable(chart)}</figure>`;
}

const pct = (rate: number | undefined) => (rate === undefined ? '–' : `${Math.round(rate * 100)}%`);

function sessionRatings(s: ReportPageSession, minimum: number): string {
  if (s.report.withheld) return `<span class="withheld">Withheld: ${h(withheldText(minimum))}</span>`;
  if (s.report.ratings.length === 0) return '–';
  return s.report.ratings.map((r) => `${h(r.prompt)}: ${r.mean !== undefined ? r.mean.toFixed(1) : '–'} (${r.count})`).join('<br>');
}

function sessionsTable(view: ReportPageView): string {
  const rows = view.sessions.map((s) => [
    `${h(s.title)}<br><span class="note">${h(s.dateText)}</span>`,
    h(s.category),
    String(s.report.attended),
    String(s.report.responses),
    pct(s.report.responseRate),
    sessionRatings(s, view.minimum),
    s.report.withheld ? '<span class="withheld">withheld</span>' : String(s.report.furtherCpdRequests),
  ]);
  return tableWrap('table-sessions', `Every session held this year (${view.sessions.length})`, ['Session', 'Category', 'Attended', 'Responses', 'Response rate', 'Ratings (mean of 1–5, answers)', 'Want more CPD'], rows, (i) => i >= 2 && i <= 4, 'sessions');
}

/** The year by provider (issue 26 item 7): reactions, impact reported, and cost per attendee and per impact report. */
function providersSection(view: ReportPageView): string {
  const report = view.providers;
  if (!report) return '';
  const money = (pence: number | undefined) => (pence === undefined ? '–' : formatPence(pence));
  const rows = report.rows.map((r) => [
    `${h(r.provider)}<br><span class="note">${h(r.kindText)}</span>`,
    String(r.sessions),
    String(r.attended),
    r.withheld !== undefined
      ? `<span class="withheld">Withheld: ${h(r.withheld)}</span>`
      : (r.ratings ?? []).map((x) => `${h(x.prompt)}: ${x.mean !== undefined ? x.mean.toFixed(1) : '–'} (${x.count})`).join('<br>') || '–',
    String(r.impactReports),
    `${money(r.costPence)}${r.uncostedHours !== undefined ? `<br><span class="note">${r.uncostedHours} facilitator hours not costed</span>` : ''}`,
    money(r.costPerAttendeePence),
    money(r.costPerImpactPence),
  ]);
  const table = rows.length
    ? tableWrap('table-providers', `Providers this year (${rows.length})`, ['Provider', 'Sessions', 'Attended', 'Ratings (mean of 1–5, answers)', 'Impact reports', 'Cost', 'Per attendee', 'Per impact report'], rows, (i) => i === 1 || i === 2 || i >= 4, 'sessions')
    : '<p>No sessions held yet this year.</p>';
  return `<section aria-labelledby="h-providers"><h2 id="h-providers">Providers and value for money</h2>${table}${report.notes.map((n) => `<p class="note">${h(n)}</p>`).join('')}</section>`;
}

/** Attendances by month (rows) and category (columns): the year "by month and category" in one table. */
function monthByCategory(view: ReportPageView): string {
  if (view.sessions.length === 0) return '';
  const categories = view.programme.byCategory.map((c) => c.category);
  const cells = new Map<string, number>();
  for (const s of view.sessions) cells.set(`${s.month}|${s.category}`, (cells.get(`${s.month}|${s.category}`) ?? 0) + s.report.attended);
  const rows = view.programme.months.map((m) => [h(m.label), ...categories.map((c) => String(cells.get(`${m.month}|${c}`) ?? 0))]);
  return tableWrap('table-month-category', 'Attendances by month and category', ['Month', ...categories], rows, (i) => i > 0);
}

function themes(view: ReportPageView): string {
  const said = view.commentThemes.map(
    (t) => `<div class="theme"><h3>${h(t.theme)} <span class="note">(${t.count})</span></h3>${t.examples.map((e) => `<blockquote>“${h(e)}”</blockquote>`).join('')}</div>`,
  );
  const barriers = view.programme.recurringBarriers.map((b) => `<li>${h(b.theme)} (${b.count})</li>`);
  return [
    said.length > 0 ? said.join('') : '<p>No comment themes yet.</p>',
    `<h3>Barriers named in gap-task reports</h3>`,
    barriers.length > 0 ? `<ul>${barriers.join('')}</ul>` : '<p>No barrier was named by three or more people.</p>',
  ].join('');
}

export function renderReportPage(view: ReportPageView): string {
  const charts = reportPageCharts(view);
  const t = view.programme.totals;
  const g = view.programme.gapTasks;
  const summary = [
    ['Sessions held', String(t.sessions)],
    ['Cancelled', String(t.cancelled)],
    ['Attendances', String(t.attended)],
    ['Responses', String(t.responses)],
    ['Response rate', pct(t.responseRate)],
    ['Gap tasks completed', `${g.reported} of ${g.total}`],
    ['Want more CPD', String(view.furtherCpdRequests)],
  ]
    .map(([k, v]) => `<div><dt>${h(k!)}</dt><dd>${h(v!)}</dd></div>`)
    .join('');
  const ratingsHeld = view.programme.ratings.filter((r) => r.count < view.minimum);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>CPD programme report: ${h(view.schoolName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>CPD programme report: ${h(view.schoolName)}</h1>
<p class="meta">${h(view.periodText)} · as of ${h(view.generatedText)}</p>
<dl class="summary">${summary}</dl>
<p class="note">Figures from fewer than ${view.minimum} anonymous answers are withheld, as they are in chat. No participant is named on this page; an in-house provider is named by its facilitators.</p>
${SCROLL_HINT}
<section aria-labelledby="h-months"><h2 id="h-months">The year by month</h2>
<div class="charts">${figure(charts.months)}${figure(charts.monthlyResponseRate)}</div>${charts.months ? '' : '<p>No sessions held yet this year.</p>'}</section>
<section aria-labelledby="h-categories"><h2 id="h-categories">By category</h2>${figure(charts.categories) || '<p>No sessions held yet this year.</p>'}${monthByCategory(view)}</section>
<section aria-labelledby="h-ratings"><h2 id="h-ratings">Ratings across the year</h2>
<div class="charts">${charts.ratings.map(figure).join('')}</div>${ratingsHeld.map((r) => `<p class="withheld">${h(r.prompt)}: withheld (${h(withheldText(view.minimum))}).</p>`).join('')}${charts.ratings.length + ratingsHeld.length === 0 ? '<p>No ratings yet.</p>' : ''}</section>
<section aria-labelledby="h-sessions"><h2 id="h-sessions">Sessions: ratings and response rates</h2>${sessionsTable(view)}</section>
<section aria-labelledby="h-gap"><h2 id="h-gap">Gap tasks</h2>
<div class="charts">${figure(charts.gapTasks)}${figure(charts.completion)}</div>${charts.gapTasks ? `<p>${g.overdue} overdue.</p>` : '<p>No gap tasks yet this year.</p>'}</section>
${providersSection(view)}
<section aria-labelledby="h-further"><h2 id="h-further">Further CPD asked for</h2><p>${view.furtherCpdRequests} ${view.furtherCpdRequests === 1 ? 'answer' : 'answers'} asked for further CPD on the topic of a session; the sessions table shows where.</p></section>
<section aria-labelledby="h-said"><h2 id="h-said">What people said</h2>${themes(view)}</section>
</main>
</body>
</html>
`;
}
