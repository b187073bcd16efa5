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
  options: WriteOptions & { attempts?: number; read?: Versioned<T> } = {},
): Promise<UpdateResult<T>> {
  const { attempts = 5, read, ...writeOptions } = options;
  for (let i = 0; i < attempts; i++) {
    // `read`: the document as the caller has just read it, used for the first try (one read fewer).
    const current: Versioned<T> | undefined = i === 0 && read ? read : await collection.get(tenantId, id);
    if (!current) return { ok: false, reason: 'absent' };
    const next = change(current.value);
    if (next === undefined) return { ok: true, value: current.value, version: current.version, changed: false };
    const written = await collection.put(next, { ...writeOptions, ifVersion: current.version });
    if (written.ok) return { ok: true, value: written.value, version: written.version, changed: true };
    if (written.reason === 'absent') return { ok: false, reason: 'absent' };
  }
  return { ok: false, reason: 'conflict' };
}

/**
 * Like `updateWithRetry`, for a document that may not exist yet: `change` gets the stored one or
 * undefined. A new document is created only if still absent, an existing one replaced only at the
 * version read, so a racing writer's change is re-read and kept rather than overwritten.
 */
export async function upsertWithRetry<T extends TenantDoc>(
  collection: Collection<T>,
  tenantId: string,
  id: string,
  change: (current: T | undefined) => T | undefined,
  options: WriteOptions & { attempts?: number } = {},
): Promise<UpsertResult<T>> {
  const { attempts = 5, ...writeOptions } = options;
  for (let i = 0; i < attempts; i++) {
    const current: Versioned<T> | undefined = await collection.get(tenantId, id);
    const next = change(current?.value);
    if (next === undefined) return current ? { ok: true, value: current.value, version: current.version, changed: false } : { ok: true, changed: false };
    const written = current ? await collection.put(next, { ...writeOptions, ifVersion: current.version }) : await collection.create(next, writeOptions);
    if (written.ok) return { ok: true, value: written.value, version: written.version, changed: true };
  }
  return { ok: false, reason: 'conflict' };
}

export type UpsertResult<T> = { ok: true; value?: T; version?: string; changed: boolean } | { ok: false; reason: 'conflict' };
