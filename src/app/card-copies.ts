import type { Platform } from '../domain';
import type { CardView } from '../cards/views';

/** One sent card that shows the same thing as the one just answered, with the view its reader should now see. */
export interface CardCopy {
  conversationId: string;
  messageId: string;
  view: CardView;
}

/**
 * The other sent copies of the card an action changed, part of the action's result: a platform that
 * must update each copy itself (Slack's chat.update) asks for its own; Teams never asks, because its
 * cards refresh on view. A function, so nothing is read unless a platform asks.
 */
export type OtherCopies = (platform: Platform) => Promise<CardCopy[]>;
