import { mkdtempSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ManualClock } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos } from '../support/cosmos-server';
import { staff } from '../support/fixtures';

/**
 * /healthz is liveness (the process answers); /readyz proves the store takes a write, so a full
 * disk or an unreachable Cosmos account takes the instance out of rotation (Docker HEALTHCHECK,
 * App Service health check) instead of answering ok while every answer is lost.
 */
/** What the server logs, so a test can see which error a probe met. */
const logged: string[] = [];
const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });

async function serve(store: Store): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = createHttpApp({ store, logger }).listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('/readyz on the embedded store (a real SQLite file, a real "database or disk is full")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twilight-readyz-'));
  const path = join(dir, 'twilight.db');
  const clock = new ManualClock('2026-11-25T09:00:00.000Z');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ready while writes succeed; 503 once the file cannot grow, while /healthz still answers ok', async () => {
    const roomy = openEmbeddedStore({ path: join(dir, 'roomy.db'), clock });
    const http = await serve(roomy);
    expect(await get(`${http.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', store: 'embedded' } });
    await http.close();
    await roomy.close();

    const seeded = openEmbeddedStore({ path, clock });
    await seeded.staff.create(staff('t1', 's1'));
    await seeded.close();

    // The disk is full: the file may not grow by a single page (SQLITE_FULL, as on a full volume).
    const pages = statSync(path).size / 4096;
    const full = openEmbeddedStore({ path, clock, maxPages: pages });
    const served = await serve(full);
    expect(await get(`${served.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok', store: 'embedded' } });
    const ready = await get(`${served.url}/readyz`);
    expect(ready).toEqual({ status: 503, body: { status: 'unavailable', store: 'embedded', reason: 'the store cannot take a write' } });
    // SQLite's own disk-full error, not some other failure of the probe.
    expect(logged.join('\n')).toMatch(/database or disk is full/);
    await served.close();
    await full.close();
  });
});

describe('/readyz on Cosmos DB via @azure/cosmos against cosmosdb-server', () => {
  it('ready while the account takes a write (a health document it can read back); 503 once it is unreachable', async () => {
    const cosmos = await startLoopbackCosmos();
    const client = cosmos.client();
    const store = await openCosmosStore({ client, databaseId: 'readyz', createIfMissing: true });
    const http = await serve(store);
    expect(await get(`${http.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', store: 'cosmos' } });
    const { resource } = await client.database('readyz').container('answers').item('readiness', 'system').read();
    expect(resource).toMatchObject({ purpose: 'readiness', ttl: expect.any(Number) });

    await cosmos.stop();
    const gone = await get(`${http.url}/readyz`);
    expect(gone).toEqual({ status: 503, body: { status: 'unavailable', store: 'cosmos', reason: 'the store cannot take a write' } });
    await http.close();
    await store.close();
  });
});
