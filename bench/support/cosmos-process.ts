/** A Cosmos-protocol server (@vercel/cosmosdb-server, plain HTTP, keepAlive) in its own process, as a database would be. */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

const server = createHttpServer({ keepAlive: true });
// Outlive the SDK's idle keep-alive sockets (Node's 5 s default races them: "socket hang up").
server.keepAliveTimeout = 10 * 60_000;
server.headersTimeout = 10 * 60_000 + 1000;
server.listen(0, '127.0.0.1', () => {
  process.send!({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
process.on('message', (m) => {
  if (m === 'stop') process.exit(0);
});
