import { chartFiguresText, type ChartDefinition } from '../cards/charts/chart-definition';
import { chartSvg } from '../cards/charts/chart-svg';
import { chartToken } from '../cards/charts/chart-token';
import { chartsOf } from '../cards/charts/report-charts';
import { chartElement } from '../cards/adaptive/chart-element';
import { CARD_SAMPLES, CARD_STATE_SAMPLES } from './samples';
import type { LeadDigestView } from '../cards/views/lead-digest';
import type { LeadReportView } from '../cards/views/lead-report';
import type { ManagerDigestView } from '../cards/views/manager-digest';
import { escapeHtml as h } from '../documents/html-escape';

/** Where /dev serves a chart's PNG (unsigned: /dev answers this machine only). */
export const DEV_CHART_PATH = '/dev/charts';
export const DEV_REPORT_PAGE_PATH = '/dev/report-page';

const CHART_CARDS: { key: string; name: string; view: LeadReportView | LeadDigestView | ManagerDigestView }[] = [
  { key: 'lead-report', name: 'Session report (report <session>)', view: CARD_SAMPLES['lead-report'] as LeadReportView },
  { key: 'lead-digest-weeks', name: 'Programme digest (programme), with the weekly trend', view: CARD_STATE_SAMPLES['lead-digest-with-weeks'] as LeadDigestView },
  { key: 'lead-digest', name: 'Programme digest without the weeks (this week’s sessions)', view: CARD_SAMPLES['lead-digest'] as LeadDigestView },
  { key: 'manager-digest', name: 'Manager digest', view: CARD_SAMPLES['manager-digest'] as ManagerDigestView },
];

function chartPreview(chart: ChartDefinition): string {
  const alt = chartFiguresText(chart);
  return `<figure class="chart-preview" data-chart="${h(chart.id)}">
      <figcaption><strong>${h(chart.title)}</strong> · Teams element <code>${h(chartElement(chart, 'drop').type)}</code></figcaption>
      <div class="chart-svg">${chartSvg(chart)}</div>
      <p>Slack image block (PNG, alt text: “${h(alt)}”)</p>
      <img src="${DEV_CHART_PATH}/${chartToken(chart)}.png" alt="${h(alt)}" width="320" loading="lazy">
    </figure>`;
}

/** The /dev section showing every chart card's charts as Teams, Slack and the report page draw them. */
export function renderChartPreviews(): string {
  const cards = CHART_CARDS.map(
    ({ key, name, view }) => `<article class="chart-card" data-chart-card="${h(key)}"><h3>${h(name)}</h3>${chartsOf(view).map(chartPreview).join('')}</article>`,
  ).join('');
  return `<section class="charts" id="charts" aria-labelledby="charts-title">
    <h2 id="charts-title">Charts</h2>
    <p>Each chart card's charts: the SVG the report page draws, the PNG Slack shows, and the Teams chart element
       (the cards below show its fallback, as the adaptivecards renderer does not draw charts).
       <a href="${DEV_REPORT_PAGE_PATH}">The report page with sample data</a>.</p>
    ${cards}
  </section>`;
}
