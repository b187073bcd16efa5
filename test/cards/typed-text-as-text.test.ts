import { renderAdaptiveCard } from '../../src/cards/adaptive/render-adaptive-card';
import { renderBlockKitMessage } from '../../src/cards/blockkit';
import { CARD_SAMPLES } from '../../src/dev/samples';
import type { CardView } from '../../src/cards/views';

/** What a requester, a colleague or a lead might type to plant a live link or formatting. */
const MD_LINK = '[Click here](https://evil.example/phish)';
const SLACK_LINK = '<https://evil.example/phish|Click here>';
const BARE = 'https://evil.example/bare';

type Json = Record<string, unknown>;

/** Every string a Teams client reads as markdown: TextBlock text and a fact's title and value. */
function teamsMarkdownStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => teamsMarkdownStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet') for (const f of (o.facts as Json[]) ?? []) out.push(String(f.title), String(f.value));
    for (const [k, v] of Object.entries(o)) if (k !== 'data') teamsMarkdownStrings(v, out);
  }
  return out;
}

/** Markdown links and emphasis that CommonMark would render: an opening bracket or star not escaped by a backslash. */
function liveTeamsMarkup(text: string): string[] {
  const found: string[] = [];
  const unescaped = (i: number) => {
    let slashes = 0;
    for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
    return slashes % 2 === 0;
  };
  for (const m of text.matchAll(/\[[^\]]*\]\(https?:\/\/evil\.example[^)]*\)/g)) if (unescaped(m.index) && unescaped(m.index + m[0].indexOf(']'))) found.push(m[0]);
  for (const m of text.matchAll(/\*\*Free\*\*/g)) if (unescaped(m.index) && unescaped(m.index + 1)) found.push(m[0]);
  return found;
}

/** Every mrkdwn text object in a Block Kit message. */
function slackMrkdwn(node: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(node)) node.forEach((n) => slackMrkdwn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.type === 'mrkdwn') out.push(o);
    for (const v of Object.values(o)) slackMrkdwn(v, out);
  }
  return out;
}

function expectShownAsText(view: CardView, planted: readonly string[]) {
  const card = renderAdaptiveCard(view);
  const teams = teamsMarkdownStrings(card);
  expect(teams.flatMap(liveTeamsMarkup)).toEqual([]);
  // Still there to read: with the escapes taken off, the person's words are what they typed.
  // (Teams shows angle brackets as the look-alikes ‹ ›: it would drop them as markup.)
  const readable = teams.map((t) => t.replace(/\\(.)/g, '$1').replace(/‹/g, '<').replace(/›/g, '>')).join('\n');
  for (const p of planted) expect(readable).toContain(p);

  const slack = slackMrkdwn(renderBlockKitMessage(view).blocks);
  const evil = slack.filter((m) => String(m.text).includes('evil.example'));
  expect(evil.length).toBeGreaterThan(0);
  // No <url|text> link, and no bare address turned into a link (verbatim: Slack does not auto-link).
  expect(evil.filter((m) => /<https?:\/\/evil/.test(String(m.text)))).toEqual([]);
  expect(evil.filter((m) => m.verbatim !== true).map((m) => m.text)).toEqual([]);
}

describe('text people type is shown as text, on both platforms', () => {
  it("a CPD request's intended impact of [Click here](https://evil.example/phish) is not a link in the approver's card", () => {
    const sample = CARD_SAMPLES['cpd-request'];
    const view: CardView = {
      ...sample,
      courseTitle: `**Free** course ${BARE}`,
      intendedImpact: `${MD_LINK} and ${SLACK_LINK}`,
      facts: [...sample.facts, { label: 'Link', value: BARE }],
      questions: [{ from: 'Alex Turner', text: `Why? ${MD_LINK}` }],
    };
    expect(view.audience).toBe('approver');
    expectShownAsText(view, [MD_LINK, SLACK_LINK, '**Free** course']);
  });

  it('a session title, place and a comment quoted in a report are text too', () => {
    const invitation = CARD_SAMPLES.invitation;
    expectShownAsText({ ...invitation, session: { ...invitation.session, title: `**Free** ${MD_LINK}`, place: `Room ${SLACK_LINK}` } } as CardView, [MD_LINK, SLACK_LINK]);
  });
});
