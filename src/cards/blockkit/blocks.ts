import { countOf } from '../format';
import type { Notice, SessionSummary } from '../views/common';
import type { CardAction } from '../actions';
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';

/** Small builders shared by the renderers; each clips to Slack's limit for its place. */

export function plain(text: string, max: number = SLACK_LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/**
 * Every mrkdwn object: typed text in it is escaped by the renderer (escapeMrkdwn: no <url|label> or
 * mention can be planted), and verbatim, so an address someone typed is not turned into a link.
 */
export function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: clip(text, max), verbatim: true };
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, SLACK_LIMITS.headerText) };
}

export function section(text: string, accessory?: Button): SectionBlock {
  return accessory ? { type: 'section', text: mrkdwn(text), accessory } : { type: 'section', text: mrkdwn(text) };
}

export function fields(pairs: { label: string; value: string }[]): SectionBlock {
  return {
    type: 'section',
    fields: pairs
      .slice(0, SLACK_LIMITS.sectionFields)
      .map((p) => mrkdwn(`*${escapeMrkdwn(p.label)}*\n${escapeMrkdwn(p.value)}`, SLACK_LIMITS.sectionFieldText)),
  };
}

export function context(text: string): ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

export const divider: DividerBlock = { type: 'divider' };

/**
 * A button whose action_id is the verb (with a suffix when one message holds the same verb
 * twice, since action_ids must be unique per message) and whose value is the CardAction JSON.
 */
export function button(label: string, action: CardAction, options: { style?: 'primary' | 'danger'; suffix?: string } = {}): Button {
  const el: Button = {
    type: 'button',
    text: plain(label, SLACK_LIMITS.buttonText),
    action_id: options.suffix ? `${action.verb}:${options.suffix}` : action.verb,
    value: JSON.stringify(action),
  };
  if (options.style) el.style = options.style;
  return el;
}

export function linkButton(label: string, url: string, actionId: string): Button {
  return { type: 'button', text: plain(label, SLACK_LIMITS.buttonText), action_id: actionId, url };
}

export function actions(elements: Button[], blockId?: string): ActionsBlock {
  const block: ActionsBlock = { type: 'actions', elements: elements.slice(0, SLACK_LIMITS.actionsElements) };
  if (blockId) block.block_id = clip(blockId, SLACK_LIMITS.blockId);
  return block;
}

const TONE_EMOJI: Record<Notice['tone'], string> = {
  info: ':information_source:',
  good: ':white_check_mark:',
  warning: ':warning:',
  attention: ':exclamation:',
};

export function notice(n: Notice): SectionBlock {
  return section(`${TONE_EMOJI[n.tone]} ${escapeMrkdwn(n.text)}`);
}

/** The lines that say what, when and where a session is. */
export function sessionText(s: SessionSummary): string {
  const lines = [`*${escapeMrkdwn(s.title)}*`, `:calendar: ${escapeMrkdwn(s.whenText)}`];
  if (s.place) lines.push(`:round_pushpin: ${escapeMrkdwn(s.place)}`);
  if (s.meetingUrl) lines.push(`:link: <${s.meetingUrl}|Join online>`);
  if (s.facilitatorText) lines.push(`:bust_in_silhouette: ${escapeMrkdwn(s.facilitatorText)}`);
  const tags = [s.categoryLabel, s.kindLabel, s.compulsory ? 'Compulsory' : undefined];
  if (s.placesLeft !== undefined) tags.push(`${countOf(s.placesLeft, 'place')} left`);
  lines.push(tags.filter(Boolean).map((t) => escapeMrkdwn(String(t))).join(' · '));
  return lines.join('\n');
}

const RSVP_TEXT: Record<NonNullable<SessionSummary['rsvp']>, string> = {
  yes: ':white_check_mark: You said you are going.',
  no: ':x: You said you cannot come.',
  waitlist: ':hourglass_flowing_sand: You are on the waiting list.',
};

export function rsvpText(s: SessionSummary): string | undefined {
  return s.rsvp ? RSVP_TEXT[s.rsvp] : undefined;
}

/** Going / Can't go buttons; `suffix` keeps action_ids unique when a list shows several sessions. */
export function rsvpButtons(s: SessionSummary, suffix?: string, from?: CardAction['from']): Button[] {
  const opts = (style?: 'primary') => (suffix ? { style, suffix } : { style });
  const ids = { sessionId: s.sessionId, ...(from ? { from } : {}) };
  return [
    button(s.rsvp === 'yes' ? 'Going ✓' : 'Going', { verb: 'rsvp.yes', ...ids }, opts(s.rsvp === 'yes' ? undefined : 'primary')),
    button(s.rsvp === 'no' ? "Can't go ✓" : "Can't go", { verb: 'rsvp.no', ...ids }, opts()),
  ];
}
