import type { z } from 'zod';
import type { CollectionSpec } from './collections';
import { uncoveredBy } from './index-coverage';
import { ParsedVersions } from './parsed-versions';
import {
  InvalidRecordError,
  type Collection,
  type DeleteResult,
  type Filter,
  type IterateOptions,
  type Query,
  type RawCollection,
  tenantOfAll,
  type TenantDoc,
  type Versioned,
  type WriteOptions,
  type WriteResult,
} from './port';

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`);
}

/**
 * Wraps an adapter's raw collection so that every record is parsed with its zod schema
 * before it is written (a bad record throws and nothing is written) and after it is read.
 */
export function validating<T extends TenantDoc>(raw: RawCollection, spec: CollectionSpec): Collection<T> {
  const parse = (doc: unknown): T => {
    const result = spec.schema.safeParse(doc);
    if (!result.success) throw new InvalidRecordError(raw.name, issuesOf(result.error));
    return result.data as T;
  };
  const parseRead = (v: Versioned<TenantDoc & Record<string, unknown>>): Versioned<T> => ({
    value: parse(v.value),
    version: v.version,
  });
  // A point read of a version parsed before and found unchanged by its schema needs no second parse
  // (the value is the adapter's fresh copy either way). Lists are not remembered: a scan of thousands
  // of documents read once would pay the comparison for nothing.
  const parsedVersions = new ParsedVersions();
  const parsePointRead = (tenantId: string, id: string, v: Versioned<TenantDoc & Record<string, unknown>>): Versioned<T> => {
    if (parsedVersions.has(tenantId, id, v.version)) return v as Versioned<T>;
    const read = parseRead(v);
    parsedVersions.noteIfUnchanged(tenantId, id, v.version, v.value, read.value);
    return read;
  };
  // The adapters hand back the document they were given, which was parsed just before: parse only something else.
  const parseWrite = (written: T, r: WriteResult<TenantDoc & Record<string, unknown>>): WriteResult<T> =>
    r.ok ? { ok: true, value: r.value === written ? written : parse(r.value), version: r.version } : r;
  // Real Cosmos DB refuses ORDER BY on a path its indexing policy excludes, and scans for a filter on one:
  // catch both here, in every adapter, since the emulator enforces no policy.
  const checkIndexed = (query?: Query, where: Filter | undefined = query?.where): void => {
    const uncovered = uncoveredBy(spec, query, where);
    if (uncovered) throw new Error(`${raw.name} does not index ${uncovered}: add it to the collection's indexes`);
  };
  const checkTtl = (options?: WriteOptions): void => {
    if (options?.ttlSeconds !== undefined && !spec.ttl) throw new Error(`${raw.name} documents do not expire`);
  };

  return {
    name: raw.name,
    async get(tenantId: string, id: string) {
      const found = await raw.get(tenantId, id);
      return found ? parsePointRead(tenantId, id, found) : undefined;
    },
    async create(doc: T, options?: WriteOptions) {
      checkTtl(options);
      const valid = parse(doc);
      return parseWrite(valid, await raw.create(valid as TenantDoc & Record<string, unknown>, options));
    },
    async createMany(docs: readonly T[], options?: WriteOptions) {
      checkTtl(options);
      tenantOfAll(docs);
      // Every document is parsed before the first is written: one bad record and nothing is written.
      const valid = docs.map(parse);
      const results = await raw.createMany(valid as (TenantDoc & Record<string, unknown>)[], options);
      return results.map((r, i) => parseWrite(valid[i]!, r));
    },
    async put(doc: T, options?: WriteOptions & { ifVersion?: string }) {
      checkTtl(options);
      const valid = parse(doc);
      return parseWrite(valid, await raw.put(valid as TenantDoc & Record<string, unknown>, options));
    },
    delete(tenantId: string, id: string, options?: { ifVersion?: string }): Promise<DeleteResult> {
      return raw.delete(tenantId, id, options);
    },
    async find(tenantId: string, query?: Query) {
      checkIndexed(query);
      return (await raw.find(tenantId, query)).map(parseRead);
    },
    async count(tenantId: string, where?: Filter) {
      checkIndexed(undefined, where);
      return raw.count(tenantId, where);
    },
    async findAcrossTenants(query?: Query) {
      checkIndexed(query);
      return (await raw.findAcrossTenants(query)).map(parseRead);
    },
    async *iterate(tenantId: string, query?: Omit<Query, 'limit'>, options?: IterateOptions) {
      checkIndexed(query);
      for await (const row of raw.iterate(tenantId, query, options)) yield parseRead(row);
    },
  };
}
