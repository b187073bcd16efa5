import type { App, types } from '@slack/bolt';
import { isModalView, renderBlockKitMessage, renderBlockKitModal, submitActionOf } from '../../cards/blockkit';
import { runCommand } from '../../app/commands';
import type { SlackBotContext } from './bot-context';
import { actorOrExplain } from './listener-actor';
import { SlashCommandPayload } from './slack-payloads';

export const SLASH_COMMAND = '/cpd';

/** Slack wording → the shared command table's wording (for `/cpd …` and DMs alike). */
export function commandText(text: string): string {
  const trimmed = text.trim();
  if (/^my$/i.test(trimmed)) return 'my cpd';
  if (/^new$/i.test(trimmed)) return 'new session';
  return trimmed;
}

/** `/cpd ...`: ack at once, then answer privately through the command's response_url. */
export function registerSlashCommand(app: App, ctx: SlackBotContext): void {
  app.command(SLASH_COMMAND, async ({ ack, body, client, respond }) => {
    const parsed = SlashCommandPayload.safeParse(body);
    if (!parsed.success) {
      await ack({ response_type: 'ephemeral', text: 'I could not read that command. Try `/cpd help`.' });
      return;
    }
    const command = parsed.data;
    await ack();
    const found = await actorOrExplain(ctx, client, command.user_id, command.team_id);
    if (!found) return;
    // A signed request replayed within the signature window carries the same trigger id: it runs once.
    const claim = await ctx.claims.claim(found.actor.tenant.id, `command:${command.trigger_id}`);
    if (claim.outcome !== 'first') return;
    try {
      const view = await runCommand(ctx.deps, found.actor, commandText(command.text));
      if (isModalView(view)) {
        // `new`, `edit <title>`, `new survey` and `register` answer with a form: Slack shows forms as modals, opened while the trigger id is fresh.
        await client.views.open({ trigger_id: command.trigger_id, view: renderBlockKitModal(view, JSON.stringify({ action: submitActionOf(view) })) as types.ModalView });
      } else {
        const message = renderBlockKitMessage(view);
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as types.KnownBlock[] });
      }
    } catch (error) {
      // Handed back, so the command typed again runs; the receiver logs it and answers the person.
      await claim.release().catch(() => undefined);
      throw error;
    }
    await claim.done();
  });
}
