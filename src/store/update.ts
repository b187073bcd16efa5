import type { Collection, TenantDoc, Versioned, WriteOptions } from './port';

export type UpdateResult<T> =
  | { ok: true; value: T; version: string; changed: boolean }
  | { ok: false; reason: 'absent' | 'conflict' };

/**
 * Read, change and write back under the ETag, retrying when another writer got in first.
 * `change` returns the new document, or undefined to leave the stored one as it is.
 */
export async function updateWithRetry<T extends TenantDoc>(
  collection: Collection<T>,
  tenantId: string,
  id: string,
  change: (current: T) => T | undefined,
  options: WriteOptions & { attempts?: number } = {},
): Promise<UpdateResult<T>> {
  const attempts = options.attempts ?? 5;
  for (let i = 0; i < attempts; i++) {
    const current: Versioned<T> | undefined = await collection.get(tenantId, id);
    if (!current) return { ok: false, reason: 'absent' };
    const next = change(current.value);
    if (next === undefined) return { ok: true, value: current.value, version: current.version, changed: false };
    const written = await collection.put(next, { ...options, ifVersion: current.version });
    if (written.ok) return { ok: true, value: written.value, version: written.version, changed: true };
    if (written.reason === 'absent') return { ok: false, reason: 'absent' };
  }
  return { ok: false, reason: 'conflict' };
}
