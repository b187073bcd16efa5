import { ManualClock } from '../../src/domain/clock';
import { COLLECTION_NAMES } from '../../src/store/collections';
import { containerDefinitionFor, containerNames, placementOf, storedIdOf } from '../../src/store/cosmos/containers';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { describeStoreContract } from './store-contract';

let cosmos: LoopbackCosmos;
let store: Store;

describeStoreContract(
  'Cosmos DB via @azure/cosmos against cosmosdb-server',
  async () => {
    cosmos = await startLoopbackCosmos();
    store = await openCosmosStore({ client: cosmos.client(), databaseId: 'contract', createIfMissing: true });
    return {
      store,
      clock: new ManualClock('2026-11-23T09:00:00.000Z'),
      async reset() {
        for (const name of COLLECTION_NAMES) {
          for (const row of await store[name].findAcrossTenants()) await store[name].delete(row.value.tenantId, row.value.id);
        }
      },
    };
  },
  async () => {
    await store.close();
    await cosmos.stop();
  },
);

describe('Cosmos containers (configuration; the emulator does not expire items)', () => {
  test('every container is partitioned by tenant; expiring ones have TTL switched on per item', () => {
    for (const name of containerNames()) {
      const def = containerDefinitionFor(name);
      expect(def.partitionKey).toEqual({ paths: ['/tenantId'] });
      expect(def.indexingPolicy?.includedPaths).toContainEqual({ path: '/tenantId/?' });
    }
    // The answers container: one answer's documents share it, told apart by docType, each collection's own indexes kept.
    const answers = containerDefinitionFor('answers');
    expect(COLLECTION_NAMES.filter((name) => placementOf(name).container === 'answers').sort()).toEqual(
      ['gapTasks', 'idempotencyKeys', 'participations', 'planRequests', 'questionnaires', 'receipts', 'responses'].sort(),
    );
    expect(answers.defaultTtl).toBe(-1);
    for (const path of ['/docType/?', '/questionnaireId/?', '/availableAt/?', '/sessionId/?', '/leaseUntil/?']) expect(answers.indexingPolicy?.includedPaths).toContainEqual({ path });
    // Every query there filters on docType too: the planner's due query (sorted by availableAt) has its composite.
    expect(answers.indexingPolicy?.compositeIndexes).toContainEqual([
      { path: '/docType', order: 'ascending' },
      { path: '/availableAt', order: 'ascending' },
    ]);
    // An anonymous answer never shares a batch (one _lsn) with its receipt: a container of its own.
    expect(placementOf('anonymousResponses')).toEqual({ container: 'anonymousResponses' });
    expect(() => containerDefinitionFor('responses')).toThrow(/no collection lives in a container named "responses"/);
    expect(containerDefinitionFor('deliveries').defaultTtl).toBe(-1);
    expect(containerDefinitionFor('tenants').defaultTtl).toBeUndefined();
    expect(containerDefinitionFor('deliveries').indexingPolicy?.includedPaths).toContainEqual({ path: '/dueAt/?' });
    // The dispatcher's due query filters on status and sorts on availableAt: one composite index serves it.
    expect(containerDefinitionFor('deliveries').indexingPolicy?.compositeIndexes).toContainEqual([
      { path: '/status', order: 'ascending' },
      { path: '/availableAt', order: 'ascending' },
    ]);
  });

  test('a document written with a TTL carries it in Cosmos', async () => {
    const server = await startLoopbackCosmos();
    const client = server.client();
    const s = await openCosmosStore({ client, databaseId: 'ttl', createIfMissing: true });
    await s.idempotencyKeys.create({ tenantId: 't1', id: 'k1', purpose: 'test', createdAt: '2026-11-23T09:00:00.000Z' }, { ttlSeconds: 600 });
    const { resource } = await client.database('ttl').container('answers').item(storedIdOf(placementOf('idempotencyKeys'), 'k1'), 't1').read();
    expect(resource?.ttl).toBe(600);
    await s.close();
    await server.stop();
  });

  test('createMany sends the TTL with every document in Cosmos', async () => {
    const server = await startLoopbackCosmos();
    const client = server.client();
    const s = await openCosmosStore({ client, databaseId: 'ttl-many', createIfMissing: true });
    const key = (id: string) => ({ tenantId: 't1', id, purpose: 'test', createdAt: '2026-11-23T09:00:00.000Z' });
    expect((await s.idempotencyKeys.createMany([key('k1'), key('k2')], { ttlSeconds: 600 })).every((r) => r.ok)).toBe(true);
    for (const id of ['k1', 'k2']) {
      const { resource } = await client.database('ttl-many').container('answers').item(storedIdOf(placementOf('idempotencyKeys'), id), 't1').read();
      expect(resource?.ttl).toBe(600);
    }
    await s.close();
    await server.stop();
  });

  test('opening against a missing database without createIfMissing fails fast', async () => {
    const server = await startLoopbackCosmos();
    await expect(openCosmosStore({ client: server.client(), databaseId: 'missing', createIfMissing: false })).rejects.toThrow();
    await server.stop();
  });
});
