import type { TurnContext } from 'botbuilder';
import { helpView } from '../../app/commands';
import { welcomeOnFirstVisit } from '../../app/welcome';
import type { AppDeps } from '../../app/deps';
import { notice } from '../../app/notice';
import { saveConversation, sendWhatFailedForNoAccount } from '../../app/identity';
import type { Logger } from '../../log';
import { cardActivity } from './card-activity';
import { toConversationRef } from './conversation-reference';
import { TeamsActivityEnvelope } from './inbound-schemas';
import type { InstallWaits } from './install-waits';
import { linkAddedMembers, linkTeamRoster } from './roster-link';
import { resolveTeamsActor } from './teams-actor';
import { tenantIdOf } from './teams-identity';
import type { FileDownloadLimits } from '../file-download';

export interface InstallDeps extends AppDeps {
  logger: Logger;
  defaultTenantId: string | undefined;
  /** Where files sent in the personal chat may be fetched from, and within what limits. */
  files: FileDownloadLimits;
  /** Sends waiting for an installation the bot made through Graph (install-waits.ts). */
  installs?: InstallWaits;
}

/**
 * The bot was added to a personal chat, a team or a group chat. Stores where to write later;
 * in a team it also links the roster to staff records. Repeated installs land on the same records.
 */
export async function handleInstall(deps: InstallDeps, context: TurnContext): Promise<void> {
  const parsed = TeamsActivityEnvelope.safeParse(context.activity);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues }, 'teams install: activity without sender or conversation ignored');
    return;
  }
  const envelope = parsed.data;
  const now = deps.clock.now();
  if (envelope.conversation.conversationType === 'channel' || envelope.channelData?.team) {
    const roster = await linkTeamRoster(deps, context, tenantIdOf(envelope), deps.defaultTenantId);
    deps.logger.info({ members: roster.members, linked: roster.linked, unknown: roster.unknown }, 'teams install: roster linked');
    if (roster.tenant) await saveConversation(deps, toConversationRef(context, envelope, { tenantId: roster.tenant.id }, now));
    return;
  }
  const actor = await resolveTeamsActor(deps, context, envelope, deps.defaultTenantId);
  if (!actor.ok) {
    await context.sendActivity(cardActivity(notice('info', actor.message), actor.message));
    return;
  }
  const { tenant, staff } = actor.actor;
  const isPersonal = envelope.conversation.conversationType !== 'groupChat';
  await saveConversation(deps, toConversationRef(context, envelope, { tenantId: tenant.id, ...(isPersonal ? { staffId: staff.id } : {}) }, now));
  if (!isPersonal) return;
  // A send waiting for this (the bot installed itself for them) goes on now; what failed for want of
  // a chat (the install permission missing) goes back to the outbox.
  deps.installs?.arrived(tenant.id, staff.id);
  await sendWhatFailedForNoAccount(deps, tenant.id, staff.id);
  // A lead the deployer named is welcomed with the setup checklist instead, once.
  const welcome = await welcomeOnFirstVisit(deps, actor.actor);
  await context.sendActivity(cardActivity(welcome ?? helpView(actor.actor), welcome ? 'Welcome to Twilight' : 'What I can do', [envelope.from.id]));
}

/** New people joined a team the bot is in: link them so they can be reached without opening the bot. */
export async function handleMembersAdded(deps: InstallDeps, context: TurnContext, memberIds: string[]): Promise<void> {
  const parsed = TeamsActivityEnvelope.safeParse(context.activity);
  if (!parsed.success || !parsed.data.channelData?.team || memberIds.length === 0) return;
  const linked = await linkAddedMembers(deps, context, memberIds, tenantIdOf(parsed.data), deps.defaultTenantId);
  deps.logger.info({ added: memberIds.length, linked }, 'teams: new team members linked');
}
