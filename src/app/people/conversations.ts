import type { ConversationRef, Platform } from '../../domain';
import type { AppDeps } from '../deps';

/** Stores where the bot can reach someone; the same conversation always lands on the same document. */
export async function saveConversation(deps: AppDeps, ref: ConversationRef): Promise<void> {
  await deps.store.conversations.put(ref);
}

export async function findConversation(
  deps: AppDeps,
  tenantId: string,
  staffId: string,
  platform: Platform,
): Promise<ConversationRef | undefined> {
  const found = await deps.store.conversations.find(tenantId, {
    where: { staffId, platform, scope: 'personal' },
    orderBy: { field: 'updatedAt', direction: 'desc' },
    limit: 1,
  });
  return found[0]?.value;
}
