import { z } from 'zod';
import type { SchoolFileKind } from '../../cards/views/setup';
import { deterministicId } from '../../domain';
import type { Versioned } from '../../store/port';
import type { Store } from '../../store/store';

/**
 * A file a lead sent, checked and waiting for Import or Cancel. Kept in the store (not in memory)
 * so the buttons still work after a restart or on another instance, and only briefly: it holds a
 * staff list. docs/decisions.md says why it is kept rather than downloaded again.
 */
export const PENDING_FILE_TTL_SECONDS = 24 * 60 * 60;

const KINDS = ['staff', 'programme', 'calendar', 'statutory', 'qualifications', 'questionnaire-templates', 'mentoring-programmes'] as const satisfies readonly SchoolFileKind[];

export const PendingFile = z.object({
  kind: z.enum(KINDS),
  fileName: z.string().min(1).max(300),
  text: z.string(),
  sha256: z.string().length(64),
  sentBy: z.string().min(1),
});
export type PendingFile = z.infer<typeof PendingFile>;

export type StoredPendingFile = { file: PendingFile; state: 'pending' | 'done'; version: string };

const PURPOSE = 'file-import';

/** One record per tenant and content: the same file sent twice is the same record. */
export function pendingFileId(tenantId: string, sha256: string): string {
  return deterministicId('file', tenantId, sha256);
}

export async function savePendingFile(store: Store, tenantId: string, file: PendingFile, now: Date): Promise<string> {
  const id = pendingFileId(tenantId, file.sha256);
  const written = await store.idempotencyKeys.put(
    { tenantId, id, purpose: PURPOSE, createdAt: now.toISOString(), state: 'pending', owner: file.sentBy, result: file },
    { ttlSeconds: PENDING_FILE_TTL_SECONDS },
  );
  if (!written.ok) throw new Error(`could not keep the file for import (${written.reason})`);
  return id;
}

export async function loadPendingFile(store: Store, tenantId: string, id: string): Promise<StoredPendingFile | undefined> {
  const found = await store.idempotencyKeys.get(tenantId, id);
  if (!found || found.value.purpose !== PURPOSE) return undefined;
  const file = PendingFile.safeParse(found.value.result);
  if (!file.success) return undefined;
  return { file: file.data, state: found.value.state ?? 'done', version: found.version };
}

/**
 * Claims the file for importing under its ETag: a second press of Import (or another instance)
 * finds it taken and imports nothing twice. The text is dropped once claimed.
 */
export async function claimPendingFile(store: Store, tenantId: string, id: string, stored: StoredPendingFile, now: Date): Promise<Versioned<unknown> | undefined> {
  const claimed = await store.idempotencyKeys.put(
    { tenantId, id, purpose: PURPOSE, createdAt: now.toISOString(), state: 'done', owner: stored.file.sentBy, result: { ...stored.file, text: '' } },
    { ifVersion: stored.version, ttlSeconds: PENDING_FILE_TTL_SECONDS },
  );
  return claimed.ok ? { value: claimed.value, version: claimed.version } : undefined;
}

/** Puts a claimed file back (its import failed part-way on an error): Import can be pressed again. */
export async function releasePendingFile(store: Store, tenantId: string, file: PendingFile, now: Date): Promise<void> {
  await savePendingFile(store, tenantId, file, now);
}

export async function dropPendingFile(store: Store, tenantId: string, id: string): Promise<void> {
  await store.idempotencyKeys.delete(tenantId, id);
}
