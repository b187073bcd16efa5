import { TurnContext } from 'botbuilder';
import { runCommand } from '../../app/commands';
import { receiveSchoolFile } from '../../app/school-files';
import { welcomeOnFirstVisit } from '../../app/welcome';
import { saveConversation } from '../../app/identity';
import { notice } from '../../app/notice';
import { conversationRefId } from '../../domain';
import { cardActivity } from './card-activity';
import { toConversationRef } from './conversation-reference';
import { TeamsActivityEnvelope } from './inbound-schemas';
import type { InstallDeps } from './installation';
import { resolveTeamsActor } from './teams-actor';
import { attachedFile, receivedTeamsFile } from './file-attachment';

const MAX_COMMAND_LENGTH = 500;

/** A typed message. Commands run in personal chat; in a team or group the bot points people there. */
export async function handleMessage(deps: InstallDeps, context: TurnContext): Promise<void> {
  const parsed = TeamsActivityEnvelope.safeParse(context.activity);
  if (!parsed.success) return;
  const envelope = parsed.data;
  const text = (TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '').trim().slice(0, MAX_COMMAND_LENGTH);
  if (envelope.conversation.conversationType && envelope.conversation.conversationType !== 'personal') {
    const hint = notice('info', 'Message me in a personal chat and type "help" to see your sessions, record and tasks.');
    await context.sendActivity(cardActivity(hint, hint.notice.text));
    return;
  }
  const actor = await resolveTeamsActor(deps, context, envelope, deps.defaultTenantId);
  if (!actor.ok) {
    await context.sendActivity(cardActivity(notice('info', actor.message), actor.message));
    return;
  }
  const { tenant, staff } = actor.actor;
  // A person who opens the bot before any install event (or again after removing it) becomes reachable.
  const known = await deps.store.conversations.get(tenant.id, conversationRefId('teams', envelope.conversation.id));
  if (!known || known.value.removedAt) await saveConversation(deps, toConversationRef(context, envelope, { tenantId: tenant.id, staffId: staff.id }, deps.clock.now()));
  // A lead the deployer named, opening the bot by typing before any install event: welcomed once.
  const welcome = await welcomeOnFirstVisit(deps, actor.actor);
  if (welcome) await context.sendActivity(cardActivity(welcome, 'Welcome to Twilight', [envelope.from.id]));
  // A file attached in the personal chat (a roster, the programme, a calendar): checked, with Import and Cancel.
  const file = attachedFile(context.activity.attachments);
  const view = file ? await receiveSchoolFile(deps, actor.actor, receivedTeamsFile(file, deps.files)) : await runCommand(deps, actor.actor, text);
  await context.sendActivity(cardActivity(view, undefined, [envelope.from.id]));
}
