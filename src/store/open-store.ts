import { join } from 'node:path';
import type { Config } from '../config';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import { createCosmosClient } from './cosmos/client';
import { openCosmosStore } from './cosmos/cosmos-store';
import { moveEarlierLayout, type MoveReport } from './cosmos/earlier-layout';
import { RequestChargeMeter } from './cosmos/request-charges';
import { openEmbeddedStore } from './embedded/sqlite-store';
import type { Store } from './store';

export { DataFolderInUseError } from './embedded/sqlite-store';

/** Picks the adapter the configuration names. `lockWaitMs`: see EmbeddedStoreOptions. */
export async function openStore(config: Config, clock: Clock, options: { logger?: Logger; lockWaitMs?: number; onRequestCharge?: (requestCharge: number) => void } = {}): Promise<Store> {
  if (config.STORE === 'cosmos') {
    return openCosmosStore({
      client: createCosmosClient(config.COSMOS_ENDPOINT!, config.COSMOS_KEY),
      databaseId: config.COSMOS_DATABASE,
      createIfMissing: config.COSMOS_CREATE_IF_MISSING,
      // Each operation's request charge at debug level, and totals per flow (docs/data-model.md).
      meter: new RequestChargeMeter(options.logger, options.onRequestCharge),
    });
  }
  return openEmbeddedStore({ path: join(config.DATA_DIR, 'twilight.db'), clock, ...(options.lockWaitMs !== undefined ? { lockWaitMs: options.lockWaitMs } : {}) });
}

/**
 * `cosmos move-to-answers`: run before the store opens, since opening refuses a database of the
 * earlier layout (src/store/cosmos/earlier-layout.ts). Says so when the store is not Cosmos DB.
 */
export async function moveCosmosToAnswers(
  config: Config,
  now: Date,
  onContainer: (report: MoveReport) => void,
  client = config.STORE === 'cosmos' ? createCosmosClient(config.COSMOS_ENDPOINT!, config.COSMOS_KEY) : undefined,
): Promise<MoveReport[] | 'not-cosmos'> {
  if (!client) return 'not-cosmos';
  try {
    return await moveEarlierLayout(client, config.COSMOS_DATABASE, now, onContainer);
  } finally {
    client.dispose();
  }
}
