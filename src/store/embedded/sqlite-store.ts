import { withChangeLog } from '../change-log';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../../domain/clock';
import { COLLECTIONS, COLLECTION_NAMES, type CollectionName } from '../collections';
import { assertLimit, DEFAULT_PAGE_SIZE, type DeleteResult, type Filter, type IterateOptions, type Query, type RawCollection, tenantOfAll, type TenantDoc, type Versioned, type WriteOptions, type WriteResult } from '../port';
import type { Collections, Store } from '../store';
import { withTenantDirectory } from '../tenant-directory';
import { validating } from '../validating-collection';
import { BusyRetry, StoreBusyError } from './busy-retry';
import { makeFolder } from './make-folder';
import { lockDataFolder, type FolderLock } from './folder-lock';
import { hintPlanner } from './planner-hints';
import { jsonField, tailSql, whereSql, type SqlValue } from './sql-filter';
import { WriteUnits } from './write-units';
import { FALLBACK_AUTOCHECKPOINT_PAGES, SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer';

export { DataFolderInUseError } from './folder-lock';
export { StoreBusyError };

type Row = { doc: string; etag: string };

/** Documents per createMany transaction: a few milliseconds of work, then the event loop gets a turn. */
const CREATE_MANY_CHUNK = 500;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The longest a single try may block the event loop waiting for SQLite's write lock. */
const BLOCKING_BUSY_TIMEOUT_MS = 5;
type Doc = TenantDoc & Record<string, unknown>;

export interface EmbeddedStoreOptions {
  /** A file path, or ':memory:' for tests. */
  path: string;
  clock: Clock;
  /** How long a write waits for another connection's write lock, in short non-blocking steps (default 2 s). */
  busyBudgetMs?: number;
  /** How long to wait for another process to let go of the folder (the CLI waits briefly; the server not). */
  lockWaitMs?: number;
  /** Caps the file at this many pages (SQLite's max_page_count): a full disk, on purpose (tests). */
  maxPages?: number;
}

/** One table per collection, keyed (tenant, id); the document is JSON, its ETag a fresh uuid per write. */
function createTable(db: Database.Database, name: CollectionName): void {
  db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    etag TEXT NOT NULL,
    expires_at INTEGER,
    PRIMARY KEY (tenant_id, id)
  ) WITHOUT ROWID`);
  // Array elements (`field[]`) are matched through json_each, which an expression index cannot serve.
    for (const field of COLLECTIONS[name].indexed.filter((f) => !f.endsWith('[]'))) {
    const indexName = `${name}_${field.replace(/\./g, '_')}`;
    db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON "${name}" (tenant_id, ${jsonField(field)})`);
  }
  if (name === 'deliveries') db.exec('DROP INDEX IF EXISTS deliveries_due'); // replaced by the composites below
  // Composite indexes as Cosmos has them, for the cross-tenant scans (the dispatcher's due queries).
  for (const fields of COLLECTIONS[name].composites) {
    const indexName = `${name}_c_${fields.join('_').replace(/\./g, '_')}`;
    db.exec(`CREATE INDEX IF NOT EXISTS "${indexName}" ON "${name}" (${fields.map(jsonField).join(', ')})`);
  }
  if (COLLECTIONS[name].ttl) {
    db.exec(`CREATE INDEX IF NOT EXISTS "${name}_expiry" ON "${name}" (expires_at) WHERE expires_at IS NOT NULL`);
  }
}

class SqliteCollection implements RawCollection {
  constructor(
    readonly name: CollectionName,
    private readonly db: Database.Database,
    private readonly clock: Clock,
    private readonly busy: BusyRetry,
    private readonly units: WriteUnits,
  ) {}

  /** Prepared once per SQL text: the text never holds values, so the cache stays small. */
  private readonly statements = new Map<string, Database.Statement>();

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      if (this.statements.size > 500) this.statements.clear();
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Expired rows are invisible at once; the time is a parameter (first `?`) so the SQL text is stable. */
  private static readonly LIVE = '(expires_at IS NULL OR expires_at > ?)';

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  private expiry(options?: WriteOptions): number | null {
    return options?.ttlSeconds === undefined ? null : this.clock.now().getTime() + options.ttlSeconds * 1000;
  }

  private row(tenantId: string, id: string): Row | undefined {
    return this.statement(`SELECT doc, etag FROM "${this.name}" WHERE ${SqliteCollection.LIVE} AND tenant_id = ? AND id = ?`).get(
      this.nowMs(),
      tenantId,
      id,
    ) as Row | undefined;
  }

  async get(tenantId: string, id: string): Promise<Versioned<Doc> | undefined> {
    const row = this.row(tenantId, id);
    return row ? { value: JSON.parse(row.doc) as Doc, version: row.etag } : undefined;
  }

  /**
   * Create if absent, where an expired row counts as absent. One statement (an upsert that only
   * overwrites an expired row) rather than a delete and an insert in a transaction: a submission
   * creates three documents, and each transaction adds a BEGIN and a COMMIT to the write.
   */
  async create(doc: Doc, options?: WriteOptions): Promise<WriteResult<Doc>> {
    for (let wait = this.units.beforeWrite(); wait; wait = this.units.beforeWrite()) await wait;
    const etag = randomUUID();
    const result = await this.busy.run(() => this.statement(
      `INSERT INTO "${this.name}" (tenant_id, id, doc, etag, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, expires_at = excluded.expires_at
       WHERE NOT ${SqliteCollection.LIVE}`,
    ).run(doc.tenantId, doc.id, JSON.stringify(doc), etag, this.expiry(options), this.nowMs()));
    return result.changes === 1 ? { ok: true, value: doc, version: etag } : { ok: false, reason: 'exists' };
  }

  /**
   * `create`'s statement for each document, a chunk of them in one IMMEDIATE transaction: one
   * BEGIN and one COMMIT (one WAL sync) for the chunk rather than one per document. A chunk is
   * all-or-nothing, and a busy store is met at BEGIN and retried as a whole by BusyRetry. Large
   * inputs go in chunks of CREATE_MANY_CHUNK with an event-loop turn between, so a planner run
   * of thousands of deliveries never holds the loop (or the write lock) for long.
   */
  async createMany(docs: readonly Doc[], options?: WriteOptions): Promise<WriteResult<Doc>[]> {
    tenantOfAll(docs);
    const results: WriteResult<Doc>[] = [];
    const insert = this.statement(
      `INSERT INTO "${this.name}" (tenant_id, id, doc, etag, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, expires_at = excluded.expires_at
       WHERE NOT ${SqliteCollection.LIVE}`,
    );
    const writeChunk = this.db.transaction((chunk: readonly Doc[]): WriteResult<Doc>[] => {
      const now = this.nowMs();
      const expiresAt = this.expiry(options);
      return chunk.map((doc): WriteResult<Doc> => {
        const etag = randomUUID();
        const { changes } = insert.run(doc.tenantId, doc.id, JSON.stringify(doc), etag, expiresAt, now);
        return changes === 1 ? { ok: true, value: doc, version: etag } : { ok: false, reason: 'exists' };
      });
    });
    for (let start = 0; start < docs.length; start += CREATE_MANY_CHUNK) {
      if (start > 0) await yieldToEventLoop();
      // Again per chunk: a unit may have begun during the turn just given away.
      for (let wait = this.units.beforeWrite(); wait; wait = this.units.beforeWrite()) await wait;
      const chunk = docs.slice(start, start + CREATE_MANY_CHUNK);
      results.push(...(await this.busy.run(() => writeChunk.immediate(chunk))));
    }
    return results;
  }

  async put(doc: Doc, options?: WriteOptions & { ifVersion?: string }): Promise<WriteResult<Doc>> {
    for (let wait = this.units.beforeWrite(); wait; wait = this.units.beforeWrite()) await wait;
    const etag = randomUUID();
    const json = JSON.stringify(doc);
    if (options?.ifVersion === undefined) {
      await this.busy.run(() => this.statement(
        `INSERT INTO "${this.name}" (tenant_id, id, doc, etag, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, expires_at = excluded.expires_at`,
      ).run(doc.tenantId, doc.id, json, etag, this.expiry(options)));
      return { ok: true, value: doc, version: etag };
    }
    const ifVersion = options.ifVersion;
    const write = this.db.transaction((): WriteResult<Doc> => {
      const current = this.row(doc.tenantId, doc.id);
      if (!current) return { ok: false, reason: 'absent' };
      if (current.etag !== ifVersion) return { ok: false, reason: 'conflict' };
      this.statement(`UPDATE "${this.name}" SET doc = ?, etag = ?, expires_at = ? WHERE tenant_id = ? AND id = ? AND etag = ?`).run(json, etag, this.expiry(options), doc.tenantId, doc.id, ifVersion);
      return { ok: true, value: doc, version: etag };
    });
    // IMMEDIATE: the write lock is taken at BEGIN, so a busy store is met before the read, not by an upgrade SQLite cannot wait for.
    return this.busy.run(() => write.immediate());
  }

  async delete(tenantId: string, id: string, options?: { ifVersion?: string }): Promise<DeleteResult> {
    for (let wait = this.units.beforeWrite(); wait; wait = this.units.beforeWrite()) await wait;
    const remove = this.db.transaction((): DeleteResult => {
      const current = this.row(tenantId, id);
      if (!current) return { ok: false, reason: 'absent' };
      if (options?.ifVersion !== undefined && current.etag !== options.ifVersion) return { ok: false, reason: 'conflict' };
      this.statement(`DELETE FROM "${this.name}" WHERE tenant_id = ? AND id = ?`).run(tenantId, id);
      return { ok: true };
    });
    return this.busy.run(() => remove.immediate());
  }

  private select(tenantId: string | undefined, query?: Query): Versioned<Doc>[] {
    const params: SqlValue[] = [this.nowMs()];
    const conditions = [SqliteCollection.LIVE];
    if (tenantId !== undefined) {
      conditions.push('tenant_id = ?');
      params.push(tenantId);
    }
    conditions.push(...whereSql(query?.where, params));
    const rows = this.statement(`SELECT doc, etag FROM "${this.name}" WHERE ${conditions.join(' AND ')}${tailSql(query)}`).all(...params) as Row[];
    return rows.map((r) => ({ value: JSON.parse(r.doc) as Doc, version: r.etag }));
  }

  async find(tenantId: string, query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(tenantId, query);
  }

  async findAcrossTenants(query?: Query): Promise<Versioned<Doc>[]> {
    return this.select(undefined, query);
  }

  /**
   * Keyset paging: each page starts after the last row's (sort value, id), so a page costs the same
   * however deep it is, and rows written meanwhile neither repeat nor shift the rest.
   */
  async *iterate(tenantId: string, query?: Omit<Query, 'limit'>, options?: IterateOptions): AsyncIterable<Versioned<Doc>> {
    const pageSize = assertLimit(options?.pageSize ?? DEFAULT_PAGE_SIZE)!;
    const order = query?.orderBy;
    const key = order ? jsonField(order.field) : undefined;
    const desc = order?.direction === 'desc';
    let after: { k: SqlValue; id: string } | undefined;
    for (;;) {
      const params: SqlValue[] = [this.nowMs(), tenantId];
      const conditions = [SqliteCollection.LIVE, 'tenant_id = ?', ...whereSql(query?.where, params)];
      if (key) conditions.push(`${key} IS NOT NULL`);
      if (after) {
        if (key) {
          conditions.push(`(${key} ${desc ? '<' : '>'} ? OR (${key} = ? AND id > ?))`);
          params.push(after.k, after.k, after.id);
        } else {
          conditions.push('id > ?');
          params.push(after.id);
        }
      }
      const orderSql = key ? `${key} ${desc ? 'DESC' : 'ASC'}, id ASC` : 'id ASC';
      const rows = this.statement(
        `SELECT doc, etag, id, ${key ?? 'NULL'} AS k FROM "${this.name}" WHERE ${conditions.join(' AND ')} ORDER BY ${orderSql} LIMIT ${pageSize}`,
      ).all(...params) as (Row & { id: string; k: SqlValue })[];
      for (const r of rows) yield { value: JSON.parse(r.doc) as Doc, version: r.etag };
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { k: last.k, id: last.id };
    }
  }

  async count(tenantId: string, where?: Filter): Promise<number> {
    const params: SqlValue[] = [this.nowMs(), tenantId];
    const conditions = [SqliteCollection.LIVE, 'tenant_id = ?', ...whereSql(where, params)];
    const row = this.statement(`SELECT COUNT(*) AS n FROM "${this.name}" WHERE ${conditions.join(' AND ')}`).get(...params) as { n: number };
    return row.n;
  }

  purgeExpired(): number {
    return this.statement(`DELETE FROM "${this.name}" WHERE expires_at IS NOT NULL AND expires_at <= ?`).run(this.nowMs()).changes;
  }
}

export interface EmbeddedStore extends Store {
  /** Deletes expired documents (Cosmos does this by itself with TTL). */
  purgeExpired(): number;
}

const SCRUB_CHECKPOINT_ATTEMPTS = 100;

/** The local default: one SQLite file, durable on disk, the same semantics as Cosmos DB. */
export function openEmbeddedStore(options: EmbeddedStoreOptions): EmbeddedStore {
  let folderLock: FolderLock | undefined;
  if (options.path !== ':memory:') {
    makeFolder(dirname(options.path));
    folderLock = lockDataFolder(options.path, options.lockWaitMs);
  }
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Short: better-sqlite3 waits synchronously, freezing the process; longer waits are BusyRetry's, between event-loop turns.
  db.pragma(`busy_timeout = ${BLOCKING_BUSY_TIMEOUT_MS}`);
  // A deleted row's bytes are zeroed in its page where that costs no extra write; scrub() does the rest.
  db.pragma('secure_delete = FAST');
  const busy = new BusyRetry(options.busyBudgetMs);
  const units = new WriteUnits(db, busy);
  const raw = new Map<CollectionName, SqliteCollection>();
  const collections = {} as Record<CollectionName, unknown>;
  for (const name of COLLECTION_NAMES) {
    createTable(db, name);
    const collection = new SqliteCollection(name, db, options.clock, busy, units);
    raw.set(name, collection);
    collections[name] = validating(collection, COLLECTIONS[name]);
  }
  const typed = collections as Collections;
  typed.tenants = withTenantDirectory(typed.tenants, typed.platformTenants, () => options.clock.now());
  Object.assign(typed, withChangeLog(typed));
  hintPlanner(db);
  db.exec('CREATE TABLE IF NOT EXISTS _readiness (id INTEGER PRIMARY KEY, filler BLOB NOT NULL)');
  if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
  // A row bigger than a page, written and deleted in one transaction: it needs pages the file may not have room for.
  const probe = db.transaction(() => {
    db.prepare('INSERT OR REPLACE INTO _readiness (id, filler) VALUES (1, randomblob(8192))').run();
    db.prepare('DELETE FROM _readiness WHERE id = 1').run();
  });
  // A file's WAL is checkpointed on a worker thread, so its fsyncs never stall the event loop.
  let checkpointer: WalCheckpointer | undefined;
  if (options.path !== ':memory:') {
    db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    checkpointer = startWalCheckpointer(options.path, {
      onFailure: () => {
        if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
      },
    });
  }
  return {
    ...typed,
    kind: 'embedded',
    async ping() {
      db.prepare('SELECT 1').get();
    },
    inOneTransaction: (work) => units.run(work),
    async checkWritable() {
      for (let wait = units.beforeWrite(); wait; wait = units.beforeWrite()) await wait;
      await busy.run(() => probe.immediate());
    },
    async scrub() {
      for (let wait = units.beforeWrite(); wait; wait = units.beforeWrite()) await wait;
      // A fresh file has no free pages holding old rows; then the WAL's old frames go too. The rebuild's
      // temporary copy is kept in memory, so no deleted row is written to a temporary file either.
      await busy.run(() => {
        db.pragma('temp_store = MEMORY');
        db.exec('VACUUM');
      });
      for (let attempt = 0; ; attempt++) {
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        if (!result || result.busy === 0) return;
        if (attempt >= SCRUB_CHECKPOINT_ATTEMPTS) throw new Error('scrub: the WAL could not be emptied (another connection is reading); run it again');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      // The worker's connection first, so this one is the last and leaves no WAL behind.
      await checkpointer?.stop();
      if (db.open) db.close();
      folderLock?.release();
    },
    // Synchronous, so it cannot wait for an open unit: its deletes may join that unit's transaction (harmless either way).
    purgeExpired() {
      return [...raw.values()].reduce((n, c) => n + c.purgeExpired(), 0);
    },
  };
}
