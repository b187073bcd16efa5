import { chartFiguresText, countOfWhole, figures, NO_DATA, showValue, type ChartDefinition } from './chart-definition';

/**
 * A chart as a standalone SVG string: drawn on the server, so the report page needs no script
 * and the Slack PNG is this same picture rasterised. Colours keep 3:1 against white for marks
 * and 4.5:1 for text (WCAG AA); every value is also printed as a number, so colour is never the
 * only way to read a figure.
 */
export const CHART_COLOURS = ['#1f5f99', '#b34700', '#2e7d32', '#6a3d9a', '#8a6d00', '#ad1457'] as const;
const INK = '#1a1a1a';
const MUTED = '#4d4d4d';
const GRID = '#d0d0d0';
const FONT = "font-family=\"'DejaVu Sans', Arial, sans-serif\"";

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Leave the title out of the picture when the page prints it as a caption above. */
  drawTitle?: boolean;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (v: number) => String(Math.round(v * 10) / 10);

function label(x: number, y: number, text: string, extra = ''): string {
  return `<text x="${n(x)}" y="${n(y)}" ${extra}>${esc(text)}</text>`;
}

const show = showValue;

/** A round top for the value axis: 7 → 8, 23 → 25, 140 → 150. */
function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

function legend(chart: ChartDefinition, x: number, y: number): string {
  if (chart.series.length < 2) return '';
  let at = x;
  return chart.series
    .map((s, k) => {
      const part = `<rect x="${n(at)}" y="${n(y - 10)}" width="12" height="12" fill="${CHART_COLOURS[k % CHART_COLOURS.length]}"/>${label(at + 16, y, s.name, `fill="${INK}"`)}`;
      at += 28 + s.name.length * 7.5;
      return part;
    })
    .join('');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function bars(chart: ChartDefinition, w: number, h: number): string {
  const left = 48;
  const right = 16;
  const top = chart.series.length > 1 ? 64 : 44;
  const bottom = chart.xTitle ? 60 : 44;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const max = niceMax(Math.max(0, ...chart.series.flatMap((s) => figures(s.values))));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const band = plotW / Math.max(1, chart.labels.length);
  const barW = Math.min(48, (band * 0.7) / chart.series.length);
  const parts: string[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${n(y(tick))}" y2="${n(y(tick))}" stroke="${GRID}"/>`);
    parts.push(label(left - 6, y(tick) + 4, n(tick), `text-anchor="end" fill="${MUTED}"`));
  }
  const maxChars = Math.max(4, Math.floor(band / 7.5));
  chart.labels.forEach((name, i) => {
    const groupX = left + band * i + (band - barW * chart.series.length) / 2;
    chart.series.forEach((s, k) => {
      const v = s.values[i] ?? null;
      const x = groupX + k * barW;
      // No data: no bar, and the words where the bar would stand (not a 0).
      if (v === null) {
        parts.push(label(x + (barW - 2) / 2, top + plotH - 4, NO_DATA, `text-anchor="middle" fill="${MUTED}" font-size="11" font-style="italic"`));
        return;
      }
      parts.push(`<rect x="${n(x)}" y="${n(y(v))}" width="${n(barW - 2)}" height="${n(Math.max(0, top + plotH - y(v)))}" fill="${CHART_COLOURS[k % CHART_COLOURS.length]}"/>`);
      parts.push(label(x + (barW - 2) / 2, y(v) - 4, show(chart, v), `text-anchor="middle" fill="${INK}" font-size="12"`));
    });
    const cx = left + band * i + band / 2;
    const space = name.indexOf(' ');
    // A label too wide for its band goes on two lines ("Nov" over "2026") before it is clipped.
    if (name.length > maxChars && space > 0) {
      parts.push(label(cx, top + plotH + 16, clip(name.slice(0, space), maxChars), `text-anchor="middle" fill="${INK}"`));
      parts.push(label(cx, top + plotH + 31, clip(name.slice(space + 1), maxChars), `text-anchor="middle" fill="${INK}"`));
    } else parts.push(label(cx, top + plotH + 18, clip(name, maxChars), `text-anchor="middle" fill="${INK}"`));
  });
  if (chart.xTitle) parts.push(label(left + plotW / 2, h - 12, chart.xTitle, `text-anchor="middle" fill="${MUTED}"`));
  parts.push(legend(chart, left, 50));
  return parts.join('');
}

/** One row per label: the label, "n of whole" at the right, and the bar drawn against the whole. */
function countBars(chart: ChartDefinition, w: number): string {
  const left = 16;
  const right = 16;
  const parts: string[] = [];
  const plotW = w - left - right;
  const whole = Math.max(1, chart.outOf ?? 0, ...figures(chart.series[0]?.values ?? []));
  chart.labels.forEach((name, i) => {
    const rowY = 44 + i * 52;
    const v = chart.series[0]?.values[i] ?? 0;
    parts.push(label(left, rowY + 12, name, `fill="${INK}"`));
    parts.push(label(w - right, rowY + 12, countOfWhole(chart, i), `text-anchor="end" fill="${INK}" font-weight="bold"`));
    parts.push(`<rect x="${left}" y="${n(rowY + 18)}" width="${n(plotW)}" height="22" fill="none" stroke="${GRID}"/>`);
    if (v > 0) parts.push(`<rect x="${left}" y="${n(rowY + 18)}" width="${n((v / whole) * plotW)}" height="22" fill="${CHART_COLOURS[0]}"/>`);
  });
  return parts.join('');
}

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const p = (a: number) => `${n(cx + r * Math.sin(a))} ${n(cy - r * Math.cos(a))}`;
  const large = to - from > Math.PI ? 1 : 0;
  return `M ${p(from)} A ${r} ${r} 0 ${large} 1 ${p(to)}`;
}

function donut(chart: ChartDefinition, w: number, h: number): string {
  const values = (chart.series[0]?.values ?? []).map((v) => v ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  // r is the middle of the ring; the stroke reaches 1.225 r.
  const r = Math.min(h - 64, w / 2) / 2.5;
  const cx = 16 + r * 1.25;
  const cy = 48 + r * 1.25;
  const parts: string[] = [];
  let at = 0;
  values.forEach((v, i) => {
    if (v <= 0 || total === 0) return;
    // A full circle cannot be one arc: draw a single 100% slice as a ring.
    const sweep = Math.min((v / total) * 2 * Math.PI, 2 * Math.PI - 0.0001);
    parts.push(`<path d="${arc(cx, cy, r, at, at + sweep)}" fill="none" stroke="${CHART_COLOURS[i % CHART_COLOURS.length]}" stroke-width="${n(r * 0.45)}"/>`);
    at += sweep;
  });
  parts.push(label(cx, cy + 8, String(total), `text-anchor="middle" fill="${INK}" font-size="22" font-weight="bold"`));
  chart.labels.forEach((name, i) => {
    const y = 60 + i * 26;
    parts.push(`<rect x="${n(cx + r + 40)}" y="${y - 11}" width="14" height="14" fill="${CHART_COLOURS[i % CHART_COLOURS.length]}"/>`);
    parts.push(label(cx + r + 62, y, `${name}: ${show(chart, values[i] ?? 0)}`, `fill="${INK}"`));
  });
  return parts.join('');
}

function line(chart: ChartDefinition, w: number, h: number): string {
  const left = 48;
  // Room for half of the last month's label, which is centred on the last point.
  const right = 40;
  const top = chart.series.length > 1 ? 64 : 44;
  const bottom = 40;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const max = chart.unit === 'percent' ? 100 : niceMax(Math.max(0, ...chart.series.flatMap((s) => figures(s.values))));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const step = plotW / Math.max(1, chart.labels.length - 1);
  const x = (i: number) => left + (chart.labels.length === 1 ? plotW / 2 : step * i);
  const parts: string[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${n(y(tick))}" y2="${n(y(tick))}" stroke="${GRID}"/>`);
    parts.push(label(left - 6, y(tick) + 4, show(chart, Number(n(tick))), `text-anchor="end" fill="${MUTED}"`));
  }
  chart.series.forEach((s, k) => {
    const colour = CHART_COLOURS[k % CHART_COLOURS.length];
    // The line breaks where there is no data, rather than dipping to 0.
    const runs: string[][] = [[]];
    chart.labels.forEach((_, i) => {
      const v = s.values[i] ?? null;
      if (v === null) runs.push([]);
      else runs.at(-1)!.push(`${n(x(i))},${n(y(v))}`);
    });
    for (const run of runs) if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    chart.labels.forEach((_, i) => {
      const v = s.values[i] ?? null;
      if (v === null) {
        parts.push(label(x(i), top + plotH - 6 - k * 12, NO_DATA, `text-anchor="middle" fill="${MUTED}" font-size="11" font-style="italic"`));
        return;
      }
      parts.push(`<circle cx="${n(x(i))}" cy="${n(y(v))}" r="3.5" fill="${colour}"/>`);
      parts.push(label(x(i), y(v) - 7 - k * 12, show(chart, v), `text-anchor="middle" fill="${INK}" font-size="11"`));
    });
  });
  const every = Math.ceil(chart.labels.length / Math.max(1, Math.floor(plotW / 56)));
  chart.labels.forEach((name, i) => {
    if (i % every === 0) parts.push(label(x(i), top + plotH + 18, clip(name, 8), `text-anchor="middle" fill="${INK}"`));
  });
  parts.push(legend(chart, left, 50));
  return parts.join('');
}

function gauge(chart: ChartDefinition, w: number, h: number): string {
  const v = Math.max(0, Math.min(100, chart.series[0]?.values[0] ?? 0));
  const r = Math.min(w / 2 - 40, (h - 70) / 1.15);
  const cx = w / 2;
  const cy = h - 28;
  const start = -Math.PI / 2;
  const parts = [
    `<path d="${arc(cx, cy, r, start, Math.PI / 2)}" fill="none" stroke="${GRID}" stroke-width="${n(r * 0.3)}"/>`,
    v > 0 ? `<path d="${arc(cx, cy, r, start, start + (v / 100) * Math.PI)}" fill="none" stroke="${CHART_COLOURS[0]}" stroke-width="${n(r * 0.3)}"/>` : '',
    label(cx, cy - 4, `${v}%`, `text-anchor="middle" fill="${INK}" font-size="28" font-weight="bold"`),
    label(cx - r, cy + 20, '0%', `text-anchor="middle" fill="${MUTED}"`),
    label(cx + r, cy + 20, '100%', `text-anchor="middle" fill="${MUTED}"`),
  ];
  return parts.join('');
}

const DEFAULT_SIZE: Record<ChartDefinition['kind'], (c: ChartDefinition) => [number, number]> = {
  bar: () => [640, 300],
  line: () => [640, 300],
  donut: (c) => [520, Math.max(240, 80 + c.labels.length * 26)],
  gauge: () => [360, 220],
  'count-bar': (c) => [640, 56 + c.labels.length * 52],
};

/** The chart as SVG; `role="img"` with a title and the figures in words for screen readers. */
export function chartSvg(chart: ChartDefinition, options: SvgOptions = {}): string {
  const [dw, dh] = DEFAULT_SIZE[chart.kind](chart);
  const w = options.width ?? dw;
  const h = options.height ?? dh;
  const body =
    chart.kind === 'bar' ? bars(chart, w, h) : chart.kind === 'count-bar' ? countBars(chart, w) : chart.kind === 'donut' ? donut(chart, w, h) : chart.kind === 'line' ? line(chart, w, h) : gauge(chart, w, h);
  const id = `chart-${esc(chart.id)}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" class="chart chart-${chart.kind}" role="img" aria-labelledby="${id}-title ${id}-desc" ${FONT} font-size="13">` +
    `<title id="${id}-title">${esc(chart.title)}</title><desc id="${id}-desc">${esc(chartFiguresText(chart))}</desc>` +
    `<rect width="${w}" height="${h}" fill="#ffffff"/>` +
    (options.drawTitle === false ? '' : label(16, 26, chart.title, `fill="${INK}" font-size="16" font-weight="bold"`)) +
    body +
    `</svg>`
  );
}
