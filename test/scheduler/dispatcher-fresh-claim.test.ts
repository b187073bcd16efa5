import type { Delivery } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { delivery } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/**
 * Issue 28, 4: a claim this process has just made is its own check before the send (no other
 * instance takes a record before its lease ends), so a message costs two outbox writes (the claim
 * and the result), not three. A claim that has used a third of its lease waiting is renewed first,
 * as before, so a record taken over meanwhile is not sent twice.
 */
function counting(store: Store): { store: Store; writes: Delivery[] } {
  const writes: Delivery[] = [];
  const deliveries = store.deliveries;
  return {
    writes,
    store: {
      ...store,
      deliveries: {
        ...deliveries,
        put: (doc, options) => {
          writes.push(doc);
          return deliveries.put(doc, options);
        },
      },
    },
  };
}

describe('Dispatcher: a fresh claim is not renewed before its send (embedded store, manual clock)', () => {
  it('claims and records "sent" (with the platform): two writes', async () => {
    const w = world();
    await w.store.deliveries.create(delivery(T, 's0'));
    const counted = counting(w.store);
    expect(await w.make('a', { store: counted.store }).dispatchUntilIdle()).toMatchObject({ sent: 1, lostLease: 0 });
    expect(counted.writes.map((d) => d.status)).toEqual(['pending', 'sent']);
    expect(counted.writes[0]).toMatchObject({ leaseOwner: 'a' });
    const [row] = await w.store.deliveries.find(T);
    expect(row!.value).toMatchObject({ status: 'sent', platform: 'teams' });
    expect(w.teams.sends).toHaveLength(1);
  });

  it('renews a claim that waited past a third of its lease (a 25 s Retry-After) before sending again', async () => {
    const w = world([{ status: 'throttled', retryAfterMs: 25_000 }]);
    await w.store.deliveries.create(delivery(T, 's0'));
    const counted = counting(w.store);
    expect(await w.make('a', { store: counted.store }).dispatchUntilIdle()).toMatchObject({ sent: 1, throttled: 1, lostLease: 0 });
    // The claim, then the renewal after the wait (lease left: 35 s of 60 s), then "sent".
    expect(counted.writes.map((d) => [d.status, d.leaseOwner ?? null])).toEqual([
      ['pending', 'a'],
      ['pending', 'a'],
      ['sent', null],
    ]);
    expect(w.teams.sends).toHaveLength(2);
  });

  it('does not send a record another instance took over while this one waited', async () => {
    const w = world([{ status: 'throttled', retryAfterMs: 25_000 }]);
    await w.store.deliveries.create(delivery(T, 's0'));
    const counted = counting(w.store);
    const a = w.make('a', { store: counted.store });
    // While a waits out the Retry-After, the record is changed under it (taken over, sent elsewhere).
    const realSend = w.teams.send.bind(w.teams);
    w.teams.send = async (recipient, message, d) => {
      const result = await realSend(recipient, message, d);
      const [row] = await w.store.deliveries.find(T);
      await w.store.deliveries.put({ ...row!.value, leaseOwner: 'b' }, { ifVersion: row!.version });
      return result;
    };
    expect(await a.dispatchUntilIdle()).toMatchObject({ sent: 0, lostLease: 1 });
    expect(w.teams.sends).toHaveLength(1);
  });
});
