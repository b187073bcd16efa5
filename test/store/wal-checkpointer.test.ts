import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock } from '../../src/domain/clock';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { startWalCheckpointer } from '../../src/store/embedded/wal-checkpointer';

describe('WAL checkpoints on a worker thread (real SQLite files)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-wal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function writerWithFrames(path: string): Database.Database {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    // The writer never checkpoints by itself, so whatever reaches the database file was the worker's doing.
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run(`note ${i}`.repeat(20));
    return db;
  }

  test("the worker's connection copies the writer's WAL frames into the database file", async () => {
    const path = join(dir, 'copy.db');
    const db = writerWithFrames(path);
    const checkpointer = startWalCheckpointer(path, { onFailure: (error) => fail(error) });
    const result = await checkpointer.checkpointNow();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    await checkpointer.stop();
    db.close();
  });

  test('a worker that cannot open the database reports it, so the writer can take checkpoints back', async () => {
    const failed = new Promise<Error>((resolve) => startWalCheckpointer(dir, { onFailure: resolve }));
    expect(await failed).toMatchObject({ code: 'SQLITE_CANTOPEN' });
  });

  test('a closed file store leaves no WAL behind: the worker stops before the writer closes', async () => {
    const path = join(dir, 'store.db');
    const store = openEmbeddedStore({ path, clock: new ManualClock('2026-11-23T09:00:00.000Z') });
    await store.idempotencyKeys.create({ tenantId: 't1', id: 'k1', purpose: 'test', createdAt: '2026-11-23T09:00:00.000Z' });
    expect(existsSync(`${path}-wal`)).toBe(true);
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  test('a process with nothing left to do but close the store waits for the worker and closes it', async () => {
    // Plain CommonJS, no ESM loader thread that would keep the process alive by itself (as in the built image).
    const script = `
      const { openEmbeddedStore } = require('./src/store/embedded/sqlite-store');
      const store = openEmbeddedStore({ path: ${JSON.stringify(join(dir, 'exit.db'))}, clock: { now: () => new Date() } });
      store.idempotencyKeys
        .create({ tenantId: 't1', id: 'k1', purpose: 'test', createdAt: new Date().toISOString() })
        .then(() => store.close())
        .then(() => console.log('closed'));
    `;
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, output: output.trim() }).toEqual({ code: 0, output: 'closed' });
    expect(existsSync(join(dir, 'exit.db-wal'))).toBe(false);
  });
});
