import type { AdaptiveCard } from './elements';

/** Keys whose string is shown to the person (never ids, urls, verbs, data or input values). */
const SHOWN_KEYS = new Set(['text', 'title', 'label', 'placeholder', 'errorMessage', 'fallbackText', 'speak', 'altText']);

/**
 * Teams reads `<…>` in card text as markup and drops it, so "report <session title>" showed as
 * "report ". Angle brackets become the look-alike ‹ › in everything shown, whoever wrote the text
 * (a command's placeholder or a session title typed by a lead).
 */
export function teamsVisibleText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

function visit(node: unknown, inFactSet: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => visit(n, inFactSet));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const isFactSet = 'type' in node && node.type === 'FactSet';
  for (const [key, value] of Object.entries(node)) {
    // Action data and input values go back to the bot as they are.
    if (key === 'data') out[key] = value;
    else if (typeof value === 'string' && (SHOWN_KEYS.has(key) || (inFactSet && key === 'value'))) out[key] = teamsVisibleText(value);
    else out[key] = visit(value, key === 'facts' && isFactSet);
  }
  return out;
}

/** The card with every shown string made safe for Teams. */
export function withTeamsVisibleText(card: AdaptiveCard): AdaptiveCard {
  return visit(card, false) as AdaptiveCard;
}
