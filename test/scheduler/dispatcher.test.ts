import type { MessageSender, SendResult } from '../../src/app/outbound';
import { ManualClock, type Delivery } from '../../src/domain';
import { chooseSender } from '../../src/scheduler/send/choose-sender';
import type { Store } from '../../src/store/store';
import { delivery, staff } from '../support/fixtures';
import { ScriptedSender, T, world } from './dispatcher-world';

async function seed(store: Store, n: number, extra: Partial<Delivery> = {}): Promise<void> {
  for (let i = 0; i < n; i++) await store.deliveries.create(delivery(T, `s${i}`, extra));
}

describe('Dispatcher (embedded store, manual clock)', () => {
  it('sends a due delivery once and records platform ids, sentAt and a TTL', async () => {
    const w = world();
    await seed(w.store, 1);
    const summary = await w.make('a').dispatchUntilIdle();
    expect(summary.sent).toBe(1);
    const [d] = await w.store.deliveries.find(T);
    expect(d!.value).toMatchObject({ status: 'sent', platform: 'teams', platformMessageId: 'm-1', platformConversationId: 'c-s0', attempts: 1 });
    expect(d!.value.sentAt).toBe('2026-11-23T09:00:00.000Z');
    expect(d!.value.leaseOwner).toBeUndefined();
    expect((await w.make('b').dispatchUntilIdle()).claimed).toBe(0);
    expect(w.teams.sends).toHaveLength(1);
  });

  it('leaves deliveries not yet due', async () => {
    const w = world();
    await seed(w.store, 1, { dueAt: '2026-11-23T09:01:00.000Z' });
    expect((await w.make('a').dispatchDue()).claimed).toBe(0);
    w.clock.advance(60_000);
    expect((await w.make('a').dispatchDue()).sent).toBe(1);
  });

  it('honours Retry-After on throttled, then sends', async () => {
    const w = world([{ status: 'throttled', retryAfterMs: 3000 }]);
    await seed(w.store, 1);
    const s = await w.make('a').dispatchUntilIdle();
    expect(s).toMatchObject({ sent: 1, throttled: 1 });
    expect(w.sleeps).toContain(3000);
    expect(w.teams.sends[1]!.at - w.teams.sends[0]!.at).toBeGreaterThanOrEqual(3000);
  });

  it('hands a long Retry-After back to the outbox with nextAttemptAt', async () => {
    const w = world([{ status: 'throttled', retryAfterMs: 120_000 }]);
    await seed(w.store, 1);
    await w.make('a').dispatchUntilIdle();
    const [d] = await w.store.deliveries.find(T);
    expect(d!.value).toMatchObject({ status: 'pending', nextAttemptAt: '2026-11-23T09:02:00.000Z' });
    expect((await w.make('a').dispatchDue()).claimed).toBe(0);
    w.clock.advance(120_000);
    expect((await w.make('a').dispatchDue()).sent).toBe(1);
  });

  it('retries transient failures with growing jittered backoff, then marks failed with lastError', async () => {
    const fail: SendResult = { status: 'failed', transient: true, reason: 'HTTP 503' };
    const w = world([fail, fail, fail, fail, fail, fail]);
    await seed(w.store, 1);
    const dispatcher = w.make('a', { backoff: { maxAttempts: 4, baseMs: 1000, capMs: 60_000 } });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await dispatcher.dispatchDue();
      const [d] = await w.store.deliveries.find(T);
      if (d!.value.nextAttemptAt) {
        const wait = Date.parse(d!.value.nextAttemptAt) - w.clock.now().getTime();
        waits.push(wait);
        w.clock.advance(wait);
      }
    }
    // random 0.5 → 3/4 of each step: 1000, 2000, 4000 ms steps.
    expect(waits).toEqual([750, 1500, 3000]);
    const [d] = await w.store.deliveries.find(T);
    expect(d!.value).toMatchObject({ status: 'failed', attempts: 4, lastError: 'HTTP 503' });
    expect(w.teams.sends).toHaveLength(4);
  });

  it('does not retry a permanent failure, and records unreachable people', async () => {
    const w = world([{ status: 'failed', transient: false, reason: 'HTTP 400' }, { status: 'unreachable', reason: 'app removed' }], 2);
    await seed(w.store, 2);
    const s = await w.make('a', { concurrency: 1 }).dispatchUntilIdle();
    expect(s.failed).toBe(2);
    const errors = (await w.store.deliveries.find(T)).map((d) => d.value.lastError).sort();
    expect(errors).toEqual(['HTTP 400', 'unreachable: app removed']);
  });

  it('skips what cannot be composed, and fails what no platform reaches', async () => {
    const w = world();
    await w.store.deliveries.create(delivery(T, 'nobody'));
    const s = await w.make('a').dispatchUntilIdle();
    expect(s.skipped).toBe(1);
    expect((await w.store.deliveries.find(T))[0]!.value).toMatchObject({ status: 'skipped', lastError: 'recipient gone' });
  });

  it('keeps to the Teams per-conversation limits on the injected clock', async () => {
    const w = world([], 1);
    // Twelve different messages to one person: 7 in the first second, then one every 2 s (8 / 2 s).
    for (let i = 0; i < 12; i++) await w.store.deliveries.create(delivery(T, 's0', { id: `dlv-${i}`, kind: 'survey' }));
    await w.make('a', { concurrency: 4 }).dispatchUntilIdle();
    const times = w.teams.sends.map((s) => s.at - w.teams.sends[0]!.at);
    expect(times).toHaveLength(12);
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(7);
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 2000).length).toBeLessThanOrEqual(8);
    }
  });

  it('takes over a record whose lease ran out, and never sends one another instance holds', async () => {
    const w = world();
    await seed(w.store, 1);
    const [row] = await w.store.deliveries.find(T);
    await w.store.deliveries.put({ ...row!.value, leaseOwner: 'dead', leaseUntil: '2026-11-23T09:01:00.000Z' });
    expect((await w.make('b').dispatchDue()).claimed).toBe(0);
    w.clock.set('2026-11-23T09:01:00.000Z');
    expect((await w.make('b').dispatchDue()).sent).toBe(1);
  });

  it('stop() waits for the send in flight to be recorded, and hands unstarted claims back', async () => {
    const w = world([], 3);
    await seed(w.store, 3);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const original = w.teams.send.bind(w.teams);
    w.teams.send = async (...args) => {
      const result = original(...args);
      await gate;
      return result;
    };
    const d = w.make('a', { concurrency: 1 });
    const pass = d.dispatchDue();
    while (w.teams.sends.length === 0) await new Promise((r) => setImmediate(r));
    const stopped = d.stop();
    open();
    await stopped;
    await pass;
    const statuses = (await w.store.deliveries.find(T)).map((r) => [r.value.status, r.value.leaseOwner ?? null]);
    expect(statuses.filter(([s]) => s === 'sent')).toHaveLength(1);
    expect(statuses.filter(([s, owner]) => s === 'pending' && owner === null)).toHaveLength(2);
  });

  it('refuses at construction a sender that could outlast the two thirds of the lease a send starts with', () => {
    const w = world();
    const slow = (maxSendMs: number): MessageSender => ({ platform: 'slack', maxSendMs, canReach: () => true, send: w.teams.send, update: w.teams.update });
    expect(() => w.make('a', { senders: [slow(40_001)], leaseMs: 60_000 })).toThrow('the slack sender may take up to 40001 ms, but a send has only 40000 ms of its 60000 ms lease');
    expect(() => w.make('a', { senders: [slow(Number.NaN)] })).toThrow(/slack sender/);
    // A send that fits the budget exactly is allowed: PLATFORM_TIMEOUT_MS=20000 (two Teams calls) is the README's limit.
    expect(() => w.make('a', { senders: [slow(40_000)], leaseMs: 60_000 })).not.toThrow();
  });
});

describe('chooseSender', () => {
  it('prefers the preferred platform when it reaches the person, else any that does', () => {
    const clock = new ManualClock('2026-11-23T09:00:00.000Z');
    const teams = new ScriptedSender('teams', clock);
    const slack = new ScriptedSender('slack', clock);
    const both = staff(T, 'b', { teams: { aadObjectId: 'a' }, slack: { userId: 'U1', teamId: 'T1' }, preferredPlatform: 'slack' });
    expect(chooseSender([teams, slack], both)?.platform).toBe('slack');
    expect(chooseSender([teams, slack], { ...both, slack: undefined })?.platform).toBe('teams');
    expect(chooseSender([teams, slack], staff(T, 'none'))).toBeUndefined();
  });
});
