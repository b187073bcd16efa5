import { showValue, type ChartDefinition } from '../charts/chart-definition';

/**
 * Microsoft's named chart colours, one per slice in the order of the SVG's CHART_COLOURS (blue,
 * orange, green, purple, yellow, red): Teams' own default set gave near-identical purples.
 */
const SLICE_COLOURS = ['categoricalBlue', 'categoricalMarigold', 'categoricalGreen', 'categoricalPurple', 'categoricalLime', 'categoricalRed'] as const;
import type { AdaptiveElement } from './elements';
import type { ChartAxes, ChartElement } from './schema';

/**
 * A chart as a Teams Adaptive Card chart element (Microsoft's "Charts in Adaptive Cards").
 * Teams draws these; other hosts and the `adaptivecards` renderer do not know the types and
 * show the fallback instead: the card's own text with the same figures, or nothing when the
 * figures are already printed beside the chart ('drop').
 */
export function chartElement(chart: ChartDefinition, fallback: AdaptiveElement | 'drop'): ChartElement {
  const base = { id: `chart-${chart.id}`, title: chart.title, fallback };
  const value = (series: number, i: number) => chart.series[series]?.values[i] ?? 0;
  // "No data" is left out of Teams' chart (a gap), never drawn as 0.
  const points = (s: ChartDefinition['series'][number]) => chart.labels.flatMap((x, i) => (typeof s.values[i] === 'number' ? [{ x, y: s.values[i] }] : []));
  switch (chart.kind) {
    case 'bar':
      if (chart.series.length === 1) {
        return {
          type: 'Chart.VerticalBar',
          ...base,
          ...axes(chart),
          showBarValues: true,
          data: chart.series[0] ? points(chart.series[0]) : [],
        };
      }
      return {
        type: 'Chart.VerticalBar.Grouped',
        ...base,
        ...axes(chart),
        showBarValues: true,
        data: chart.series.map((s) => ({ legend: s.name, values: points(s) })),
      };
    case 'count-bar':
      // One bar per row whose printed value is the count its label names; a stacked bar would print the whole.
      return { type: 'Chart.HorizontalBar', ...base, displayMode: 'AbsoluteWithAxis', data: chart.series[0] ? points(chart.series[0]) : [] };
    case 'donut':
      // Each slice says its count in the legend and keeps its own colour; an empty slice is left out,
      // so the legend holds only what is there (Teams hid a fourth entry behind "+1 item").
      return {
        type: 'Chart.Donut',
        ...base,
        data: chart.labels.flatMap((legend, i) => (value(0, i) > 0 ? [{ legend: `${legend}: ${showValue(chart, value(0, i))}`, value: value(0, i), color: SLICE_COLOURS[i % SLICE_COLOURS.length] }] : [])),
      };
    case 'line':
      return {
        type: 'Chart.Line',
        ...base,
        ...axes(chart),
        data: chart.series.map((s) => ({ legend: s.name, values: points(s) })),
      };
    case 'gauge': {
      const shown = value(0, 0);
      return {
        type: 'Chart.Gauge',
        ...base,
        min: 0,
        max: 100,
        value: shown,
        valueFormat: 'Percentage',
        segments: [
          // Named colours from Microsoft's chart schema: the part done, the rest in grey.
          { legend: chart.labels[0] ?? 'Yes', size: shown, color: 'good' },
          { legend: 'Not yet', size: 100 - shown, color: 'neutral' },
        ],
      };
    }
  }
}

function axes(chart: ChartDefinition): ChartAxes {
  return { ...(chart.xTitle ? { xAxisTitle: chart.xTitle } : {}), ...(chart.yTitle ? { yAxisTitle: chart.yTitle } : {}) };
}
