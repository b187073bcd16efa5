import type { CollectionSpec } from './collections';
import { assertFieldPath, type Condition, type Filter, type Query } from './port';

/** Every document has these indexed: the id (Cosmos' own) and the partition key. */
const ALWAYS_INDEXED = new Set(['id', 'tenantId']);

/** An array's elements are indexed as `field[]` (Cosmos path `/field/[]/?`); `contains` needs that. */
export const arrayElements = (field: string): string => `${field}[]`;

const isEquality = (c: Condition): boolean => typeof c !== 'object' || (c.eq !== undefined && Object.keys(c).length === 1);

/**
 * Real Cosmos DB with our policy (`/*` excluded) answers a filter or a sort on a path it does not
 * index with a scan, or refuses it (ORDER BY); the emulator does neither, so the validating store
 * checks every query here, for both adapters. Returns why a query is not covered, or undefined.
 */
export function uncoveredBy(spec: CollectionSpec, query: Query | undefined, where: Filter | undefined = query?.where): string | undefined {
  const indexed = (path: string) => ALWAYS_INDEXED.has(path) || spec.indexed.includes(path);
  for (const [path, condition] of Object.entries(where ?? {})) {
    assertFieldPath(path); // an unsafe path is refused as such, before it is looked up
    const needsElements = typeof condition === 'object' && condition.contains !== undefined;
    if (needsElements && !spec.indexed.includes(arrayElements(path))) return `a filter on the elements of ${path} (index ${arrayElements(path)})`;
    if (!needsElements && !indexed(path)) return `a filter on ${path}`;
  }
  const sort = query?.orderBy?.field;
  if (sort === undefined) return undefined;
  if (!indexed(sort)) return `a sort on ${sort}`;
  // Equality filters then the sort field: one composite index serves the filter and the order.
  const equalities = Object.entries(where ?? {})
    .filter(([path, c]) => path !== 'tenantId' && path !== sort && isEquality(c))
    .map(([path]) => path);
  if (equalities.length === 0) return undefined;
  const served = spec.composites.some(
    (fields) => fields.length === equalities.length + 1 && fields.at(-1) === sort && equalities.every((f) => fields.slice(0, -1).includes(f)),
  );
  return served ? undefined : `a sort on ${sort} after equality on ${equalities.join(', ')} (composite index [${[...equalities, sort].join(', ')}])`;
}
