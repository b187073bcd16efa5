import type { Delivery, Platform, Staff } from '../domain';
import type { CardView } from '../cards/views';

/** A message ready to send: a view to render, and plain text for the notification and screen readers. */
export interface OutboundMessage {
  view: CardView;
  text: string;
}

/**
 * What a platform sender reports, as Company Communicator's send stage does. The dispatcher
 * retries only `throttled` and transient `failed`, and records the rest.
 */
export type SendResult = (
  | { status: 'sent'; messageId: string; conversationId: string }
  | { status: 'throttled'; retryAfterMs: number }
  /** No way to reach the person on this platform (no conversation, user gone, app removed). */
  | { status: 'unreachable'; reason: string }
  | { status: 'failed'; transient: boolean; reason: string }
) & {
  /** The bot installed its app for the person to send this (Teams, through Graph): recorded as `installedAt`. */
  installedFor?: boolean;
};

/** The port each bot implements (src/bots/teams, src/bots/slack) and the dispatcher calls. */
export interface MessageSender {
  readonly platform: Platform;
  /**
   * The longest one `send` or `update` can take, the client's own retries included, before it
   * gives up and reports `failed`. The dispatcher refuses a sender that could outlast its lease.
   */
  readonly maxSendMs: number;
  /** Whether this sender can reach the person at all (a linked identity / stored conversation). */
  canReach(recipient: Staff): boolean;
  send(recipient: Staff, message: OutboundMessage, delivery: Delivery): Promise<SendResult>;
  /** Replace an earlier message in place, e.g. "questionnaire closed". */
  update(recipient: Staff, platformMessage: { messageId: string; conversationId: string }, message: OutboundMessage): Promise<SendResult>;
}
