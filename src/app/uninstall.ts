import { conversationRefId } from '../domain';
import type { AppDeps } from './deps';

/** Rounds of read-then-conditional-write before giving up on a record that keeps changing under us. */
const MAX_ROUNDS = 3;

export type ConversationRemoval = 'removed' | 'already removed' | 'unknown';

/**
 * The bot was removed from a Teams conversation (uninstalled from a personal chat, a team or a
 * group chat). The reference is kept, marked, so the sender reports the person unreachable
 * instead of opening a new chat behind their back; adding the bot again stores a fresh one.
 * Repeating it changes nothing. ETag-guarded against a racing install or send.
 */
export async function markConversationRemoved(deps: AppDeps, tenantId: string, conversationId: string): Promise<ConversationRemoval> {
  const id = conversationRefId('teams', conversationId);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const found = await deps.store.conversations.get(tenantId, id);
    if (!found) return 'unknown';
    if (found.value.removedAt) return 'already removed';
    const now = deps.clock.now().toISOString();
    // updatedAt moves too, so the removed chat stays the person's latest (findConversation).
    const put = await deps.store.conversations.put({ ...found.value, removedAt: now, updatedAt: now }, { ifVersion: found.version });
    if (put.ok) return 'removed';
  }
  throw new Error(`conversation reference ${id} kept changing while it was being marked removed`);
}
