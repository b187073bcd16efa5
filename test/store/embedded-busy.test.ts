import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/domain';
import { openEmbeddedStore, StoreBusyError, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { staff } from '../support/fixtures';

/**
 * Another connection holds SQLite's write lock (an operator's sqlite3 shell, a backup, a long
 * import): a write waits for it without blocking the event loop, so /healthz and every other
 * request go on being answered, and gives up with a clear error the bots turn into "try again".
 * Before, better-sqlite3's busy_timeout (5 s) blocked the whole process inside each write.
 */
const clock = new ManualClock('2026-11-25T09:00:00.000Z');

describe('the embedded store under a held write lock (real SQLite file, a second real connection)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-busy-'));
  const path = join(dir, 'twilight.db');
  let store: EmbeddedStore;
  let holder: Database.Database;
  beforeEach(() => {
    store = openEmbeddedStore({ path, clock, busyBudgetMs: 1500 });
    holder = new Database(path);
  });
  afterEach(async () => {
    if (holder.inTransaction) holder.exec('ROLLBACK');
    holder.close();
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const settledYet = (p: Promise<unknown>) => {
    let settled = false;
    p.then(
      () => (settled = true),
      () => (settled = true),
    );
    return () => settled;
  };

  it('a write waits for the lock while the event loop turns, and lands once the lock is let go', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const write = store.staff.create(staff('t1', 's1'));
    const settled = settledYet(write);
    // Other work runs meanwhile (requests, /healthz): the process is not frozen inside the write.
    let turns = 0;
    for (; turns < 5; turns++) await new Promise((r) => setTimeout(r, 10));
    expect(settled()).toBe(false);
    expect(await store.staff.count('t1')).toBe(0);
    holder.exec('COMMIT');
    expect(await write).toMatchObject({ ok: true });
    expect((await store.staff.get('t1', 's1'))?.value.id).toBe('s1');
  });

  it('twenty writes waiting at once queue behind one another and all land once the lock is let go', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const writes = Array.from({ length: 20 }, (_, i) => store.staff.create(staff('t2', `q${i}`)));
    const settled = writes.map(settledYet);
    for (let turns = 0; turns < 5; turns++) await new Promise((r) => setTimeout(r, 10));
    expect(settled.some((s) => s())).toBe(false);
    holder.exec('COMMIT');
    expect((await Promise.all(writes)).every((r) => r.ok)).toBe(true);
    expect(await store.staff.count('t2')).toBe(20);
  });

  it('createMany waits for the lock as one transaction: nothing lands before it is let go, then everything', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const write = store.staff.createMany(Array.from({ length: 3 }, (_, i) => staff('t3', `m${i}`)));
    const settled = settledYet(write);
    for (let turns = 0; turns < 5; turns++) await new Promise((r) => setTimeout(r, 10));
    expect(settled()).toBe(false);
    expect(await store.staff.count('t3')).toBe(0);
    holder.exec('COMMIT');
    expect((await write).map((r) => r.ok)).toEqual([true, true, true]);
    expect(await store.staff.count('t3')).toBe(3);
  });

  it('a lock held past the budget: the write fails with a clear error, nothing written; reads go on', async () => {
    holder.exec('BEGIN IMMEDIATE');
    const write = store.staff.create(staff('t1', 's2'));
    const settled = settledYet(write);
    await new Promise((r) => setImmediate(r));
    expect(settled()).toBe(false);
    await expect(write).rejects.toThrow(StoreBusyError);
    await expect(write).rejects.toThrow('the store is busy: another connection holds the write lock; nothing was written');
    expect(await store.staff.get('t1', 's2')).toBeUndefined();
    // A conditional write (ETag) and a delete wait the same way.
    holder.exec('ROLLBACK');
    const created = await store.staff.create(staff('t1', 's3'));
    holder.exec('BEGIN IMMEDIATE');
    const put = store.staff.put(staff('t1', 's3', { name: 'Changed' }), { ifVersion: created.ok ? created.version : '' });
    const del = store.staff.delete('t1', 's3');
    await new Promise((r) => setImmediate(r));
    holder.exec('COMMIT');
    expect(await put).toMatchObject({ ok: true });
    expect(await del).toEqual({ ok: true });
  });
});
