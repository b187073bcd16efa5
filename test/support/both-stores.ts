import type { ManualClock } from '../../src/domain';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from './cosmos-server';

export type OpenStore = (clock: ManualClock) => Promise<Store>;
export type StoreSuite = (label: string, open: OpenStore, done: () => Promise<void>) => void;

/**
 * Runs a suite twice: on the embedded store (in memory), and through the real @azure/cosmos SDK
 * against cosmosdb-server on loopback (one server for the file, a fresh database per store opened).
 */
export function onBothStores(databasePrefix: string, suite: StoreSuite): void {
  suite('embedded store', async (clock) => openEmbeddedStore({ path: ':memory:', clock }), async () => {});
  let cosmos: LoopbackCosmos | undefined;
  const stores: Store[] = [];
  suite(
    'via @azure/cosmos against cosmosdb-server',
    async () => {
      cosmos ??= await startLoopbackCosmos();
      const store = await openCosmosStore({ client: cosmos.client(), databaseId: `${databasePrefix}-${stores.length}`, createIfMissing: true });
      stores.push(store);
      return store;
    },
    async () => {
      for (const s of stores) await s.close();
      await cosmos?.stop();
    },
  );
}
