import type { Collection, Filter, TenantDoc, Versioned } from './port';

/** Both adapters bind each IN value as a parameter; chunks keep every query well inside their limits. */
const CHUNK = 500;

/** `find` with `field IN values`, split into chunks; no values means no query at all. */
export async function findWhereIn<T extends TenantDoc>(
  collection: Collection<T>,
  tenantId: string,
  field: string,
  values: readonly string[],
  where: Filter = {},
): Promise<T[]> {
  return (await findVersionedWhereIn(collection, tenantId, field, values, where)).map((row) => row.value);
}

/** The same, with each document's version, for a write under its ETag. */
export async function findVersionedWhereIn<T extends TenantDoc>(
  collection: Collection<T>,
  tenantId: string,
  field: string,
  values: readonly string[],
  where: Filter = {},
): Promise<Versioned<T>[]> {
  const unique = [...new Set(values)];
  const found: Versioned<T>[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    found.push(...(await collection.find(tenantId, { where: { ...where, [field]: { in: unique.slice(i, i + CHUNK) } } })));
  }
  return found;
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
