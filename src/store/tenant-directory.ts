import { PLATFORM_DIRECTORY, platformTenantLinkId, type PlatformTenantLink, type Tenant } from '../domain';
import type { Collection, WriteResult } from './port';
import { withWrites } from './with-writes';

/** The links a tenant document implies: one per platform tenant id it names. */
export function linksOf(tenant: Tenant, now: Date): PlatformTenantLink[] {
  const links: PlatformTenantLink[] = [];
  const link = (platform: PlatformTenantLink['platform'], platformTenantId: string | undefined): void => {
    if (!platformTenantId) return;
    links.push({ tenantId: PLATFORM_DIRECTORY, id: platformTenantLinkId(platform, platformTenantId), platform, platformTenantId, targetTenantId: tenant.id, updatedAt: now.toISOString() });
  };
  link('teams', tenant.teamsTenantId);
  link('slack', tenant.slackTeamId);
  for (const teamId of tenant.slackTeamIds ?? []) link('slack', teamId);
  return links;
}

/**
 * The tenants collection, writing the platform directory's links after each tenant write that
 * lands (an upsert of the same link: repeatable). A link left behind by a changed platform id is
 * harmless: the resolver checks the tenant it points to still names that platform id.
 */
export function withTenantDirectory(tenants: Collection<Tenant>, links: Collection<PlatformTenantLink>, now: () => Date = () => new Date()): Collection<Tenant> {
  const linked = async (write: Promise<WriteResult<Tenant>>): Promise<WriteResult<Tenant>> => {
    const result = await write;
    if (result.ok) for (const link of linksOf(result.value, now())) await links.put(link);
    return result;
  };
  return withWrites(tenants, {
    delete: (t, id, o) => tenants.delete(t, id, o),
    create: (doc, options) => linked(tenants.create(doc, options)),
    createMany: async (docs, options) => {
      const results = await tenants.createMany(docs, options);
      for (const result of results) await linked(Promise.resolve(result));
      return results;
    },
    put: (doc, options) => linked(tenants.put(doc, options)),
  });
}
