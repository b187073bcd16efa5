import type { HomeView, KnownBlock, ModalView, PlainTextOption } from '@slack/types';

/**
 * The three surfaces the renderers fill, over Slack's own block types (@slack/types), so a misspelt
 * field or a block Slack does not know fails tsc rather than a chat.postMessage. Only KnownBlock is
 * allowed in: Slack's loose `Block` (any `type` string) would let a typo through.
 */

/** A message body for chat.postMessage / chat.update: `text` is the notification and screen-reader fallback. */
export interface BlockKitMessage {
  text: string;
  blocks: KnownBlock[];
}

/** A modal view for views.open / views.update: the fields Slack leaves optional that every modal of ours sets. */
export interface BlockKitModal extends ModalView {
  callback_id: string;
  close: NonNullable<ModalView['close']>;
  private_metadata: string;
  blocks: KnownBlock[];
}

/** The App Home tab, for views.publish (a HomeView with known blocks and nothing else). */
export interface BlockKitHome {
  type: HomeView['type'];
  blocks: KnownBlock[];
}

/** An option whose value the bot reads back on submit: Slack's value is optional only for option groups' sake. */
export type ValuedOption = PlainTextOption & { value: string };
