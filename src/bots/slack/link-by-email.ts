import type { webApi } from '@slack/bolt';
import { resolveActor } from '../../app/identity';
import type { AppDeps } from '../../app/deps';

/**
 * Links staff who have not yet spoken to the bot, so their first message can be a proactive DM:
 * users.lookupByEmail (users:read.email) for each unlinked person, then resolveActor links them.
 * Returns how many were linked; people Slack does not know are skipped.
 */
export async function linkSlackUsersByEmail(deps: AppDeps & { defaultTenantId?: string }, client: webApi.WebClient, tenantId: string): Promise<{ linked: number; notFound: number }> {
  const auth = await client.auth.test();
  const teamId = auth.team_id;
  if (!teamId) return { linked: 0, notFound: 0 };
  const unlinked = await deps.store.staff.find(tenantId, { where: { 'slack.userId': { exists: false }, active: true } });
  let linked = 0;
  let notFound = 0;
  for (const { value: staff } of unlinked) {
    try {
      const found = await client.users.lookupByEmail({ email: staff.email });
      if (!found.user?.id) continue;
      const result = await resolveActor(deps, { platform: 'slack', platformTenantId: teamId, userId: found.user.id, email: staff.email }, tenantId);
      if (result.ok) linked++;
    } catch (error) {
      if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') notFound++;
      else throw error;
    }
  }
  return { linked, notFound };
}
