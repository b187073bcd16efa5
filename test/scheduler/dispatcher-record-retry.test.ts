import { faultyStore } from '../reliability/support/faulty-store';
import { delivery } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/**
 * The store refuses the write that records "sent" (SQLite's `database is locked` while another
 * process holds the write lock, a lost connection to Cosmos): the dispatcher tries again rather
 * than leaving the record leased, which would have it sent a second time when the lease ran out.
 */
describe('Dispatcher recording a result the store refused (embedded store with an injected fault, manual clock)', () => {
  it('"sent" is recorded on a later try: another instance finds nothing to send after the lease', async () => {
    const w = world([], 1);
    await w.store.deliveries.create(delivery(T, 's0'));
    const faults = faultyStore(w.store);
    // deliveries write 1 is the claim, 2 records "sent" (a claim this fresh is not renewed before the send).
    faults.failNthWrite('deliveries', 2);
    const waits: number[] = [];
    const a = w.make('a', { store: faults.store, recordRetrySleep: async (ms) => void waits.push(ms) });
    expect(await a.dispatchUntilIdle()).toMatchObject({ sent: 1 });
    expect(faults.plan.injected).toBe(1);
    expect(waits).toEqual([50]);
    const [row] = await w.store.deliveries.find(T);
    expect(row!.value).toMatchObject({ status: 'sent', platformMessageId: 'm-1' });

    w.clock.advance(10 * 60_000);
    expect((await w.make('b').dispatchUntilIdle()).claimed).toBe(0);
    expect(w.teams.sends).toHaveLength(1);
  });
});
