import { z } from 'zod';
import type { ChartDefinition } from './chart-definition';

/**
 * A chart's figures carried in its own (signed) image link, so serving the Slack picture needs
 * no store read and shows exactly what the message said when it was sent. Figures only: chart
 * builders put no person's name in a chart. Bounded so a link stays under Slack's 3,000
 * characters for an image URL and a forged-but-signed token cannot ask for a huge picture.
 */
const text = z.string().max(80);
const chartSchema = z.object({
  kind: z.enum(['bar', 'count-bar', 'donut', 'line', 'gauge']),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: text,
  labels: z.array(text).min(1).max(24),
  series: z.array(z.object({ name: text, values: z.array(z.number().finite().min(0).max(1e7).nullable()).max(24) })).min(1).max(6),
  unit: z.enum(['count', 'percent']).optional(),
  outOf: z.number().int().min(0).max(1e7).optional(),
  xTitle: text.optional(),
  yTitle: text.optional(),
});

export function chartToken(chart: ChartDefinition): string {
  return Buffer.from(JSON.stringify(chart)).toString('base64url');
}

/** The chart a token names, or undefined for anything that is not one. */
export function chartFromToken(token: string): ChartDefinition | undefined {
  if (token.length > 2400 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const parsed = chartSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? (parsed.data as ChartDefinition) : undefined;
  } catch {
    // Not JSON: the same answer as any other bad link.
    return undefined;
  }
}
