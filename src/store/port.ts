/**
 * The store port. Use cases see only this; the embedded (SQLite) and Cosmos DB adapters
 * implement it and pass one contract suite. Every document belongs to a tenant, and every
 * read or write names the tenant, so one tenant can never reach another's data.
 */

export type Scalar = string | number | boolean;

/** A condition on one field. A bare scalar means equality. */
export type Condition =
  | Scalar
  | {
      eq?: Scalar;
      ne?: Scalar;
      in?: readonly Scalar[];
      lt?: Scalar;
      lte?: Scalar;
      gt?: Scalar;
      gte?: Scalar;
      /** true: the field is present; false: absent. */
      exists?: boolean;
      /** The field is an array holding this value. */
      contains?: Scalar;
    };

/** Field path (dots for nested fields) to condition; all must hold. */
export type Filter = Readonly<Record<string, Condition>>;

export interface Query {
  where?: Filter;
  orderBy?: { field: string; direction?: 'asc' | 'desc' };
  limit?: number;
}

export interface Versioned<T> {
  value: T;
  /** The ETag of the stored document; pass it back as `ifVersion` to update it safely. */
  version: string;
}

export type WriteResult<T> =
  | { ok: true; value: T; version: string }
  /** exists: create found the id taken; conflict: ifVersion was stale; absent: nothing to replace. */
  | { ok: false; reason: 'exists' | 'conflict' | 'absent' };

export type DeleteResult = { ok: true } | { ok: false; reason: 'absent' | 'conflict' };

export interface WriteOptions {
  /** Expire the document this many seconds after this write (Cosmos TTL; purged by the embedded store). */
  ttlSeconds?: number;
}

export interface TenantDoc {
  tenantId: string;
  id: string;
}

export interface Collection<T extends TenantDoc> {
  readonly name: string;
  get(tenantId: string, id: string): Promise<Versioned<T> | undefined>;
  /** Create only if absent: the idempotent write. */
  create(doc: T, options?: WriteOptions): Promise<WriteResult<T>>;
  /**
   * Create-if-absent for many documents of one tenant at once (one transaction on SQLite; bulk on Cosmos).
   * Results in input order, each as `create` would give it (`exists` for a taken id, the stored one untouched).
   * Documents of more than one tenant throw before anything is written; an empty array gives [].
   */
  createMany(docs: readonly T[], options?: WriteOptions): Promise<WriteResult<T>[]>;
  /** Upsert, or with `ifVersion` replace only the version read (optimistic concurrency). */
  put(doc: T, options?: WriteOptions & { ifVersion?: string }): Promise<WriteResult<T>>;
  delete(tenantId: string, id: string, options?: { ifVersion?: string }): Promise<DeleteResult>;
  find(tenantId: string, query?: Query): Promise<Versioned<T>[]>;
  count(tenantId: string, where?: Filter): Promise<number>;
  /** Only for the scheduler and operators: a query over every tenant. */
  findAcrossTenants(query?: Query): Promise<Versioned<T>[]>;
  /**
   * The same query page by page (continuation tokens on Cosmos, keyset on SQLite), so a reader of a
   * whole tenant's answers holds one page at a time. With `orderBy`, documents without that field are
   * left out (as Cosmos DB's ORDER BY does).
   */
  iterate(tenantId: string, query?: Omit<Query, 'limit'>, options?: IterateOptions): AsyncIterable<Versioned<T>>;
}

export interface IterateOptions {
  /** Documents per round trip; default 500. */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 500;

/** What an adapter provides per collection: JSON in and out, no validation. */
export type RawCollection = Collection<TenantDoc & Record<string, unknown>>;

/** A record failed its schema; nothing was written (or the stored one is unreadable). */
export class InvalidRecordError extends Error {
  constructor(
    readonly collection: string,
    readonly issues: string[],
  ) {
    super(`invalid ${collection} record: ${issues.join('; ')}`);
    this.name = 'InvalidRecordError';
  }
}

/** The one tenant a createMany writes to; documents of several tenants are refused before any write. */
export function tenantOfAll(docs: readonly TenantDoc[]): string | undefined {
  const tenantId = docs[0]?.tenantId;
  for (const doc of docs) {
    if (doc.tenantId !== tenantId) throw new Error(`createMany writes one tenant's documents: ${JSON.stringify(tenantId)} and ${JSON.stringify(doc.tenantId)} given`);
  }
  return tenantId;
}

const FIELD_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** Field paths go into SQL text in both adapters, so only plain identifiers are allowed. */
export function assertFieldPath(path: string): string {
  if (!FIELD_PATH.test(path)) throw new Error(`not a queryable field path: ${JSON.stringify(path)}`);
  return path;
}

export function assertLimit(limit: number | undefined): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100000) throw new Error(`bad query limit: ${limit}`);
  return limit;
}
