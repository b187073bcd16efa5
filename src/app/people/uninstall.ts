import { conversationRefId, type Staff } from '../../domain';
import type { AppDeps } from '../deps';
import { inBatches } from './in-batches';

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

function withoutSlack(staff: Staff): Staff {
  const { slack: _slack, ...rest } = staff;
  return rest;
}

/**
 * The Slack app was uninstalled from a workspace (or its bot token revoked). The Slack "reference"
 * is the person's linked Slack user, which the sender DMs: it is removed for everyone linked
 * through that workspace, so the dispatcher falls back to Teams or records them unreachable. The
 * link comes back on the person's next contact after a reinstall (by e-mail). Returns how many
 * were unlinked; repeating it unlinks no one.
 */
export async function unlinkSlackWorkspace(deps: AppDeps, tenantId: string, slackTeamId: string): Promise<number> {
  // A batch at a time: each person unlinked no longer matches, so the whole workspace is never held at once.
  let unlinked = 0;
  await inBatches(deps.store.staff, tenantId, { 'slack.teamId': slackTeamId }, async (batch) => {
    for (const row of batch) {
      let current: typeof row | undefined = row;
      for (let round = 0; current && current.value.slack?.teamId === slackTeamId; round++) {
        if (round === MAX_ROUNDS) throw new Error(`staff ${current.value.id} kept changing while their Slack link was being removed`);
        const put = await deps.store.staff.put(withoutSlack(current.value), { ifVersion: current.version });
        if (put.ok) {
          unlinked++;
          break;
        }
        current = await deps.store.staff.get(tenantId, current.value.id);
      }
    }
  });
  return unlinked;
}
