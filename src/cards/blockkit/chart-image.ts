import { chartFiguresText, type ChartDefinition } from '../charts/chart-definition';
import type { KnownBlock } from '@slack/types';
import { SLACK_LIMITS } from './limits';

/**
 * Block Kit has no chart element: a chart is a PNG the bot serves under a signed link. The
 * alt text states the figures, so a screen reader (or a client that does not load images)
 * still gets them. No link (links are off) means no picture: the text blocks carry the figures.
 */
export function chartImage(chart: ChartDefinition | undefined, images: Record<string, string> | undefined): KnownBlock | undefined {
  const url = chart && images?.[chart.id];
  if (!chart || !url || url.length > SLACK_LIMITS.imageUrl) return undefined;
  return {
    type: 'image',
    block_id: `chart-${chart.id}`,
    image_url: url,
    alt_text: chartFiguresText(chart).slice(0, SLACK_LIMITS.imageAltText),
    title: { type: 'plain_text', text: chart.title.slice(0, 200) },
  };
}
