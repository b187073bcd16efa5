/**
 * A bot process to be killed (kill -9) in the middle of its work, for the kill tests:
 *   kill-child.ts <json options>
 * It opens the store as main.ts does (embedded file, or @azure/cosmos against a cosmosdb-server the
 * parent runs), then runs the asked work. `dieAfter` makes it SIGKILL itself right after the Nth write
 * to a collection has been stored: a real kill -9 at an exact point, not a mock. Says {done} over IPC
 * when the work finished without dying.
 */
import { CosmosClient } from '@azure/cosmos';
import { handleCardAction } from '../../../src/app/card-actions';
import { ActorCache } from '../../../src/app/people/actor-cache';
import type { Clock } from '../../../src/domain/clock';
import pino from 'pino';
import { openCosmosStore } from '../../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import type { CollectionName } from '../../../src/store/collections';
import { startKillableSlack, type SlackChildOptions } from './kill-child-slack';


export interface KillChildOptions {
  store: { kind: 'embedded'; path: string } | { kind: 'cosmos'; endpoint: string; databaseId: string };
  /** The clock: now plus this many ms (a restart "later" without waiting for real minutes). */
  clockOffsetMs?: number;
  dieAfter?: { collection: CollectionName; nth: number };
  work: { kind: 'rsvp'; tenantId: string; sessionId: string; staffIds: string[] } | ({ kind: 'slack' } & SlackChildOptions);
}

const options = JSON.parse(process.argv[2]!) as KillChildOptions;
const offset = options.clockOffsetMs ?? 0;
const clock: Clock = { now: () => new Date(Date.now() + offset) };

async function openStore(): Promise<Store> {
  if (options.store.kind === 'embedded') return openEmbeddedStore({ path: options.store.path, clock });
  const client = new CosmosClient({ endpoint: options.store.endpoint, key: 'dGVzdA==', connectionPolicy: { enableEndpointDiscovery: false } });
  return openCosmosStore({ client, databaseId: options.store.databaseId, createIfMissing: true });
}

/** The store with one collection's writes counted: the Nth stored one ends the process at once. */
function dyingAfter(store: Store, die: NonNullable<KillChildOptions['dieAfter']>): Store {
  const inner = store[die.collection] as unknown as Record<string, (...args: unknown[]) => Promise<{ ok?: boolean }>>;
  let seen = 0;
  const counted = (method: string) => async (...args: unknown[]) => {
    const result = await inner[method]!(...args);
    if (result?.ok !== false && ++seen === die.nth) process.kill(process.pid, 'SIGKILL');
    return result;
  };
  const collection = { ...inner, create: counted('create'), put: counted('put') };
  return { ...store, [die.collection]: collection } as Store;
}

async function main(): Promise<void> {
  const opened = await openStore();
  const actors = new ActorCache({ clock });
  const store = actors.watch(options.dieAfter ? dyingAfter(opened, options.dieAfter) : opened);
  const deps = { store, clock, actors };
  const work = options.work;
  if (work.kind === 'rsvp') {
    const tenant = (await store.tenants.get(work.tenantId, work.tenantId))!.value;
    // All at once, as a burst of presses would arrive.
    await Promise.all(
      work.staffIds.map(async (id) => {
        const staff = (await store.staff.get(work.tenantId, id))!.value;
        await handleCardAction(deps, { tenant, staff }, { verb: 'rsvp.yes', sessionId: work.sessionId });
      }),
    );
    await opened.close();
    process.send!({ done: true });
    return;
  }
  await startKillableSlack({ store, opened, clock, actors, logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) }, work);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
