import type { TwilightInstallationStore } from './installation-store';
import type { WorkspaceClients } from './workspace-clients';
import type { webApi } from '@slack/bolt';
import { findPlatformTenant, resolveActor } from '../../app/identity';
import type { AppDeps } from '../../app/deps';

export interface SlackLinkCounts {
  /** The tenant this workspace serves (absent: the workspace is linked to none and no default applies). */
  tenantId?: string;
  linked: number;
  /** Active staff without a Slack account of that e-mail in the workspace. */
  notFound: number;
}

/** users.list is Tier 2 (20+ calls a minute): one page of 200 members every 3 s stays well inside it. */
export const USERS_LIST_PAGE = 200;
export const USERS_LIST_SPACING_MS = 3000;

export interface LinkPacing {
  /** Waits between pages (the scheduler's virtual sleep in tests). */
  sleep: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** E-mail (lower case) → Slack user id for every active human member of the workspace, page by page. */
async function workspaceEmails(client: webApi.WebClient, pacing: LinkPacing): Promise<Map<string, string>> {
  const byEmail = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await client.users.list({ limit: USERS_LIST_PAGE, ...(cursor ? { cursor } : {}) });
    for (const member of page.members ?? []) {
      const email = member.profile?.email?.trim().toLowerCase();
      if (member.id && email && !member.deleted && !member.is_bot) byEmail.set(email, member.id);
    }
    cursor = page.response_metadata?.next_cursor || undefined;
    if (cursor) await pacing.sleep(USERS_LIST_SPACING_MS);
  } while (cursor);
  return byEmail;
}

/**
 * Links staff who have not yet spoken to the bot, so their first message can be a proactive DM:
 * the workspace's members by e-mail (users.list with users:read.email, a page at a time), then
 * resolveActor links each unlinked person found, which also sends what failed for them earlier for
 * want of a linked account. `tenantId`: the tenant to link; absent, the one this workspace serves.
 */
export async function linkSlackUsersByEmail(
  deps: AppDeps & { defaultTenantId?: string },
  client: webApi.WebClient,
  tenantId: string | undefined,
  pacing: LinkPacing = { sleep: realSleep },
): Promise<SlackLinkCounts> {
  const auth = await client.auth.test();
  const teamId = auth.team_id;
  if (!teamId) return { linked: 0, notFound: 0 };
  const target = tenantId ?? (await findPlatformTenant(deps, 'slack', teamId, deps.defaultTenantId))?.id;
  if (!target) return { linked: 0, notFound: 0 };
  const unlinked = await deps.store.staff.find(target, { where: { 'slack.userId': { exists: false }, active: true } });
  if (unlinked.length === 0) return { tenantId: target, linked: 0, notFound: 0 };
  const members = await workspaceEmails(client, pacing);
  let linked = 0;
  let notFound = 0;
  for (const { value: staff } of unlinked) {
    const userId = members.get(staff.email.trim().toLowerCase());
    if (!userId) {
      notFound++;
      continue;
    }
    const result = await resolveActor(deps, { platform: 'slack', platformTenantId: teamId, userId, email: staff.email }, target);
    if (result.ok) linked++;
  }
  return { tenantId: target, linked, notFound };
}

/**
 * With OAuth installs: each workspace is linked with its own token, into the tenant it is linked
 * to (or only `tenantId`'s workspace). Counts are summed; `tenantId` is the one asked for.
 */
export async function linkEveryWorkspace(
  deps: AppDeps & { defaultTenantId?: string },
  installations: TwilightInstallationStore,
  clients: WorkspaceClients,
  tenantId: string | undefined,
  pacing?: LinkPacing,
): Promise<SlackLinkCounts> {
  const total: SlackLinkCounts = { ...(tenantId ? { tenantId } : {}), linked: 0, notFound: 0 };
  for (const installation of await installations.all()) {
    if (!installation.teamId) continue;
    // Each workspace into the tenant it is linked to; when asked for one tenant, only its workspaces.
    const tenant = await findPlatformTenant(deps, 'slack', installation.teamId, undefined);
    if (!tenant || (tenantId && tenant.id !== tenantId)) continue;
    const client = await clients.forTeam(installation.teamId);
    if (!client) continue;
    const counts = await linkSlackUsersByEmail(deps, client, tenant.id, pacing);
    total.linked += counts.linked;
    total.notFound += counts.notFound;
  }
  return total;
}
