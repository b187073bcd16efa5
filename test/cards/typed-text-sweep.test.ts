import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../src/cards/blockkit';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { CardView } from '../../src/cards/views';

const LINK = '[Click here](https://evil.example/phish)';
const SLACK = '<https://evil.example/x|Open>';
/** Keys whose strings people type (titles, names, places, answers, comments), wherever they sit in a view. */
const TYPED_KEYS = new Set(['title', 'sessionTitle', 'courseTitle', 'intendedImpact', 'description', 'intent', 'place', 'name', 'requesterName', 'facilitatorText', 'reportText', 'longTerm', 'from', 'examples', 'quotes', 'comments', 'barriers', 'themeText', 'prompt']);

function plant(node: unknown, key = ''): unknown {
  if (typeof node === 'string') return TYPED_KEYS.has(key) ? `${node} ${LINK} ${SLACK}` : node;
  if (Array.isArray(node)) return node.map((n) => plant(n, key));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, plant(v, k)]));
  return node;
}

function collect(node: unknown, pick: (o: Record<string, unknown>) => string[], out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collect(n, pick, out));
  else if (node && typeof node === 'object') {
    out.push(...pick(node as Record<string, unknown>));
    for (const [k, v] of Object.entries(node)) if (k !== 'data') collect(v, pick, out);
  }
  return out;
}

const teamsMarkdown = (o: Record<string, unknown>) =>
  o.type === 'TextBlock' ? [String(o.text)] : o.type === 'FactSet' ? (o.facts as Record<string, unknown>[]).flatMap((f) => [String(f.title), String(f.value)]) : [];
const slackMrkdwn = (o: Record<string, unknown>) => (o.type === 'mrkdwn' ? [JSON.stringify(o)] : []);

describe('every card kind: typed text planted in every typed field is shown as text on both platforms', () => {
  it.each(Object.entries(CARD_SAMPLES))('%s', (_kind, sample) => {
    const view = plant(sample) as CardView;
    const teams = collect(renderAdaptiveCard(view), teamsMarkdown);
    expect(teams.filter((t) => /(^|[^\\])\[Click here(\\)?\]\(https:\/\/evil/.test(t) && !/\\\[Click here\\\]/.test(t))).toEqual([]);
    const slack = collect(renderBlockKitMessage(view).blocks, slackMrkdwn);
    expect(slack.filter((m) => m.includes('evil.example') && (/<https:\/\/evil/.test(m) || !m.includes('"verbatim":true')))).toEqual([]);
  });
});
