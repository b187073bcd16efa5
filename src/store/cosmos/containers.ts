import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';
import { COLLECTIONS, type CollectionName } from '../collections';

/** One key for every container; why not hierarchical keys (yet): docs/decisions.md, 25. */
export const PARTITION_KEY_PATH = '/tenantId';

/**
 * Index only what the hot queries filter or sort on (plus tenantId): writes cost fewer
 * request units than with the default index-everything policy.
 */
export function indexingPolicyFor(name: CollectionName): IndexingPolicy {
  const fields = ['tenantId', ...COLLECTIONS[name].indexed];
  return {
    indexingMode: 'consistent',
    automatic: true,
    // `facilitatorIds[]` → `/facilitatorIds/[]/?`: every element of the array.
    includedPaths: fields.map((f) => ({ path: `/${f.replace(/\[\]$/, '.[]').split('.').join('/')}/?` })),
    excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }],
    ...(COLLECTIONS[name].composites.length > 0
      ? { compositeIndexes: COLLECTIONS[name].composites.map((fields) => fields.map((f) => ({ path: `/${f.split('.').join('/')}`, order: 'ascending' as const }))) }
      : {}),
  };
}

export function containerDefinitionFor(name: CollectionName): ContainerDefinition {
  return {
    id: name,
    partitionKey: { paths: [PARTITION_KEY_PATH] },
    indexingPolicy: indexingPolicyFor(name),
    // -1: TTL is on, and each document says whether and when it expires.
    ...(COLLECTIONS[name].ttl ? { defaultTtl: -1 } : {}),
  };
}
