import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import pino from 'pino';
import { createSlackBot } from '../../src/bots/slack/create-slack-bot';
import { createTeamsBot } from '../../src/bots/teams';
import { ManualClock } from '../../src/domain';
import { createHttpApp } from '../../src/http/app';
import { createLimitedServer, listen, SERVER_LIMITS, type ServerLimits } from '../../src/http/listen';
import { MAX_BODY_BYTES } from '../../src/http/request-guards';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { FakeSlackApi } from '../support/fake-slack-api';

/** Small limits so raw-socket tests take well under a second each; production's are in SERVER_LIMITS. */
const LIMITS: ServerLimits = { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200, maxConnections: 4, firstRequestTimeoutMs: 250, checkIntervalMs: 50 };

let server: Server;
let port: number;
let slackApi: FakeSlackApi;
const clock = new ManualClock('2026-11-20T09:00:00.000Z');
const store = openEmbeddedStore({ path: ':memory:', clock });

beforeAll(async () => {
  slackApi = new FakeSlackApi();
  await slackApi.start();
  const logger = pino({ level: 'silent' });
  const teams = createTeamsBot({ store, clock, logger, config: { appType: 'MultiTenant' } });
  const slack = createSlackBot({ store, clock, logger, config: { botToken: 'xoxb-test', signingSecret: 'secret', slackApiUrl: slackApi.apiUrl } });
  const app = createHttpApp({ store, logger, routers: [teams.router, slack.router] });
  server = await listen(app, 0, '127.0.0.1', LIMITS);
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await slackApi.stop();
  await store.close();
});

/** A raw connection: what it received, and when (ms after opening) the server closed it. */
function rawSocket(): Promise<{ socket: Socket; closed: Promise<{ afterMs: number; received: string }> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const opened = performance.now();
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<{ afterMs: number; received: string }>((done) => socket.on('close', () => done({ afterMs: performance.now() - opened, received })));
    socket.on('connect', () => resolve({ socket, closed }));
  });
}

describe('HTTP server limits, via raw sockets against the real express app', () => {
  test('production limits are set on the server main.ts listens with', () => {
    const s = createLimitedServer(createHttpApp({ store, logger: pino({ level: 'silent' }) }));
    expect({ headers: s.headersTimeout, request: s.requestTimeout, keepAlive: s.keepAliveTimeout }).toEqual({
      headers: SERVER_LIMITS.headersTimeoutMs,
      request: SERVER_LIMITS.requestTimeoutMs,
      keepAlive: SERVER_LIMITS.keepAliveTimeoutMs,
    });
    // The cap is the connection guard's (idle ones make room), not Node's (which refuses the newcomer).
    expect(s.maxConnections).not.toBe(SERVER_LIMITS.maxConnections);
  });

  test('a connection that sends nothing is closed after the first-request timeout', async () => {
    const { closed } = await rawSocket();
    const { afterMs } = await closed;
    expect(afterMs).toBeGreaterThanOrEqual(LIMITS.firstRequestTimeoutMs - 20);
    expect(afterMs).toBeLessThan(LIMITS.headersTimeoutMs + 200);
  });

  test('headers sent slowly: 408 and closed', async () => {
    const { socket, closed } = await rawSocket();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 50);
    const { afterMs, received } = await closed;
    clearInterval(timer);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeLessThan(LIMITS.requestTimeoutMs + 500);
  });

  test('a body that never finishes: 408 and closed within the request timeout', async () => {
    const { socket, closed } = await rawSocket();
    socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":');
    const { afterMs, received } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(LIMITS.requestTimeoutMs - 20);
    expect(afterMs).toBeLessThan(LIMITS.requestTimeoutMs + 500);
  });

  test('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { socket, closed } = await rawSocket();
    socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    const { afterMs, received } = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200/);
    // Node keeps an idle keep-alive socket 1 s past keepAliveTimeout (its keepAliveTimeoutBuffer), so a client never reuses one being closed.
    expect(afterMs).toBeLessThan(LIMITS.keepAliveTimeoutMs + 1000 + 400);
  });

  test('at the cap the longest-idle connection makes room; only when every one is busy is the newcomer closed at once', async () => {
    const held = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => rawSocket()));
    const extra = await rawSocket();
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect((await extra.closed).received).toMatch(/^HTTP\/1\.1 200/);
    expect((await held[0]!.closed).afterMs).toBeLessThan(LIMITS.firstRequestTimeoutMs - 100);
    for (const h of held) h.socket.destroy();
    await Promise.all(held.map((h) => h.closed));

    // Every connection busy: a body that has not finished arriving.
    const busy = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => rawSocket()));
    for (const b of busy) b.socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const refused = await rawSocket();
    const { afterMs, received } = await refused.closed;
    expect(received).toBe('');
    expect(afterMs).toBeLessThan(LIMITS.firstRequestTimeoutMs - 100);
    for (const b of busy) b.socket.destroy();
    await Promise.all(busy.map((b) => b.closed));
    // Let the server see them go before the next test connects.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  test.each(['/api/messages', '/slack/events'])('%s: one body limit (512 kB), enforced on a chunked body too', async (path) => {
    const chunks = new ReadableStream({
      start(controller) {
        // 600 kB: over 512 kB, under the 1 MB /slack/events took before.
        for (let i = 0; i < 6; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
        controller.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(MAX_BODY_BYTES).toBe(512 * 1024);
  });
});
