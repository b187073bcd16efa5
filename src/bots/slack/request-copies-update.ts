import type { types, webApi } from '@slack/bolt';
import type { Actor } from '../../app/identity';
import { requestCardCopies } from '../../app/card-copies';
import { renderBlockKitMessage } from '../../cards/blockkit';
import type { SlackBotContext } from './bot-context';

/**
 * After a change to a CPD request, every copy of its card in Slack (the requester's, each
 * approver's, the booker's) is updated with chat.update: Slack has no card refresh of its own.
 * The message just answered is left to showResult.
 */
export async function updateRequestCopies(ctx: SlackBotContext, client: webApi.WebClient, actor: Actor, requestId: string, answered?: { channel?: string; ts?: string }): Promise<void> {
  const copies = await requestCardCopies(ctx.deps, actor, requestId, 'slack');
  for (const copy of copies) {
    if (copy.conversationId === answered?.channel && copy.messageId === answered.ts) continue;
    const message = renderBlockKitMessage(copy.view);
    try {
      await client.chat.update({ channel: copy.conversationId, ts: copy.messageId, text: message.text, blocks: message.blocks as types.KnownBlock[] });
    } catch (error) {
      // One stale copy (deleted, app removed) must not stop the others; the decision is already saved.
      ctx.logger.warn({ err: error, requestId }, 'slack: could not update a copy of a request card');
    }
  }
}
