import pino from 'pino';
import type { Clock, Delivery, Staff } from '../../src/domain';
import { deliveryId } from '../../src/domain';
import { Dispatcher, type ComposeFn } from '../../src/scheduler/send/dispatcher';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { alwaysOpenCalendar, staff } from '../support/fixtures';
import { HttpPlatformSender, startRateLimitedPlatform, type KillSwitch, type RateLimitedPlatform } from '../support/rate-limited-platform';

const T = 'trust-bcast';
const logger = pino({ level: 'silent' });
const systemClock: Clock = { now: () => new Date() };
const fastBackoff = { maxAttempts: 8, baseMs: 200, capMs: 2000 };

let cosmos: LoopbackCosmos;
beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
});
afterAll(async () => {
  await cosmos.stop();
});

/** n recipients, most on Teams, some on Slack; one invitation each, due now. */
async function broadcast(store: Store, n: number, slackEvery = 10): Promise<Map<string, Staff>> {
  const people = new Map<string, Staff>();
  const now = new Date(Date.now() - 1000).toISOString();
  // Real time: without this the dispatcher would hold the broadcast back in quiet hours.
  await store.calendars.put(alwaysOpenCalendar(T));
  const docs: Delivery[] = [];
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const onSlack = i % slackEvery === 0;
    people.set(id, staff(T, id, onSlack ? { slack: { userId: `U${i}`, teamId: 'T1' } } : { teams: { aadObjectId: `aad-${i}` } }));
    docs.push({
      tenantId: T,
      id: deliveryId('invitation', id, 'ses-big'),
      kind: 'invitation',
      recipientId: id,
      dueAt: now,
      status: 'pending',
      subject: { sessionId: 'ses-big' },
      attempts: 0,
      createdAt: now,
    });
  }
  for (let i = 0; i < docs.length; i += 50) await Promise.all(docs.slice(i, i + 50).map((d) => store.deliveries.create(d)));
  return people;
}

const composeFor =
  (people: Map<string, Staff>): ComposeFn =>
  async (d) => ({ ok: true, recipient: people.get(d.recipientId)!, message: { text: 'You are invited', view: { kind: 'thank-you', title: 'x', text: 'y' } } });

async function openStore(databaseId: string): Promise<Store> {
  return openCosmosStore({ client: cosmos.client(), databaseId, createIfMissing: true });
}

async function drain(dispatchers: Dispatcher[], store: Store, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    await Promise.all(dispatchers.map((d) => d.dispatchUntilIdle()));
    if ((await store.deliveries.count(T, { status: 'pending' })) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function senders(platform: RateLimitedPlatform, kill?: KillSwitch, maxSendMs?: number) {
  return [new HttpPlatformSender('teams', platform.url, kill, maxSendMs), new HttpPlatformSender('slack', platform.url, kill, maxSendMs)];
}

describe('broadcast against cosmosdb-server through the rate-limited platform fake', () => {
  it('two dispatcher instances send 500 recipients exactly one message each, despite 429s and 5xx', async () => {
    const platform = await startRateLimitedPlatform({ inject429Rate: 0.03, inject5xxRate: 0.02 });
    const storeA = await openStore('bcast-two');
    const storeB = await openStore('bcast-two');
    const people = await broadcast(storeA, 500, 25);
    const common = { clock: systemClock, logger, compose: composeFor(people), backoff: fastBackoff, batchSize: 250, concurrency: 32 };
    const a = new Dispatcher({ ...common, store: storeA, senders: senders(platform), instanceId: 'a' });
    const b = new Dispatcher({ ...common, store: storeB, senders: senders(platform), instanceId: 'b' });
    await drain([a, b], storeA, 30_000);

    expect(platform.received.size).toBe(500);
    expect([...platform.received.values()].every((count) => count === 1)).toBe(true);
    const sent = await storeA.deliveries.find(T, { where: { status: 'sent' } });
    expect(sent).toHaveLength(500);
    expect(sent.every((d) => d.value.platformMessageId && d.value.platformConversationId && d.value.sentAt)).toBe(true);
    // Both instances worked, and the fake did push back.
    expect(platform.stats.injected429 + platform.stats.limited).toBeGreaterThan(0);
    expect(platform.stats.injected5xx).toBeGreaterThan(0);
    process.stdout.write(`two instances: ${JSON.stringify(platform.stats)}\n`);
    await platform.stop();
  }, 40_000);

  it('a dispatcher killed mid-broadcast and restarted misses no one; duplicates only from sends in flight', async () => {
    const platform = await startRateLimitedPlatform();
    const store = await openStore('bcast-kill');
    const people = await broadcast(store, 200);
    const kill: KillSwitch = { afterSends: 80, killed: false, inFlightAtKill: 0 };
    const leaseMs = 5000;
    // A short lease for a short test: sends must give up within the 3.3 s a send has of it.
    const maxSendMs = 3000;
    const common = { logger, compose: composeFor(people), backoff: fastBackoff, leaseMs };
    const doomed = new Dispatcher({ ...common, store, clock: systemClock, senders: senders(platform, kill, maxSendMs), instanceId: 'doomed' });
    // The doomed instance never finishes: its sends hang from the kill on.
    void doomed.dispatchDue();
    while (!kill.killed) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 1000)); // let requests on the wire land and results already in be recorded

    // The restart comes up after the leases have run out.
    const later: Clock = { now: () => new Date(Date.now() + leaseMs + 1000) };
    const restarted = new Dispatcher({ ...common, store, clock: later, senders: senders(platform, undefined, maxSendMs), instanceId: 'restarted' });
    await drain([restarted], store, 20_000);

    const counts = [...platform.received.values()];
    const duplicates = counts.filter((c) => c > 1).reduce((sum, c) => sum + c - 1, 0);
    process.stdout.write(`kill/restart: in flight at kill ${kill.inFlightAtKill}, duplicates ${duplicates}\n`);
    expect(platform.received.size).toBe(200);
    expect(duplicates).toBeLessThanOrEqual(kill.inFlightAtKill);
    expect(kill.inFlightAtKill).toBeGreaterThan(0);
    expect(await store.deliveries.count(T, { status: 'sent' })).toBe(200);
    await platform.stop();
  }, 40_000);
});
