import type { SendResult } from '../../src/app/outbound';
import type { Store } from '../../src/store/store';
import { delivery } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/**
 * Stopping (SIGTERM) with a large queue: the dispatcher stops claiming at once, hands back every
 * claim it has not started, and waits only for the sends already in flight. Before, workers waiting
 * in the rate limiter (a broadcast at the platform's ceiling) slept out their wait, up to a minute,
 * and took the rest of the batch one by one.
 */
const QUEUED = 1200;
const APP_LIMIT = 10;

async function seed(store: Store, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await store.deliveries.create(delivery(T, `s${i}`));
}

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  return done;
};

describe('Dispatcher stop with 1,200 queued (embedded store, manual clock)', () => {
  it('releases unstarted claims and resolves once the one send in flight is recorded, while workers wait in the rate limiter', async () => {
    const w = world([], QUEUED);
    await seed(w.store, QUEUED);
    // A sleep that does not end by itself: the limiter's wait for the next window (a minute here).
    const sleeping: number[] = [];
    const sleep = (ms: number) => {
      sleeping.push(ms);
      return new Promise<void>(() => undefined);
    };
    // The last send the window allows is slow: it is in flight when stop() comes.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const original = w.teams.send.bind(w.teams);
    w.teams.send = async (...args): Promise<SendResult> => {
      const result = await original(...args);
      if (w.teams.sends.length === APP_LIMIT) await gate;
      return result;
    };
    const limits = { teams: { app: [{ count: APP_LIMIT, perMs: 60_000 }], conversation: [] }, slack: { app: [{ count: 1, perMs: 1000 }], conversation: [] } };
    const d = w.make('a', { sleep, limits });
    const running = d.dispatchUntilIdle();
    while (w.teams.sends.length < APP_LIMIT || sleeping.length === 0) await new Promise((r) => setImmediate(r));

    const stopped = d.stop();
    expect(await settled(stopped)).toBe(false);
    open();
    await stopped;
    await running;

    const rows = (await w.store.deliveries.find(T)).map((r) => r.value);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(APP_LIMIT);
    // Everything else is back in the outbox, free for another instance now, not at the end of a lease.
    const free = rows.filter((r) => r.status === 'pending' && r.leaseOwner === undefined && r.leaseUntil === undefined);
    expect(free).toHaveLength(QUEUED - APP_LIMIT);
    expect(w.teams.sends).toHaveLength(APP_LIMIT);
    // And nothing more is claimed after stop.
    expect((await d.dispatchDue()).claimed).toBe(0);
  });
});
