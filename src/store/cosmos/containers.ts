import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../collections';

/** One key for every container; why not hierarchical keys (yet): docs/decisions.md, 25. */
export const PARTITION_KEY_PATH = '/tenantId';

/**
 * The container of a tenant's answering: what one answer reads (the questionnaire, whether the
 * person took part, the receipt, the planner's request) and writes (the answer, the receipt, the
 * plan request, the Slack claim marked done, a gap task), so one query reads and one transactional
 * batch writes it (issue 28; docs/decisions.md, 75). Every other collection has a container of its own.
 */
export const ANSWERS_CONTAINER = 'answers';

/**
 * Not anonymousResponses: an anonymous answer is never written in one batch with its receipt,
 * since a batch commits at one log sequence number (`_lsn`), which would join the two.
 */
const IN_ANSWERS: ReadonlySet<CollectionName> = new Set<CollectionName>([
  'questionnaires',
  'participations',
  'responses',
  'receipts',
  'gapTasks',
  'planRequests',
  'idempotencyKeys',
]);

/** The field naming a shared container's document's collection; the domain never sees it. */
export const DOC_TYPE_FIELD = 'docType';

export interface Placement {
  container: string;
  /** Set in a shared container: documents carry it as `docType`, and their ids are prefixed with it. */
  docType?: CollectionName;
}

export function placementOf(name: CollectionName): Placement {
  return IN_ANSWERS.has(name) ? { container: ANSWERS_CONTAINER, docType: name } : { container: name };
}

/** The collections moved into the answers container: their containers of the earlier layout must be empty or gone. */
export const MOVED_TO_ANSWERS: readonly CollectionName[] = COLLECTION_NAMES.filter((name) => IN_ANSWERS.has(name));

/** A shared container's ids are the collection's name, a colon and the document's id, so two collections never collide. */
export function storedIdOf(placement: Placement, id: string): string {
  return placement.docType ? `${placement.docType}:${id}` : id;
}

export function ownIdOf(placement: Placement, storedId: string): string {
  return placement.docType && storedId.startsWith(`${placement.docType}:`) ? storedId.slice(placement.docType.length + 1) : storedId;
}

/** Every container the app uses, each with the collections it holds, in COLLECTIONS order. */
export function containerNames(): string[] {
  return [...new Set(COLLECTION_NAMES.map((name) => placementOf(name).container))];
}

function membersOf(container: string): CollectionName[] {
  return COLLECTION_NAMES.filter((name) => placementOf(name).container === container);
}

/** The answers container's sorts on one field with no other equality filter (`orderBy` in src/: the planner's due requests, the status page, the answers export, open questionnaires). */
const SORTED_ALONE: Partial<Record<CollectionName, readonly string[]>> = {
  planRequests: ['availableAt'],
  responses: ['submittedAt'],
  questionnaires: ['closesAt'],
};

const pathOf = (field: string): string => `/${field.replace(/\[\]$/, '.[]').split('.').join('/')}/?`;

/**
 * Index only what the hot queries filter or sort on (plus tenantId, and docType where collections
 * share a container): writes cost fewer request units than with the default index-everything policy.
 */
export function indexingPolicyFor(container: string): IndexingPolicy {
  const members = membersOf(container);
  const shared = members.length > 1 || members[0] !== container;
  const fields = [...new Set(['tenantId', ...(shared ? [DOC_TYPE_FIELD] : []), ...members.flatMap((name) => COLLECTIONS[name].indexed)])];
  // In a shared container every query also filters on docType: its composites lead with it, and a
  // sort on one field becomes a filter and a sort, served by [docType, field].
  const composites = shared
    ? [...members.flatMap((name) => COLLECTIONS[name].composites.map((c) => [DOC_TYPE_FIELD, ...c])), ...members.flatMap((name) => (SORTED_ALONE[name] ?? []).map((f) => [DOC_TYPE_FIELD, f]))]
    : members.flatMap((name) => COLLECTIONS[name].composites);
  return {
    indexingMode: 'consistent',
    automatic: true,
    // `facilitatorIds[]` → `/facilitatorIds/[]/?`: every element of the array.
    includedPaths: fields.map((f) => ({ path: pathOf(f) })),
    excludedPaths: [{ path: '/*' }, { path: '/"_etag"/?' }],
    ...(composites.length > 0 ? { compositeIndexes: composites.map((fields) => fields.map((f) => ({ path: `/${f.split('.').join('/')}`, order: 'ascending' as const }))) } : {}),
  };
}

export function containerDefinitionFor(container: string): ContainerDefinition {
  const members = membersOf(container);
  if (members.length === 0) throw new Error(`no collection lives in a container named ${JSON.stringify(container)}`);
  return {
    id: container,
    partitionKey: { paths: [PARTITION_KEY_PATH] },
    indexingPolicy: indexingPolicyFor(container),
    // -1: TTL is on, and each document says whether and when it expires.
    ...(members.some((name) => COLLECTIONS[name].ttl) ? { defaultTtl: -1 } : {}),
  };
}
