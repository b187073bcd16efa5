import type { Clock, Delivery, Staff } from '../../src/domain';
import { deliveryId, Staff as StaffSchema } from '../../src/domain';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos } from '../../test/support/cosmos-server';
import { alwaysOpenCalendar } from '../../test/support/fixtures';

export const BENCH_TENANT = 'bench-trust';

/** The outbox store for the benchmark: embedded SQLite in memory, or cosmosdb-server on loopback. */
export async function openBenchStore(cosmos: boolean, clock: Clock): Promise<{ kind: string; store: Store; close(): Promise<void> }> {
  if (!cosmos) {
    const store = openEmbeddedStore({ path: ':memory:', clock });
    return { kind: 'embedded SQLite (memory)', store, close: () => store.close() };
  }
  const server = await startLoopbackCosmos();
  const store = await openCosmosStore({ client: server.client(), databaseId: 'bench', createIfMissing: true });
  return {
    kind: 'cosmosdb-server (loopback)',
    store,
    async close() {
      await store.close();
      await server.stop();
    },
  };
}

/** The staff record of broadcast recipient i (the same in every process of a bench). */
export function broadcastPerson(tenantId: string, prefix: string, i: number): Staff {
  const id = `${prefix}${i}`;
  return StaffSchema.parse({ tenantId, id, name: `Person ${i}`, email: `${id}@school.example`, teams: { aadObjectId: `aad-${id}` } });
}

/** One due invitation per recipient, all on Teams; recipient ids carry `prefix` (unique across tenants). */
export async function seedBroadcast(store: Store, n: number, tenantId = BENCH_TENANT, prefix = 'p'): Promise<Map<string, Staff>> {
  const people = new Map<string, Staff>();
  const now = new Date(Date.now() - 1000).toISOString();
  // Real time: without this the dispatcher would hold the broadcast back in quiet hours.
  await store.calendars.put(alwaysOpenCalendar(tenantId));
  const docs: Delivery[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}${i}`;
    people.set(id, broadcastPerson(tenantId, prefix, i));
    docs.push({
      tenantId,
      id: deliveryId('invitation', id, 'ses-bench'),
      kind: 'invitation',
      recipientId: id,
      dueAt: now,
      status: 'pending',
      subject: { sessionId: 'ses-bench' },
      attempts: 0,
      createdAt: now,
    });
  }
  for (let i = 0; i < docs.length; i += 100) await Promise.all(docs.slice(i, i + 100).map((d) => store.deliveries.create(d)));
  return people;
}
