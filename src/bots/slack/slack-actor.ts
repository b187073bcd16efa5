import type { webApi } from '@slack/bolt';
import { resolveActor, type ActorResult } from '../../app/identity';
import type { AppDeps } from '../../app/deps';
import type { Logger } from '../../log';

/**
 * Slack user → staff record. A linked person is found by Slack id; on first contact the bot
 * asks Slack for the e-mail (users.info, needs users:read.email) and resolveActor links them.
 */
export async function slackActor(deps: AppDeps & { defaultTenantId?: string; logger?: Logger }, client: webApi.WebClient, user: { userId: string; teamId: string }): Promise<ActorResult> {
  const identity = { platform: 'slack' as const, platformTenantId: user.teamId, userId: user.userId };
  const known = await resolveActor(deps, identity, deps.defaultTenantId);
  if (known.ok) return known;
  if (known.unmappedPlatformTenant !== undefined) {
    // Production without DEFAULT_TENANT_ID: a workspace no school was linked to is refused (and costs no users.info).
    deps.logger?.warn({ slackTeamId: user.teamId }, `slack: refused a request from workspace ${user.teamId}, which is linked to no tenant`);
    return known;
  }
  const info = await usersInfo(client, user.userId);
  if (!info) return known;
  const email = info.user?.profile?.email;
  if (!email) return known;
  const name = info.user?.real_name ?? info.user?.name;
  return resolveActor(deps, { ...identity, email, ...(name ? { name } : {}) }, deps.defaultTenantId);
}

/** users.info, where a person Slack does not know (`user_not_found`) is simply someone we do not know yet. */
async function usersInfo(client: webApi.WebClient, userId: string): Promise<webApi.UsersInfoResponse | undefined> {
  try {
    return await client.users.info({ user: userId });
  } catch (error) {
    if ((error as { data?: { error?: unknown } }).data?.error === 'user_not_found') return undefined;
    throw error;
  }
}
