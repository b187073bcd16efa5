import type { AddressInfo } from 'node:net';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { CosmosStore } from '../../src/store/cosmos/cosmos-store';

export interface LoopbackCosmos {
  endpoint: string;
  /** A real @azure/cosmos client pointed at the loopback server. */
  client(): CosmosClient;
  stop(): Promise<void>;
}

/**
 * Starts a Cosmos-protocol server (@vercel/cosmosdb-server) on a free loopback port, over
 * plain HTTP so no TLS check has to be switched off. Tests use the real SDK against it.
 */
export async function startLoopbackCosmos(): Promise<LoopbackCosmos> {
  const server = createHttpServer({ keepAlive: true });
  // Node closes idle keep-alive sockets after 5 s; the SDK may reuse one at that very moment and
  // get "socket hang up". Outlive the client's idle sockets instead (tests stop the server anyway).
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const clients: CosmosClient[] = [];
  return {
    endpoint,
    client() {
      const client = new CosmosClient({ endpoint, key: 'dGVzdA==', connectionPolicy: { enableEndpointDiscovery: false } });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const c of clients) c.dispose();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every Cosmos operation a store has made so far, over all flows (its request-charge meter); 0 for the embedded store. */
export function cosmosOperationsSoFar(store: { kind: string }): number {
  if (store.kind !== 'cosmos') return 0;
  return Object.values((store as CosmosStore).requestCharges.totals()).reduce((sum, t) => sum + t.operations, 0);
}
