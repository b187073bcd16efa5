import type { App, types } from '@slack/bolt';
import { isModalView, renderBlockKitMessage } from '../../cards/blockkit';
import { runCommand } from '../../app/commands';
import { welcomeOnFirstVisit } from '../../app/welcome';
import { notice } from '../../app/notice';
import type { SlackBotContext } from './bot-context';
import { actorOrExplain } from './listener-actor';
import { commandText } from './slash-command-listener';
import { DirectMessagePayload } from './slack-payloads';

/**
 * A command typed in the bot's DM runs as `/cpd <text>` does, answered in the DM. The bot's own
 * messages, other bots' and edits are not commands (bolt's ignoreSelf drops its own; the payload
 * schema drops subtypes and bot messages).
 */
export function registerDirectMessages(app: App, ctx: SlackBotContext): void {
  app.event('message', async ({ body, client }) => {
    const parsed = DirectMessagePayload.safeParse(body);
    if (!parsed.success) return;
    const { event, team_id, event_id } = parsed.data;
    const found = await actorOrExplain(ctx, client, event.user, team_id);
    if (!found) return;
    // Slack retries an event it thinks we missed; the retry answers nothing twice.
    const claim = await ctx.claims.claim(found.actor.tenant.id, `event:${event_id}`);
    if (claim.outcome !== 'first') return;
    try {
      const welcome = await welcomeOnFirstVisit(ctx.deps, found.actor);
      if (welcome) {
        const greeting = renderBlockKitMessage(welcome);
        await client.chat.postMessage({ channel: event.channel, text: greeting.text, blocks: greeting.blocks as types.KnownBlock[] });
      }
      const text = commandText(event.text);
      const command = await runCommand(ctx.deps, found.actor, text);
      // A message event has no trigger id, and Slack opens a modal only with one.
      const view = isModalView(command) ? notice('info', `That opens a form, which Slack can only open from the command: type \`/cpd ${text.slice(0, 100)}\`.`) : command;
      const message = renderBlockKitMessage(view);
      await client.chat.postMessage({ channel: event.channel, text: message.text, blocks: message.blocks as types.KnownBlock[] });
    } catch (error) {
      // Handed back, so Slack's retry of the event runs it.
      await claim.release().catch(() => undefined);
      throw error;
    }
    await claim.done();
  });
}
