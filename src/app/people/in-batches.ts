import type { Collection, Filter, TenantDoc, Versioned } from '../../store/port';

/** Documents per batch: one query's worth, and a well-sized IN list for the next one. */
export const BATCH_SIZE = 500;

/**
 * Works through every document a filter matches, a batch at a time, for work that makes each one
 * stop matching (deleting it, unlinking it): the query is asked again after each batch, so only one
 * batch is ever held, however many match. It ends when nothing matches, or when a batch brings
 * back only documents already handled (the work did not take), so it can never loop for ever.
 * Returns how many were handled.
 */
export async function inBatches<T extends TenantDoc>(
  collection: Collection<T>,
  tenantId: string,
  where: Filter,
  handle: (batch: Versioned<T>[]) => Promise<void>,
  batchSize = BATCH_SIZE,
): Promise<number> {
  let handled = 0;
  let previous = new Set<string>();
  for (;;) {
    const rows = await collection.find(tenantId, { where, limit: batchSize });
    const fresh = rows.filter((r) => !previous.has(r.value.id));
    if (fresh.length === 0) return handled;
    await handle(fresh);
    handled += fresh.length;
    if (rows.length < batchSize) return handled;
    previous = new Set(rows.map((r) => r.value.id));
  }
}
