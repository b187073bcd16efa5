import type { webApi } from '@slack/bolt';
import type { Actor } from '../../app/identity';
import type { SlackBotContext } from './bot-context';
import { slackActor } from './slack-actor';

export interface BotContextActor {
  actor: Actor;
}

/** Resolves the person; someone unknown is told why in a DM and the listener stops. */
export async function actorOrExplain(ctx: SlackBotContext, client: webApi.WebClient, userId: string, teamId: string | undefined): Promise<BotContextActor | undefined> {
  if (!teamId) return undefined;
  const found = await slackActor({ ...ctx.deps, logger: ctx.logger }, client, { userId, teamId });
  if (found.ok) return { actor: found.actor };
  await client.chat.postMessage({ channel: userId, text: found.message });
  return undefined;
}
