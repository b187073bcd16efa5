import { type Notice } from '../views/common';
import { CARD_ACTION_TARGETS, type CardAction, type CardVerb } from '../actions';
import type { ActionExecute, ActionOpenUrl, ActionSet, AdaptiveAction, Colour, Container, ContainerStyle, FactSet, TextBlock } from './schema';

export type { AdaptiveAction, AdaptiveCard, AdaptiveElement } from './schema';

/**
 * Small builders for Adaptive Card 1.5 elements, so each card file reads as a layout rather than
 * JSON. Everything wraps: most staff read these on a phone.
 */

/** What a caller may set on a TextBlock besides its text. */
export type TextOptions = Partial<Omit<TextBlock, 'type' | 'text'>>;

/**
 * Plain text made safe for the markdown Teams reads in TextBlocks and facts: links, emphasis, code
 * and list markers are backslash-escaped, so "[Click here](https://…)" typed into a request shows
 * as those characters instead of a link in the approver's card.
 */
export function escapeMarkdown(value: string): string {
  return value
    .replace(/[\\`*_~[\]]/g, '\\$&')
    .replace(/^(\s*)([-+>#])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
}

/** A TextBlock of plain text: whatever it holds is shown as typed (see escapeMarkdown). */
export function text(value: string, extra: TextOptions = {}): TextBlock {
  return { type: 'TextBlock', text: escapeMarkdown(value), wrap: true, ...extra };
}

/** A TextBlock the bot wrote in markdown (bold figures, a link): any typed part in it must go through escapeMarkdown. */
export function markdown(value: string, extra: TextOptions = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

export function heading(value: string): TextBlock {
  return text(value, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

export function subheading(value: string, extra: TextOptions = {}): TextBlock {
  return text(value, { weight: 'Bolder', spacing: 'Medium', ...extra });
}

export function subtle(value: string): TextBlock {
  return text(value, { isSubtle: true, spacing: 'Small' });
}

/** Facts are read as markdown too: plain unless a row says it is the bot's own markdown (a meeting link). */
export function facts(rows: { label: string; value: string; markdown?: boolean }[]): FactSet {
  return { type: 'FactSet', facts: rows.map((r) => ({ title: escapeMarkdown(r.label), value: r.markdown ? r.value : escapeMarkdown(r.value) })) };
}

/**
 * The band's colour carries the tone; its text stays the default colour. Green text on Teams' green
 * band measured 1.85:1 in the Agents Playground (WCAG AA asks 4.5:1); default text on it passes.
 */
const TONE_STYLE: Record<Notice['tone'], { container: ContainerStyle; color: Colour }> = {
  info: { container: 'emphasis', color: 'Default' },
  good: { container: 'good', color: 'Default' },
  warning: { container: 'warning', color: 'Default' },
  attention: { container: 'attention', color: 'Default' },
};

export function noticeBox(notice: Notice): Container {
  const style = TONE_STYLE[notice.tone];
  return { type: 'Container', style: style.container, bleed: true, items: [text(notice.text, { color: style.color, weight: 'Bolder' })] };
}

/** The message under a field that the server rejected; shown in red next to the person's kept input. */
export function fieldError(message: string): TextBlock {
  return text(message, { color: 'Attention', size: 'Small', spacing: 'None' });
}

/** Action ids a button carries. The verb travels as Action.Execute's own `verb`. */
export function actionData(action: Omit<CardAction, 'verb'>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const key of CARD_ACTION_TARGETS) {
    const value = action[key];
    if (value) data[key] = value;
  }
  return data;
}

export function execute(
  title: string,
  verb: CardVerb,
  ids: Omit<CardAction, 'verb'>,
  extra: { style?: 'positive' | 'destructive'; withInputs?: boolean } = {},
): ActionExecute {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: actionData(ids),
    // Buttons that only open or answer do not need the inputs; submitting a form does.
    associatedInputs: extra.withInputs ? 'auto' : 'none',
    ...(extra.style ? { style: extra.style } : {}),
  };
}

export function openUrl(title: string, url: string): ActionOpenUrl {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: AdaptiveAction[]): ActionSet {
  return { type: 'ActionSet', actions };
}

/** Drops the parts a view leaves out (`cond && element`). */
export function compact<T>(items: (T | undefined | null | false | '')[]): T[] {
  return items.filter((i): i is T => i !== undefined && i !== null && i !== false && i !== '');
}
