import type { Collection, TenantDoc } from './port';

export type CollectionWrites<T extends TenantDoc> = Pick<Collection<T>, 'create' | 'createMany' | 'put' | 'delete'>;

/**
 * A collection whose reads go straight to `inner` and whose writes are the given ones: the shape of
 * every decorator that acts after a write (the tenant directory, the change log, the actor cache).
 */
export function withWrites<T extends TenantDoc>(inner: Collection<T>, writes: CollectionWrites<T>): Collection<T> {
  return {
    name: inner.name,
    get: (tenantId, id) => inner.get(tenantId, id),
    find: (tenantId, query) => inner.find(tenantId, query),
    count: (tenantId, where) => inner.count(tenantId, where),
    findAcrossTenants: (query) => inner.findAcrossTenants(query),
    iterate: (tenantId, query, options) => inner.iterate(tenantId, query, options),
    ...writes,
  };
}
