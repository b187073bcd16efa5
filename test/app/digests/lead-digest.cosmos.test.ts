import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { COLLECTION_NAMES } from '../../../src/store/collections';
import { openCosmosStore } from '../../../src/store/cosmos/cosmos-store';
import { startLoopbackCosmos } from '../../support/cosmos-server';
import { leadDigestWorld } from './lead-digest-world';
import { NOW, T } from '../reports/report-world';

describe('loadLeadDigest via @azure/cosmos against cosmosdb-server', () => {
  it('gives the same digest as the embedded store: every filter and count it uses runs on the Cosmos adapter', async () => {
    const world = await leadDigestWorld();
    const cosmos = await startLoopbackCosmos();
    const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'lead-digest', createIfMissing: true });
    try {
      for (const name of COLLECTION_NAMES) {
        const collection = store[name] as unknown as { put(doc: unknown): Promise<unknown> };
        for (const row of await world.store[name].findAcrossTenants()) await collection.put(row.value);
      }
      for (const [tenantId, leadId] of [[T, 'lead'], ['other', 'lead']] as const) {
        const embedded = await loadLeadDigest(world, tenantId, leadId, NOW);
        const viaCosmos = await loadLeadDigest({ store, clock: world.clock }, tenantId, leadId, NOW);
        expect(embedded.ok && embedded.value.held.length).toBeGreaterThan(0);
        expect(viaCosmos).toEqual(embedded);
      }
    } finally {
      await store.close();
      await cosmos.stop();
      await world.store.close();
    }
  });
});
