import { PLATFORM_DIRECTORY, platformTenantLinkId, type Tenant } from '../../domain';
import type { Store } from '../../store/store';

type Platform = 'teams' | 'slack';

const named = (tenant: Tenant, platform: Platform, platformTenantId: string): boolean =>
  platform === 'teams' ? tenant.teamsTenantId === platformTenantId : tenant.slackTeamId === platformTenantId || Boolean(tenant.slackTeamIds?.includes(platformTenantId));

/**
 * The tenant a Teams (Entra) tenant or Slack workspace is linked to: two point reads (the link,
 * then the tenant). A tenant written before the directory existed is found once by a query and
 * its link written then, so the next look-up is a point read too.
 */
export async function tenantOfPlatform(
  store: Pick<Store, 'tenants' | 'platformTenants'>,
  platform: Platform,
  platformTenantId: string,
  now: Date,
): Promise<Tenant | undefined> {
  const link = await store.platformTenants.get(PLATFORM_DIRECTORY, platformTenantLinkId(platform, platformTenantId));
  if (link) {
    const tenant = (await store.tenants.get(link.value.targetTenantId, link.value.targetTenantId))?.value;
    // A link left behind after the tenant's platform id changed points nowhere.
    if (tenant && named(tenant, platform, platformTenantId)) return tenant;
  }
  const field = platform === 'teams' ? 'teamsTenantId' : 'slackTeamId';
  const [match] = await store.tenants.findAcrossTenants({ where: { [field]: platformTenantId }, limit: 1 });
  if (!match) return undefined;
  await store.platformTenants.put({
    tenantId: PLATFORM_DIRECTORY,
    id: platformTenantLinkId(platform, platformTenantId),
    platform,
    platformTenantId,
    targetTenantId: match.value.id,
    updatedAt: now.toISOString(),
  });
  return match.value;
}
