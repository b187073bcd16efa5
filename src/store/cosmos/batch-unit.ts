import { AsyncLocalStorage } from 'node:async_hooks';
import { BulkOperationType, type Container, type JSONObject, type OperationInput, type OperationResponse } from '@azure/cosmos';
import { chargeOf, statusOf, type RequestChargeMeter } from './request-charges';

/** A document as the container stores it: the prefixed id, docType, and maybe ttl. */
export type StoredBody = Record<string, unknown> & { id: string; tenantId: string };

/** What a unit knows of one document: its stored body and ETag, or null for "absent". */
export type Seen = { body: StoredBody; etag: string } | null;

type PendingWrite =
  | { kind: 'create' | 'upsert'; body: StoredBody }
  | { kind: 'replace'; body: StoredBody; ifMatch: string }
  | { kind: 'delete'; id: string };

/** The unit's work cannot go as one batch (a second tenant, another container, a query after a write): it runs again, write by write. */
export class UnitAbandoned extends Error {
  constructor(why: string) {
    super(`one batch cannot carry this work: ${why}`);
    this.name = 'UnitAbandoned';
  }
}

/** A transactional batch holds at most 100 operations (Cosmos DB's limit). */
const MAX_OPERATIONS = 100;
/** The statuses of an operation that a repeat or a race explains: the work is then run write by write and sees why. */
const RACE_STATUSES: ReadonlySet<number> = new Set([404, 409, 412]);

/** What a unit knows is by tenant and stored id: one id may be in two tenants' partitions. */
const keyOf = (tenantId: string, storedId: string): string => `${tenantId}\u0000${storedId}`;

/** Versions handed out for writes the batch has not made yet; never a real ETag. */
export const PENDING_VERSION = 'pending-in-batch';

/**
 * One request's writes to the answers container, kept until the work returns and then sent as one
 * transactional batch (issue 28: an answer in at most 3 operations; docs/decisions.md, 75). Reads
 * come first and hold nothing, as on SQLite: what the unit read, read ahead or wrote is answered
 * from here, so nothing is read twice and nothing just written is read back.
 */
export class BatchUnit {
  tenantId: string | undefined;
  abandoned: string | undefined;
  private readonly writes: PendingWrite[] = [];
  private readonly written = new Map<string, PendingWrite>();

  /**
   * `direct`: the work again after it could not go as one batch: every write is made at once, and
   * what the first run read is answered from here (reads come before writes, as in the first run).
   */
  constructor(
    readonly direct = false,
    private readonly seen = new Map<string, Seen>(),
  ) {}

  /** The same work once more, write by write, keeping what this run read. */
  readsOnly(): BatchUnit {
    return new BatchUnit(true, this.seen);
  }

  /** A write made at once (direct): what was read of that document before is no longer what is stored. */
  forget(tenantId: string, storedId: string): void {
    this.seen.delete(keyOf(tenantId, storedId));
  }

  /** Only one tenant's documents share a batch (one partition key). */
  private use(tenantId: string): void {
    this.tenantId ??= tenantId;
    if (this.tenantId !== tenantId) this.abandon('documents of two tenants');
  }

  abandon(why: string): never {
    this.abandoned ??= why;
    throw new UnitAbandoned(why);
  }

  check(): void {
    if (this.abandoned) throw new UnitAbandoned(this.abandoned);
  }

  remember(tenantId: string, storedId: string, seen: Seen): void {
    if (!this.written.has(keyOf(tenantId, storedId))) this.seen.set(keyOf(tenantId, storedId), seen);
  }

  /** What the unit knows of a document: a pending write first, then what it read; undefined when it has not looked. */
  known(tenantId: string, storedId: string): Seen | undefined {
    this.check();
    const key = keyOf(tenantId, storedId);
    const write = this.written.get(key);
    if (write) return write.kind === 'delete' ? null : { body: write.body, etag: PENDING_VERSION };
    return this.seen.get(key);
  }

  hasWrites(): boolean {
    return this.writes.length > 0;
  }

  add(tenantId: string, storedId: string, write: PendingWrite): void {
    this.check();
    this.use(tenantId);
    // A second write to one document in one answer is not an answer's shape: keep it simple and exact.
    if (this.written.has(keyOf(tenantId, storedId))) this.abandon(`a second write to ${storedId}`);
    if (this.writes.length >= MAX_OPERATIONS) this.abandon(`more than ${MAX_OPERATIONS} writes`);
    this.writes.push(write);
    this.written.set(keyOf(tenantId, storedId), write);
  }

  /** Sends the writes as one batch. 'race': nothing was written (409 / 412 / 404 on one of them); run the work again write by write. */
  async commit(container: Container, meter: RequestChargeMeter): Promise<'done' | 'race'> {
    if (this.writes.length === 0) return 'done';
    const partitionKey = this.tenantId!;
    const operations: OperationInput[] = this.writes.map((w) => {
      switch (w.kind) {
        case 'create':
          return { operationType: BulkOperationType.Create, partitionKey, resourceBody: w.body as JSONObject };
        case 'upsert':
          return { operationType: BulkOperationType.Upsert, partitionKey, resourceBody: w.body as JSONObject };
        case 'replace':
          return { operationType: BulkOperationType.Replace, partitionKey, id: w.body.id, resourceBody: w.body as JSONObject, ifMatch: w.ifMatch };
        case 'delete':
          return { operationType: BulkOperationType.Delete, partitionKey, id: w.id };
      }
    });
    let results: OperationResponse[];
    try {
      const response = await container.items.batch(operations, partitionKey);
      meter.record({ collection: container.id, operation: 'batch', requestCharge: chargeOf(response), documents: operations.length });
      results = response.result ?? [];
    } catch (error) {
      meter.record({ collection: container.id, operation: 'batch', requestCharge: chargeOf(error), documents: 0 });
      const status = statusOf(error);
      if (status !== undefined && RACE_STATUSES.has(status)) return 'race';
      throw error;
    }
    if (results.every((r) => r.statusCode < 400)) return 'done';
    // Failed as a whole (207): the failing operation has its own status, every other 424.
    const failed = results.filter((r) => r.statusCode >= 400 && r.statusCode !== 424);
    if (failed.length > 0 && failed.every((r) => RACE_STATUSES.has(r.statusCode))) return 'race';
    throw new Error(`the answer's batch failed: ${results.map((r) => r.statusCode).join(', ')}`);
  }
}

/** Where a request's unit lives while its work runs. */
export class BatchUnits {
  private readonly current = new AsyncLocalStorage<BatchUnit>();

  active(): BatchUnit | undefined {
    return this.current.getStore();
  }

  /**
   * Runs `work` with its answers-container writes held back and sent as one batch when it returns.
   * When the batch meets a repeat or a race (nothing written), the work runs again with every write
   * made at once, reading afresh, and so answers as a repeat does. When the work cannot go as one
   * batch (an anonymous answer, a second tenant, a query after a write), it runs again write by
   * write, keeping what it read. So `work` must touch nothing but the store (src/app/answer-together.ts).
   */
  async run<T>(container: Container, meter: RequestChargeMeter, work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const unit = new BatchUnit();
    let result: T;
    try {
      result = await this.current.run(unit, work);
    } catch (error) {
      if (error instanceof UnitAbandoned || unit.abandoned) return this.current.run(unit.readsOnly(), work);
      throw error;
    }
    if (unit.abandoned) return this.current.run(unit.readsOnly(), work);
    // A race: what the unit read is known to be out of date, so the work reads afresh.
    return (await unit.commit(container, meter)) === 'done' ? result : this.outside(work);
  }

  /** The work again, write by write, outside any unit. */
  private outside<T>(work: () => Promise<T>): Promise<T> {
    return this.current.exit(work);
  }
}
