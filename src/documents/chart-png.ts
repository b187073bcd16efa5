import { Resvg } from '@resvg/resvg-js';
import type { ChartDefinition } from '../cards/charts/chart-definition';
import { chartSvg } from '../cards/charts/chart-svg';

/**
 * The Slack picture of a chart: the page's SVG rasterised by resvg (a Rust binary shipped in an
 * npm platform package, no system libraries). The font comes from the dejavu-fonts-ttf package
 * rather than the host, so a slim container draws the same text as a laptop.
 */
const FONT_DIR = `${require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, '')}ttf/`;
const FONT_FILES = [`${FONT_DIR}DejaVuSans.ttf`, `${FONT_DIR}DejaVuSans-Bold.ttf`];

export function chartPng(chart: ChartDefinition): Buffer {
  const svg = chartSvg(chart);
  // At the SVG's own size (640 px wide): Slack shows an image block at most about 360 px wide,
  // and twice the pixels took twice the time (bench/charts.ts) for no visible gain there.
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 1 },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
