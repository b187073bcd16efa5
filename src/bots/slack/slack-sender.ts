import type { types, webApi } from '@slack/bolt';
import type { Delivery, Staff } from '../../domain';
import type { MessageSender, OutboundMessage, SendResult } from '../../app/outbound';
import { renderBlockKitMessage } from '../../cards/blockkit';

/** Slack errors meaning this person cannot be reached here (user gone, DM closed, app removed). */
const UNREACHABLE = new Set(['user_not_found', 'channel_not_found', 'account_inactive', 'cannot_dm_bot', 'user_disabled', 'not_in_channel', 'is_archived']);

/**
 * WebClient's `timeout` aborts the fetch with a DOMException named TimeoutError: no answer in
 * time, so try again later. WebClient rewraps it as `Error(String(e))` when it fails its
 * `instanceof Error` check (another realm, as under jest), hence the message test too.
 */
function isTimeout(original: { name?: string; message?: string } | undefined): boolean {
  return original?.name === 'TimeoutError' || Boolean(original?.message?.startsWith('TimeoutError'));
}

/** Maps a WebClient failure to the dispatcher's result union. */
export function sendFailure(error: unknown): SendResult {
  const e = error as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number; message?: string; original?: { name?: string; message?: string } };
  if (e.code === 'slack_webapi_request_error' && isTimeout(e.original)) return { status: 'failed', transient: true, reason: `timeout: ${e.message ?? ''}` };
  if (e.code === 'slack_webapi_rate_limited_error') return { status: 'throttled', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000 };
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    if (UNREACHABLE.has(reason)) return { status: 'unreachable', reason };
    return { status: 'failed', transient: reason === 'internal_error' || reason === 'fatal_error' || reason === 'service_unavailable', reason };
  }
  if (e.code === 'slack_webapi_http_error') return { status: 'failed', transient: (e.statusCode ?? 500) >= 500, reason: `http ${e.statusCode}` };
  return { status: 'failed', transient: true, reason: e.message ?? String(error) };
}

/** The client of the recipient's own workspace (OAuth installs), or none when it is not installed there. */
export type ClientFor = (recipient: Staff) => Promise<webApi.WebClient | undefined>;

const NO_INSTALLATION = 'their Slack workspace has not installed the app, or removed it';

/**
 * Proactive DMs: chat.postMessage to the user id opens (or reuses) the DM. Its client rejects
 * 429s at once (rejectRateLimitedCalls) so the dispatcher, which owns the clock and the rate
 * limit, honours Retry-After instead of WebClient sleeping for real time with its queue paused.
 * `maxSendMs` is the client's timeout: one call, and the client makes no retries of its own.
 */
export function createSlackSender(clients: webApi.WebClient | ClientFor, limits: { maxSendMs: number }): MessageSender {
  const clientFor: ClientFor = typeof clients === 'function' ? clients : async () => clients;
  return {
    platform: 'slack',
    maxSendMs: limits.maxSendMs,
    canReach: (recipient: Staff) => Boolean(recipient.slack?.userId) && recipient.active,
    async send(recipient: Staff, message: OutboundMessage, _delivery: Delivery): Promise<SendResult> {
      const userId = recipient.slack?.userId;
      if (!userId) return { status: 'unreachable', reason: 'no linked Slack user' };
      const client = await clientFor(recipient);
      if (!client) return { status: 'unreachable', reason: NO_INSTALLATION };
      const rendered = renderBlockKitMessage(message.view);
      try {
        const sent = await client.chat.postMessage({ channel: userId, text: message.text || rendered.text, blocks: rendered.blocks as types.KnownBlock[] });
        if (!sent.ts || !sent.channel) return { status: 'failed', transient: true, reason: 'no message ts in reply' };
        return { status: 'sent', messageId: sent.ts, conversationId: sent.channel };
      } catch (error) {
        return sendFailure(error);
      }
    },
    async update(recipient: Staff, platformMessage: { messageId: string; conversationId: string }, message: OutboundMessage): Promise<SendResult> {
      const client = await clientFor(recipient);
      if (!client) return { status: 'unreachable', reason: NO_INSTALLATION };
      const rendered = renderBlockKitMessage(message.view);
      try {
        await client.chat.update({ channel: platformMessage.conversationId, ts: platformMessage.messageId, text: message.text || rendered.text, blocks: rendered.blocks as types.KnownBlock[] });
        return { status: 'sent', ...platformMessage };
      } catch (error) {
        return sendFailure(error);
      }
    },
  };
}
