import type { Query } from '../../src/store/port';
import type { Store } from '../../src/store/store';
import { TenantQueue } from '../../src/scheduler/send/tenant-queue';
import { delivery } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/**
 * A pass claims a round at a time (at most 100 of one tenant by default) and claims the next
 * round while the last still goes out. Before, a pass ended after each round and the senders
 * idled while the next pass asked the outbox: a broadcast fell from 0.92 to 0.80–0.88 of the
 * Teams ceiling once claims were shared between tenants.
 */
async function seed(store: Store, tenantId: string, from: number, to: number, dueAt = '2026-11-23T09:00:00.000Z'): Promise<void> {
  for (let i = from; i < to; i++) await store.deliveries.create(delivery(tenantId, `s${i}`, { dueAt }));
}

/** Calls `onRound` as each claim round asks the outbox for what is due (the query by `availableAt`). */
function onClaimRound(store: Store, onRound: (round: number) => Promise<void> | void): void {
  const find = store.deliveries.findAcrossTenants.bind(store.deliveries);
  let round = 0;
  store.deliveries.findAcrossTenants = async (q?: Query) => {
    if (q?.orderBy?.field === 'availableAt') await onRound(++round);
    return find(q);
  };
}

describe('Dispatcher refilling its queue within a pass (embedded store, manual clock)', () => {
  it('sends 250 due for one tenant in one pass, claiming each next round of 100 before the last is sent', async () => {
    const w = world([], 250);
    await seed(w.store, T, 0, 250);
    const sentWhenClaiming: number[] = [];
    onClaimRound(w.store, () => void sentWhenClaiming.push(w.teams.sends.length));

    const summary = await w.make('a').dispatchDue();

    expect(summary).toMatchObject({ claimed: 250, sent: 250, lostLease: 0 });
    expect(new Set(w.teams.sends.map((s) => s.deliveryId)).size).toBe(250);
    // Rounds of 100, 100 and 50: each next one asked for while half the last still waited to go.
    expect(sentWhenClaiming).toHaveLength(3);
    expect(sentWhenClaiming[0]).toBe(0);
    expect(sentWhenClaiming[1]).toBeLessThan(100);
    expect(sentWhenClaiming[2]).toBeLessThan(200);
    // At the Teams ceiling throughout (50/s per tenant, kept 5% under): no pause between rounds.
    const spanMs = w.teams.sends.at(-1)!.at - w.teams.sends[0]!.at;
    expect(spanMs).toBeLessThan((250 / 50) * 1.05 * 1000 + 1000);
  });

  it("claims another tenant's record that falls due mid-pass in the next round, and sends it ahead of the rest of the broadcast", async () => {
    const w = world([], 301);
    await seed(w.store, T, 0, 300);
    const dueAt = '2026-11-23T09:00:02.000Z';
    await seed(w.store, 'school-b', 300, 301, dueAt);

    const summary = await w.make('a').dispatchDue();

    expect(summary).toMatchObject({ claimed: 301, sent: 301 });
    const b = w.teams.sends.findIndex((s) => s.recipientId === 's300');
    // Asked for again at least every 100 of the broadcast (2 s at 50/s), and next in turn once claimed.
    expect(w.teams.sends[b]!.at - Date.parse(dueAt)).toBeLessThanOrEqual(2100);
    expect(b).toBeLessThan(200);
  });

  it('stop() while the next round is being claimed hands that round back too, and sends nothing more than was in flight', async () => {
    const w = world([], 250);
    await seed(w.store, T, 0, 250);
    let reached!: () => void;
    const atSecondRound = new Promise<void>((resolve) => (reached = resolve));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    onClaimRound(w.store, async (round) => {
      if (round !== 2) return;
      reached();
      await gate;
    });
    const d = w.make('a');
    const pass = d.dispatchDue();
    await atSecondRound;
    const sentBeforeStop = w.teams.sends.length;

    const stopped = d.stop();
    open();
    await stopped;
    await pass;

    expect(w.teams.sends.length - sentBeforeStop).toBeLessThanOrEqual(16);
    const rows = (await w.store.deliveries.find(T)).map((r) => r.value);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(w.teams.sends.length);
    const free = rows.filter((r) => r.status === 'pending' && r.leaseOwner === undefined && r.leaseUntil === undefined);
    expect(free).toHaveLength(250 - w.teams.sends.length);
  });
});

describe('TenantQueue', () => {
  it("serves tenants in turn: a tenant added mid-way waits behind at most one of another's", () => {
    const q = new TenantQueue<string>((s) => s[0]!);
    q.add(['a1', 'a2', 'a3', 'a4']);
    expect(q.take()).toBe('a1');
    q.add(['b1', 'b2']);
    expect([q.take(), q.take(), q.take()]).toEqual(['a2', 'b1', 'a3']);
    expect(q.size).toBe(2);
    expect(q.drain().sort()).toEqual(['a4', 'b2']);
    expect(q.size).toBe(0);
    expect(q.take()).toBeUndefined();
  });
});
