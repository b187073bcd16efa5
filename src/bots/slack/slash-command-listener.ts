import type { App, types } from '@slack/bolt';
import { renderBlockKitMessage, renderCreateSessionModal, renderSurveyFormModal } from '../../cards/blockkit';
import { hasRole } from '../../domain';
import { runCommand } from '../../app/commands';
import type { SlackBotContext } from './bot-context';
import { actorOrExplain } from './listener-actor';
import { SlashCommandPayload } from './slack-payloads';

export const SLASH_COMMAND = '/cpd';

/** Slack wording → the shared command table's wording. */
function commandText(text: string): string {
  const trimmed = text.trim();
  if (/^my$/i.test(trimmed)) return 'my cpd';
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
    // `new` must open its modal while the trigger id is fresh, so it is checked before the ack.
    await ack();
    const found = await actorOrExplain(ctx, client, command.user_id, command.team_id);
    if (!found) return;
    if (/^new\s+survey$/i.test(command.text.trim())) {
      // The shared command table checks the role; a lead's answer is the form, opened as a modal.
      const view = await runCommand(ctx.deps, found.actor, 'new survey');
      if (view.kind === 'survey-form') {
        await client.views.open({ trigger_id: command.trigger_id, view: renderSurveyFormModal(view, JSON.stringify({ action: { verb: 'survey.send' } })) as types.ModalView });
        return;
      }
      const message = renderBlockKitMessage(view);
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks as types.KnownBlock[] });
      return;
    }
    if (/^new(\s|$)/i.test(command.text.trim())) {
      if (!hasRole(found.actor.staff, 'cpd-lead')) {
        await respond({ response_type: 'ephemeral', text: 'Only CPD leads can create sessions.' });
        return;
      }
      await client.views.open({ trigger_id: command.trigger_id, view: renderCreateSessionModal(JSON.stringify({ action: { verb: 'session.create' } })) as types.ModalView });
      return;
    }
    const view = await runCommand(ctx.deps, found.actor, commandText(command.text));
    const message = renderBlockKitMessage(view);
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks as types.KnownBlock[] });
  });
}
