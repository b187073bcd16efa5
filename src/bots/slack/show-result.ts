import type { types, webApi } from '@slack/bolt';
import { renderAppHome, renderBlockKitMessage } from '../../cards/blockkit';
import type { CardView } from '../../cards/views';
import type { Actor } from '../../app/identity';
import type { AppDeps } from '../../app/deps';
import type { OtherCopies } from '../../app/card-copies';
import type { Logger } from '../../log';
import { appHomeView } from '../../app/commands';
import { DEFAULT_PLATFORM_TIMEOUT_MS } from '../../config';
import { postToResponseUrl } from './response-url';

/** Where a button was pressed: a DM message (update it in place), an ephemeral answer to `/cpd …`, or the App Home tab. */
export interface Origin {
  userId: string;
  channel?: string;
  ts?: string;
  /** Set for an ephemeral message: it can be changed only through this. */
  responseUrl?: string;
}

/**
 * Shows a use case's answer where the person is: a card replaces the message in place
 * (chat.update, or the response_url for an ephemeral one); a notice goes only to them
 * (an ephemeral message) so the card stays usable.
 */
export async function showResult(client: webApi.WebClient, origin: Origin, result: { ok: boolean; view: CardView }): Promise<void> {
  const message = renderBlockKitMessage(result.view);
  if (origin.responseUrl) {
    const replace = result.view.kind !== 'notice';
    await postToResponseUrl(origin.responseUrl, { text: message.text, blocks: message.blocks as types.KnownBlock[], replace_original: replace }, DEFAULT_PLATFORM_TIMEOUT_MS);
  } else if (origin.channel && origin.ts && result.view.kind !== 'notice') {
    await client.chat.update({ channel: origin.channel, ts: origin.ts, text: message.text, blocks: message.blocks as types.KnownBlock[] });
  } else if (origin.channel) {
    await client.chat.postEphemeral({ channel: origin.channel, user: origin.userId, text: message.text, blocks: message.blocks as types.KnownBlock[] });
  } else {
    await client.chat.postMessage({ channel: origin.userId, text: message.text, blocks: message.blocks as types.KnownBlock[] });
  }
}

/**
 * The other copies an action's result names (a request's cards: the requester's, each approver's,
 * the booker's) are updated with chat.update: Slack has no card refresh of its own. The message
 * just answered is left to showResult.
 */
export async function showOtherCopies(client: webApi.WebClient, result: { ok: boolean; copies?: OtherCopies }, answered: { channel?: string; ts?: string }, logger: Logger): Promise<void> {
  if (!result.ok || !result.copies) return;
  for (const copy of await result.copies('slack')) {
    if (copy.conversationId === answered.channel && copy.messageId === answered.ts) continue;
    const message = renderBlockKitMessage(copy.view);
    try {
      await client.chat.update({ channel: copy.conversationId, ts: copy.messageId, text: message.text, blocks: message.blocks as types.KnownBlock[] });
    } catch (error) {
      // One stale copy (deleted, app removed) must not stop the others; the change is already saved.
      logger.warn({ err: error, channel: copy.conversationId }, 'slack: could not update a copy of a card');
    }
  }
}

/** The App Home: the person's record when `my cpd` is available, else upcoming sessions and tasks. */
export async function publishHome(deps: AppDeps, client: webApi.WebClient, actor: Actor, userId: string): Promise<void> {
  await client.views.publish({ user_id: userId, view: renderAppHome(await appHomeView(deps, actor)) as types.HomeView });
}

export async function publishHomeNotice(client: webApi.WebClient, userId: string, text: string): Promise<void> {
  const { blocks } = renderBlockKitMessage({ kind: 'notice', notice: { tone: 'attention', text } });
  await client.views.publish({ user_id: userId, view: { type: 'home', blocks: blocks as types.KnownBlock[] } });
}
