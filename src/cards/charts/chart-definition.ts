/**
 * One chart, as plain figures: the Teams chart element, the Slack PNG, the report page's SVG and
 * its table alternative are all drawn from this, so the three never disagree.
 */
export type ChartKind = 'bar' | 'count-bar' | 'donut' | 'line' | 'gauge';

export interface ChartSeries {
  name: string;
  /**
   * One value per label, in label order. null is "no data" (a month with no register, a week
   * with no sessions): drawn as a gap and said as "no data", never as 0.
   */
  values: (number | null)[];
}

export interface ChartDefinition {
  kind: ChartKind;
  /** Stable within a card, e.g. "ratings-q1"; used for image links and element ids. */
  id: string;
  title: string;
  /** Category labels: bars, count-bar rows, donut slices, line points. A gauge has one. */
  labels: string[];
  /** Bars, count-bars and donuts have one series; lines one per line, grouped bars one per group member. */
  series: ChartSeries[];
  /** 'percent' values are 0..100; the text shows "62%". */
  unit?: 'count' | 'percent';
  /**
   * A count-bar's whole (a team's size): each row is "n of outOf", drawn against that whole,
   * and the only figure shown is n, the count the row's label names.
   */
  outOf?: number;
  /** Axis captions, where a bar or line needs them. */
  xTitle?: string;
  yTitle?: string;
}

/** The figures in words: the alt text, the fallback text and the screen-reader caption all say this. */
export function chartFiguresText(chart: ChartDefinition): string {
  const show = (v: number | null) => showValue(chart, v);
  if (chart.kind === 'gauge') return `${chart.title}: ${show(chart.series[0]?.values[0] ?? 0)}`;
  if (chart.kind === 'count-bar') return `${chart.title}: ${chart.labels.map((label, i) => `${label} ${countOfWhole(chart, i)}`).join(', ')}`;
  if (chart.series.length === 1) {
    const values = chart.series[0]!.values;
    return `${chart.title}: ${chart.labels.map((label, i) => `${label} ${show(values[i] ?? null)}`).join(', ')}`;
  }
  const rows = chart.labels.map((label, i) => `${label}: ${chart.series.map((s) => `${s.name} ${show(s.values[i] ?? null)}`).join(', ')}`);
  return `${chart.title}. ${rows.join('; ')}`;
}

/** Percent (0..100, whole) of a 0..1 rate. */
export function percentOf(rate: number | undefined): number {
  return rate === undefined ? 0 : Math.round(rate * 100);
}

export const NO_DATA = 'no data';

/** A value as the text shows it: "62%", "7", or "no data". */
export function showValue(chart: ChartDefinition, v: number | null): string {
  if (v === null) return NO_DATA;
  return chart.unit === 'percent' ? `${v}%` : String(v);
}

/** The values that are figures, for scales and totals. */
export function figures(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** A count-bar row's figure: "3 of 5". */
export function countOfWhole(chart: ChartDefinition, i: number): string {
  return `${chart.series[0]?.values[i] ?? 0} of ${chart.outOf ?? 0}`;
}
