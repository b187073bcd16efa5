/**
 * One bot process's dispatcher for bench/broadcast-two.ts:
 *   broadcast-instance.ts <json {endpoint, databaseId, platformUrl, tenantId, prefix, recipients, share}>
 * Opens the shared Cosmos database, sends what is due until nothing is, and says {summary}.
 */
import { CosmosClient } from '@azure/cosmos';
import pino from 'pino';
import type { Clock } from '../../src/domain';
import { Dispatcher } from '../../src/scheduler/send/dispatcher';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { HttpPlatformSender } from '../../test/support/rate-limited-platform';
import { broadcastPerson } from './broadcast-world';

const o = JSON.parse(process.argv[2]!) as { endpoint: string; databaseId: string; platformUrl: string; tenantId: string; prefix: string; share: boolean; name: string };

async function main(): Promise<void> {
  const clock: Clock = { now: () => new Date() };
  const client = new CosmosClient({ endpoint: o.endpoint, key: 'dGVzdA==', connectionPolicy: { enableEndpointDiscovery: false } });
  const store = await openCosmosStore({ client, databaseId: o.databaseId, createIfMissing: false });
  const dispatcher = new Dispatcher({
    store,
    clock,
    logger: pino({ level: 'warn' }),
    senders: [new HttpPlatformSender('teams', o.platformUrl)],
    compose: async (d) => ({ ok: true, recipient: broadcastPerson(o.tenantId, o.prefix, Number(d.recipientId.slice(o.prefix.length))), message: { text: 'Invitation', view: { kind: 'thank-you', title: 't', text: 't' } } }),
    instanceId: o.name,
    // The production defaults (200 claimed per round, 16 sends at once): both processes take rounds of the broadcast.
    shareTenantRate: o.share,
  });
  process.send!({ ready: true });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  // Until the broadcast is all sent, not until one pass finds nothing: the other process may hold the
  // head of the queue for a moment (both read the same earliest records; the loser of each claim waits).
  const summary: Record<string, number> = {};
  while ((await store.deliveries.count(o.tenantId, { status: 'pending' })) > 0) {
    const pass = await dispatcher.dispatchDue();
    for (const [k, v] of Object.entries(pass)) summary[k] = (summary[k] ?? 0) + v;
    if (pass.claimed === 0) await new Promise((r) => setTimeout(r, 200));
  }
  await store.close();
  process.send!({ summary });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
