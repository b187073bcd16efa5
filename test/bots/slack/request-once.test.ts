import { ManualClock } from '../../../src/domain';
import { CLAIM_LEASE_MS, SlackRequestClaims } from '../../../src/bots/slack/request-once';
import { openCosmosStore } from '../../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Store } from '../../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../../support/cosmos-server';

/**
 * The pending → done claim on a Slack request, on both stores (no transactional batch on either
 * path): a retry of finished work changes nothing; unfinished work is never swallowed.
 */
type Opened = { store: Store; close(): Promise<void> };
const STORES: [string, () => Promise<Opened>][] = [
  ['embedded store', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-11-25T09:00:00.000Z') });
    return { store, close: () => store.close() };
  }],
  ['Cosmos DB via @azure/cosmos against cosmosdb-server', async () => {
    const cosmos: LoopbackCosmos = await startLoopbackCosmos();
    const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'claims', createIfMissing: true });
    return { store, close: async () => { await store.close(); await cosmos.stop(); } };
  }],
];

describe.each(STORES)('Slack request claims (%s)', (_name, open) => {
  let opened: Opened;
  let clock: ManualClock;
  const claims = (owner: string) => new SlackRequestClaims({ store: opened.store, clock }, owner);
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(() => opened.close());
  beforeEach(() => {
    clock = new ManualClock('2026-11-25T09:00:00.000Z');
  });

  it('done: a retry, here or in another process, is answered as done', async () => {
    const a = claims('a');
    const first = await a.claim('t1', 'view:V1');
    expect(first.outcome).toBe('first');
    if (first.outcome === 'first') expect(await first.done()).toBe(true);
    expect((await a.claim('t1', 'view:V1')).outcome).toBe('done');
    clock.advance(CLAIM_LEASE_MS * 2);
    expect((await claims('b').claim('t1', 'view:V1')).outcome).toBe('done');
  });

  it('released: the retry is first again', async () => {
    const a = claims('a');
    const first = await a.claim('t1', 'view:V2');
    if (first.outcome === 'first') await first.release();
    expect((await a.claim('t1', 'view:V2')).outcome).toBe('first');
  });

  it('running elsewhere: in progress until its lease lapses, then taken over exactly once', async () => {
    expect((await claims('dead').claim('t1', 'view:V3')).outcome).toBe('first');
    expect((await claims('b').claim('t1', 'view:V3')).outcome).toBe('in-progress');
    clock.advance(CLAIM_LEASE_MS + 1);
    const racing = await Promise.all([claims('b').claim('t1', 'view:V3'), claims('c').claim('t1', 'view:V3')]);
    expect(racing.map((r) => r.outcome).sort()).toEqual(['first', 'in-progress']);
  });

  it('two copies of one request at once: exactly one runs', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => claims(owner).claim('t1', 'view:V4')));
    expect(results.filter((r) => r.outcome === 'first')).toHaveLength(1);
  });

  it('ours but not running here (its hand-back failed): taken over at once, inside the lease', async () => {
    const a = claims('a');
    const first = await a.claim('t1', 'view:V5');
    expect(first.outcome).toBe('first');
    // Same process, same owner, nothing running it now: as after a release whose delete failed.
    expect((await claims('a').claim('t1', 'view:V5')).outcome).toBe('first');
    expect((await a.claim('t1', 'view:V5')).outcome).toBe('in-progress');
  });
});
