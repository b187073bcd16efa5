/**
 * A held write lock: another connection holds SQLite's write lock on the embedded store's file for
 * `--hold-ms` while 20 submissions' writes arrive. Prints how long /healthz took meanwhile, the
 * longest the event loop was blocked, and how many writes landed or were refused "busy".
 *
 *   npx tsx bench/held-lock.ts [--hold-ms 1000]
 *
 * Real time. Before (busy_timeout 5 s, synchronous): the issue measured the server frozen 7.4 s,
 * /healthz included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pino from 'pino';
import { Staff } from '../src/domain';
import { createHttpApp } from '../src/http/app';
import { openEmbeddedStore, StoreBusyError } from '../src/store/embedded/sqlite-store';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const holdMs = Number(arg('hold-ms', '1000'));
  const dir = mkdtempSync(join(tmpdir(), 'twilight-held-bench-'));
  const path = join(dir, 'twilight.db');
  const store = openEmbeddedStore({ path, clock: { now: () => new Date() } });
  const server = createHttpApp({ store, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;

  const holder = new Database(path);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  holder.exec('BEGIN IMMEDIATE');
  setTimeout(() => holder.exec('COMMIT'), holdMs);
  const writes = Array.from({ length: 20 }, (_, i) =>
    store.staff.create(Staff.parse({ tenantId: 't1', id: `s${i}`, name: `S${i}`, email: `s${i}@school.example` })).then(
      () => 'landed' as const,
      (error: unknown) => (error instanceof StoreBusyError ? ('busy' as const) : ('failed' as const)),
    ),
  );
  const healthFrom = Date.now();
  const health = await fetch(url);
  const healthMs = Date.now() - healthFrom;
  const outcomes = await Promise.all(writes);
  loop.disable();

  const rows: [string, string][] = [
    ['write lock held for (ms)', String(holdMs)],
    ['/healthz meanwhile', `${health.status} in ${healthMs} ms`],
    ['longest event-loop block (ms)', (loop.max / 1e6).toFixed(1)],
    ['writes landed', String(outcomes.filter((o) => o === 'landed').length)],
    ['writes refused busy (told to try again)', String(outcomes.filter((o) => o === 'busy').length)],
    ['writes failed otherwise', String(outcomes.filter((o) => o === 'failed').length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, holdMs - (Date.now() - healthFrom)) + 10));
  holder.close();
  server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
