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
export type SendResult =
  | { status: 'sent'; messageId: string; conversationId: string }
  | { status: 'throttled'; retryAfterMs: number }
  /** No way to reach the person on this platform (no conversation, user gone, app removed). */
  | { status: 'unreachable'; reason: string }
  | { status: 'failed'; transient: boolean; reason: string };

/**
 * How long one call to a platform may take before it is abandoned and reported as a transient
 * failure (PLATFORM_TIMEOUT_MS). Well under the dispatcher's lease, which checks each sender's
 * `maxSendMs` against it.
 */
export const DEFAULT_PLATFORM_TIMEOUT_MS = 10_000;

/** The longest PLATFORM_TIMEOUT_MS the scheduler takes: a Teams send is up to two calls, within 40 s of its 60 s lease. */
export const MAX_PLATFORM_TIMEOUT_MS = 20_000;

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
