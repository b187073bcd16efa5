import type { App } from '@slack/bolt';
import type { SlackBotContext } from './bot-context';
import { claimSlackRequest } from './request-once';
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
    const claim = await claimSlackRequest(ctx.deps, found.actor.tenant.id, `event:${event_id}`);
    if (!claim.first) return;
    await publishHome(ctx.deps, client, found.actor, event.user);
  });
}
