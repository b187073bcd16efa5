import type { App, types } from '@slack/bolt';
import { welcomeOnFirstVisit } from '../../app/welcome';
import { renderBlockKitMessage } from '../../cards/blockkit';
import type { SlackBotContext } from './bot-context';
import { AppHomeOpenedPayload } from './slack-payloads';
import { slackActor } from './slack-actor';
import { publishHome, publishHomeNotice } from './show-result';

/** App Home: on `app_home_opened` publish the person's sessions, tasks and record (views.publish). */
export function registerAppHome(app: App, ctx: SlackBotContext): void {
  app.event('app_home_opened', async ({ body, client }) => {
    const parsed = AppHomeOpenedPayload.safeParse(body);
    if (!parsed.success || (parsed.data.event.tab ?? 'home') !== 'home') return;
    const { event, team_id, event_id } = parsed.data;
    const found = await slackActor({ ...ctx.deps, logger: ctx.logger }, client, { userId: event.user, teamId: team_id });
    if (!found.ok) {
      await publishHomeNotice(client, event.user, found.message);
      return;
    }
    // Slack retries an event it thinks we missed; the retry changes nothing.
    const claim = await ctx.claims.claim(found.actor.tenant.id, `event:${event_id}`);
    if (claim.outcome !== 'first') return;
    try {
      await publishHome(ctx.deps, client, found.actor, event.user);
      // A lead the deployer named: welcomed once, in the DM, with what the school still needs.
      const welcome = await welcomeOnFirstVisit(ctx.deps, found.actor);
      if (welcome) {
        const message = renderBlockKitMessage(welcome);
        await client.chat.postMessage({ channel: event.user, text: message.text, blocks: message.blocks as types.KnownBlock[] });
      }
    } catch (error) {
      await claim.release().catch(() => undefined);
      throw error;
    }
    await claim.done();
  });
}
