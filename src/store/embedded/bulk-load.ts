import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { COLLECTIONS, type CollectionName } from '../collections';
import type { TenantDoc } from '../port';

export interface BulkBatch {
  collection: CollectionName;
  docs: readonly TenantDoc[];
}

/**
 * Seeding only (benchmarks, demo data): writes many documents into an embedded store file in
 * one SQLite transaction, each checked against its collection's schema. Open the store once
 * first so the tables exist. One-at-a-time puts commit per document; this is ~100x faster.
 * Upsert semantics, no TTL; the running bot never calls it.
 */
export function bulkLoad(path: string, batches: readonly BulkBatch[]): number {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    let written = 0;
    const load = db.transaction(() => {
      for (const { collection, docs } of batches) {
        const schema = COLLECTIONS[collection].schema;
        const insert = db.prepare(
          `INSERT INTO "${collection}" (tenant_id, id, doc, etag, expires_at) VALUES (?, ?, ?, ?, NULL)
           ON CONFLICT (tenant_id, id) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, expires_at = NULL`,
        );
        for (const doc of docs) {
          const parsed = schema.parse(doc) as TenantDoc;
          insert.run(parsed.tenantId, parsed.id, JSON.stringify(parsed), randomUUID());
          written++;
        }
      }
    });
    load();
    return written;
  } finally {
    db.close();
  }
}
