import { get, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { ManualClock } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { listen, SERVER_LIMITS } from '../../src/http/listen';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';

/**
 * One client holding the whole connection cap with idle sockets must not lock everyone out:
 * real sockets on loopback against the real app with the production limits.
 */
const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const store = openEmbeddedStore({ path: ':memory:', clock });
let server: Server;
let port: number;

beforeAll(async () => {
  server = await listen(createHttpApp({ store, logger: pino({ level: 'silent' }) }), 0, '127.0.0.1', SERVER_LIMITS);
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

interface Held {
  socket: Socket;
  closedAt: Promise<number>;
}

/** A connection that sends nothing: when (performance.now()) the server closed it. */
function idleSocket(): Promise<Held> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const closedAt = new Promise<number>((done) => socket.on('close', () => done(performance.now())));
    socket.once('connect', () => resolve({ socket, closedAt }));
    socket.once('error', reject);
  });
}

/** GET /healthz on a fresh connection: the status, or the error's code. */
function healthz(timeoutMs = 2000): Promise<number | string> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A connection that makes one keep-alive request and then sits idle on it. */
async function keepAliveSocket(): Promise<Held> {
  const held = await idleSocket();
  await new Promise<void>((resolve) => {
    let seen = '';
    held.socket.on('data', (chunk) => {
      seen += chunk.toString();
      if (seen.includes('\r\n\r\n') && seen.includes('"status"')) resolve();
    });
    held.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
  });
  return held;
}

describe('one client with 1,000 idle sockets', () => {
  test('cannot make /healthz fail, and its sockets are shed within the first-request timeout', async () => {
    const opened = performance.now();
    const held: Held[] = [];
    // In batches, so the test's own connect calls do not queue for long.
    for (let i = 0; i < 1000; i += 100) held.push(...(await Promise.all(Array.from({ length: 100 }, () => idleSocket()))));
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await healthz());
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));

    // Nobody sent a byte: every held socket is closed soon after the short first-request timeout, not the 10 s headers timeout.
    const closed = await Promise.all(held.map((h) => h.closedAt));
    expect(Math.max(...closed) - opened).toBeLessThan(SERVER_LIMITS.firstRequestTimeoutMs + SERVER_LIMITS.checkIntervalMs + 1500);
    expect(SERVER_LIMITS.firstRequestTimeoutMs).toBeLessThanOrEqual(3000);
  }, 30_000);

  test('1,000 idle keep-alive connections (each made one request) are closed first when a newcomer needs room', async () => {
    const held: Held[] = [];
    for (let i = 0; i < 1000; i += 100) held.push(...(await Promise.all(Array.from({ length: 100 }, () => keepAliveSocket()))));
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 20; i++) statuses.push(await healthz());
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closedAt));
  }, 30_000);
});
