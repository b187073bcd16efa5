import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { LeadDigestView } from '../../src/cards/views';

type Json = Record<string, unknown>;
const walk = (node: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
};
const donutOf = (view: LeadDigestView) => walk(renderAdaptiveCard(view)).find((n) => n.type === 'Chart.Donut')!;

/** Issue 24 item 20: the programme digest's donut in Teams had no counts, near-identical purples and a legend entry behind "+1 item". */
describe('the programme digest donut in Teams', () => {
  const view = CARD_SAMPLES['lead-digest'] as LeadDigestView;

  it('names each slice with its count, in a colour of its own from Microsoft’s named chart colours', () => {
    const data = donutOf(view).data as { legend: string; value: number; color?: string }[];
    expect(data.map((d) => d.legend)).toEqual(['Overdue: 4', 'Due in 7 days: 11', 'Due later: 22', 'Reported this week: 9']);
    expect(data.map((d) => d.value)).toEqual([4, 11, 22, 9]);
    const colours = data.map((d) => d.color);
    expect(colours.every((c) => typeof c === 'string' && /^categorical[A-Z]/.test(c))).toBe(true);
    expect(new Set(colours).size).toBe(data.length);
    expect(colours.filter((c) => /Purple|Lavender/.test(c!)).length).toBeLessThanOrEqual(1);
  });

  it('leaves empty slices out, so the legend has only what is there to read', () => {
    const quiet: LeadDigestView = { ...view, gapTasks: { ...view.gapTasks, overdue: 0, reportedThisWeek: 0 } };
    const data = donutOf(quiet).data as { legend: string }[];
    expect(data.map((d) => d.legend.replace(/: \d+$/, ''))).toEqual(['Due in 7 days', 'Due later']);
  });
});
