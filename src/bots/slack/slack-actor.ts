import type { webApi } from '@slack/bolt';
import { resolveActor, type ActorResult } from '../../app/identity';
import type { AppDeps } from '../../app/deps';

/**
 * Slack user → staff record. A linked person is found by Slack id; on first contact the bot
 * asks Slack for the e-mail (users.info, needs users:read.email) and resolveActor links them.
 */
export async function slackActor(deps: AppDeps & { defaultTenantId?: string }, client: webApi.WebClient, user: { userId: string; teamId: string }): Promise<ActorResult> {
  const identity = { platform: 'slack' as const, platformTenantId: user.teamId, userId: user.userId };
  const known = await resolveActor(deps, identity, deps.defaultTenantId);
  if (known.ok) return known;
  const info = await client.users.info({ user: user.userId });
  const email = info.user?.profile?.email;
  if (!email) return known;
  const name = info.user?.real_name ?? info.user?.name;
  return resolveActor(deps, { ...identity, email, ...(name ? { name } : {}) }, deps.defaultTenantId);
}
