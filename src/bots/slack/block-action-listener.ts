import type { App, types } from '@slack/bolt';
import { isModalView, renderBlockKitModal, submitActionOf } from '../../cards/blockkit';
import { CARD_VERBS } from '../../cards/actions';
import { handleCardAction } from '../../app/card-actions';
import { notice } from '../../app/notice';
import type { BotContextActor } from './listener-actor';
import { actorOrExplain } from './listener-actor';
import type { SlackBotContext } from './bot-context';
import { BlockActionPayload, type ModalMetadata } from './slack-payloads';
import { parseJsonText } from './json-text';
import { publishHome, showOtherCopies, showResult, type Origin } from './show-result';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** action_id = a CardVerb, optionally `:suffix` (several of one verb in a message). */
export const VERB_ACTION_ID = new RegExp(`^(${CARD_VERBS.map(escapeRegex).join('|')})(:.*)?$`);

/** Buttons: ack at once, then run the verb through handleCardAction and show the answer where it was pressed. */
export function registerBlockActions(app: App, ctx: SlackBotContext): void {
  app.action(VERB_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    const parsed = BlockActionPayload.safeParse(body);
    if (!parsed.success) {
      ctx.logger.warn({ issues: parsed.error.issues.length }, 'slack: unreadable block_actions payload');
      return;
    }
    const payload = parsed.data;
    const found: BotContextActor | undefined = await actorOrExplain(ctx, client, payload.user.id, payload.team?.id ?? payload.user.team_id);
    if (!found) return;
    const pressed = payload.actions[0]!;
    const action = parseJsonText(pressed.value);
    const channel = payload.container?.channel_id ?? payload.channel?.id;
    const ts = payload.container?.message_ts ?? payload.message?.ts;
    // An ephemeral message (an answer to `/cpd …`) cannot be updated with chat.update: only through its response_url.
    const responseUrl = payload.container?.is_ephemeral ? payload.response_url : undefined;
    const origin: Origin = { userId: payload.user.id, ...(channel ? { channel } : {}), ...(ts ? { ts } : {}), ...(responseUrl ? { responseUrl } : {}) };

    // A retried delivery of the same press (same trigger id) changes nothing.
    const claim = await ctx.claims.claim(found.actor.tenant.id, `action:${payload.trigger_id}:${pressed.action_id}`);
    if (claim.outcome !== 'first') return;

    let result: Awaited<ReturnType<typeof handleCardAction>>;
    try {
      result = await handleCardAction(ctx.deps, found.actor, action, {});
    } catch (error) {
      // Handed back so Slack's retry (or another press) runs it; the person is told either way.
      await claim.release().catch(() => undefined);
      ctx.logger.error({ err: error, actionId: pressed.action_id }, 'slack: button failed');
      await showResult(client, origin, { ok: false, view: notice('attention', 'Sorry, that did not work just now. Nothing was recorded: please press the button again.') });
      return;
    }
    await claim.done();
    if (result.ok && isModalView(result.view) && (pressed.action_id.includes('.open'))) {
      // The trigger id lives for 3 seconds: open the form before anything else.
      // The button's action, with what the view says its submission acts on (a questionnaire's session: decision 75).
      const submits = { ...submitActionOf(result.view), ...(action as object) } as ModalMetadata['action'];
      const metadata: ModalMetadata = { action: submits, ...(channel ? { channel } : {}), ...(ts ? { ts } : {}), ...(responseUrl ? { responseUrl } : {}) };
      await client.views.open({ trigger_id: payload.trigger_id, view: renderBlockKitModal(result.view, JSON.stringify(metadata)) as types.ModalView });
      return;
    }
    if (payload.container?.type === 'view' && !channel) {
      await publishHome(ctx.deps, client, found.actor, payload.user.id);
      return;
    }
    await showResult(client, origin, result);
    await showOtherCopies(client, result, origin, ctx.logger);
  });
}
