import type { TurnContext } from 'botbuilder';
import { findPlatformTenant, markConversationRemoved } from '../../app/identity';
import { TeamsRemovalActivity } from './inbound-schemas';
import type { InstallDeps } from './installation';

/**
 * The bot was removed from a personal chat, a team or a group chat: the stored references for
 * that conversation (and, in a team, the team's) are marked removed so the dispatcher stops
 * sending through them. Teams may send both an installationUpdate and a conversationUpdate for
 * one removal, and may repeat either; only the first changes anything.
 */
export async function handleUninstall(deps: InstallDeps, context: TurnContext): Promise<void> {
  const parsed = TeamsRemovalActivity.safeParse(context.activity);
  if (!parsed.success) {
    deps.logger.warn({ issues: parsed.error.issues }, 'teams uninstall: activity without a conversation ignored');
    return;
  }
  const { conversation, channelData } = parsed.data;
  const aadTenantId = channelData?.tenant?.id ?? conversation.tenantId;
  const tenant = await findPlatformTenant(deps, 'teams', aadTenantId, deps.defaultTenantId);
  if (!tenant) {
    deps.logger.info({ conversationId: conversation.id }, 'teams uninstall: no tenant for this Teams tenant, nothing stored');
    return;
  }
  // A team's reference is stored under the conversation it was installed from: the team's General channel.
  const conversationIds = [...new Set([conversation.id, ...(channelData?.team ? [channelData.team.id] : [])])];
  for (const conversationId of conversationIds) {
    const outcome = await markConversationRemoved(deps, tenant.id, conversationId);
    deps.logger.info({ tenantId: tenant.id, conversationId, outcome }, 'teams uninstall');
  }
}
