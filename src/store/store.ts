import type { z } from 'zod';
import type { COLLECTIONS, CollectionName } from './collections';
import type { Collection } from './port';

/** One document of one collection, by id. */
export interface DocRef {
  collection: CollectionName;
  id: string;
}

type DocOf<N extends CollectionName> = z.infer<(typeof COLLECTIONS)[N]['schema']>;

export type Collections = { [N in CollectionName]: Collection<DocOf<N>> };

/** The whole store: one typed collection per aggregate, and the adapter's own lifecycle. */
export interface Store extends Collections {
  readonly kind: 'embedded' | 'cosmos';
  /** Cheap round trip for /healthz. */
  ping(): Promise<void>;
  /** Proves the store takes a write now (for /readyz): a full disk or a lost account throws. */
  checkWritable(): Promise<void>;
  /**
   * After an erasure: leaves no deleted document readable in the store's own files. SQLite rebuilds
   * the file (VACUUM) and empties its WAL; Cosmos DB has nothing to do (a deleted item is gone from
   * every API, and the service purges its storage itself).
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
  /**
   * Runs `work` so that all its writes commit together (SQLite: one transaction, begun at the first
   * write, committed when `work` returns, rolled back when it throws; issue 28). A store without it
   * commits each write alone. Only for work that touches nothing but the store: other writers in the
   * process wait while the transaction is open.
   */
  inOneTransaction?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Inside `inOneTransaction`: the documents the work is about to read, so a store whose reads are
   * round trips fetches them in one (Cosmos: one query of the answers container; decision 75). A
   * hint: a document not named is read when asked for, and a wrong one only costs its share of it.
   */
  readAhead?(tenantId: string, refs: readonly DocRef[]): Promise<void>;
}
