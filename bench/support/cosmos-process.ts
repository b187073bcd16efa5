/** A Cosmos-protocol server (@vercel/cosmosdb-server, plain HTTP, keepAlive) in its own process, as a database would be. */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

const server = createHttpServer({ keepAlive: true });
// Outlive the SDK's idle keep-alive sockets (Node's 5 s default races them: "socket hang up").
server.keepAliveTimeout = 10 * 60_000;
server.headersTimeout = 10 * 60_000 + 1000;
// What the emulator costs apart from the bot (issue 28, item 3): its requests, the time each took
// from arrival to the end of its answer, and its own CPU (asked for with "usage").
let requests = 0;
let busyMs = 0;
server.prependListener('request', (_req, res) => {
  const started = performance.now();
  requests++;
  res.once('finish', () => (busyMs += performance.now() - started));
});
server.listen(0, '127.0.0.1', () => {
  process.send!({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (m) => {
  if (m === 'usage') {
    const { user, system } = process.cpuUsage();
    process.send!({ usage: { cpuMicros: user + system, requests, busyMs } });
  }
  if (m === 'stop') process.exit(0);
});
