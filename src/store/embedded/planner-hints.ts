import type Database from 'better-sqlite3';
import { COLLECTIONS, COLLECTION_NAMES } from '../collections';

/** A tenant's share of a table, and how many documents one value of an indexed field picks out. */
const TENANT_ROWS = 100_000;
const ROWS_PER_VALUE = 10;

/**
 * Without statistics SQLite prefers the primary key (tenant_id, id) of a WITHOUT ROWID table to
 * our (tenant_id, json field) indexes, so every `find` by an indexed field scanned the tenant's
 * whole partition (a staff look-up by Slack id read every staff row). Until a real ANALYZE
 * replaces them, these estimates say what the indexes are for. See https://sqlite.org/fileformat2.html#stat1tab
 */
export function hintPlanner(db: Database.Database): void {
  db.exec('ANALYZE sqlite_schema');
  const has = db.prepare('SELECT 1 FROM sqlite_stat1 WHERE tbl = ? LIMIT 1');
  const insert = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
  const write = db.transaction(() => {
    for (const name of COLLECTION_NAMES) {
      if (has.get(name)) continue;
      insert.run(name, name, `${TENANT_ROWS} ${TENANT_ROWS} 1`);
      for (const field of COLLECTIONS[name].indexed.filter((f) => !f.endsWith('[]'))) {
        insert.run(name, `${name}_${field.replace(/\./g, '_')}`, `${TENANT_ROWS} ${TENANT_ROWS} ${ROWS_PER_VALUE}`);
      }
    }
  });
  write();
  // Load the statistics into the planner of this connection.
  db.exec('ANALYZE sqlite_schema');
}
