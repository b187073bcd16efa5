import type { Collection, Filter, TenantDoc } from './port';

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
  const unique = [...new Set(values)];
  const found: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await collection.find(tenantId, { where: { ...where, [field]: { in: unique.slice(i, i + CHUNK) } } });
    for (const row of rows) found.push(row.value);
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
