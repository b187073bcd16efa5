import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import type { SendResult } from '../../src/app/outbound';
import { ManualClock, type Delivery, type Staff } from '../../src/domain';
import { Dispatcher, type ComposeFn } from '../../src/scheduler/send/dispatcher';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { alwaysOpenCalendar, delivery, staff } from '../support/fixtures';
import { ScriptedSender } from './dispatcher-world';

const logger = pino({ level: 'silent' });
const START = '2026-11-23T09:00:00.000Z';

/**
 * Issue 15's reproduction: records in retry backoff, due earlier than a healthy one, must not
 * hide it. Before `availableAt`, the due query read the 400 earliest-due pending records and only
 * then dropped backed-off ones, so 400 in backoff meant 0 claims for everyone.
 */
interface OpenedStore {
  store: Store;
  close(): Promise<void>;
  /** Writes a delivery as the code before `availableAt` did, past the schema that now derives it. */
  writeWithoutAvailableAt(d: Delivery): Promise<void>;
}

function describeOutbox(adapter: string, open: (clock: ManualClock) => Promise<OpenedStore>) {
  describe(`outbox claims (${adapter})`, () => {
    let clock: ManualClock;
    let store: Store;
    let opened: OpenedStore;
    beforeEach(async () => {
      clock = new ManualClock(START);
      opened = await open(clock);
      store = opened.store;
    });
    afterEach(() => opened.close());

    const people = new Map<string, Staff>();
    async function seed(tenantId: string, n: number, dueAt = START): Promise<void> {
      await store.calendars.put(alwaysOpenCalendar(tenantId));
      const docs: Delivery[] = [];
      for (let i = 0; i < n; i++) {
        const id = `${tenantId}-s${i}`;
        people.set(id, staff(tenantId, id, { teams: { aadObjectId: `aad-${id}` } }));
        docs.push(delivery(tenantId, id, { dueAt: new Date(Date.parse(dueAt) - n + i).toISOString() }));
      }
      for (let i = 0; i < docs.length; i += 50) await Promise.all(docs.slice(i, i + 50).map((d) => store.deliveries.create(d)));
    }

    test('every write derives availableAt: due, then the lease end on claim, then the backoff on release', async () => {
      await seed('t-a', 1);
      const [row] = await store.deliveries.find('t-a');
      expect(row!.value.availableAt).toBe(row!.value.dueAt);
      const fail: SendResult = { status: 'failed', transient: true, reason: 'HTTP 503' };
      await dispatcher(new ScriptedSender('teams', clock, [fail]), people).dispatchDue();
      const [released] = await store.deliveries.find('t-a');
      expect(released!.value.nextAttemptAt).toBeDefined();
      expect(released!.value.availableAt).toBe(released!.value.nextAttemptAt);
    });

    test('a pass shares its claims round-robin between tenants: a big backlog does not hold back another tenant', async () => {
      await seed('t-big', 300, '2026-11-23T08:00:00.000Z');
      await seed('t-small', 2);
      const sender = new ScriptedSender('teams', clock);
      const summary = await dispatcher(sender, people, { batchSize: 10, concurrency: 1 }).dispatchDue();
      // Round after round of 10 within the one pass; the first round already holds t-small's two.
      expect(summary.claimed).toBe(302);
      const order = sender.sends.map((s) => people.get(s.recipientId)!.tenantId);
      expect(order.filter((t) => t === 't-small')).toHaveLength(2);
      expect(order.slice(0, 4).sort()).toEqual(['t-big', 't-big', 't-small', 't-small']);
    });

    test('one tenant gets at most maxClaimsPerTenant in a claim round, so the outbox is asked again soon; the pass goes on round after round', async () => {
      await seed('t-big', 30);
      const claimedPerRound: number[] = [];
      const find = store.deliveries.findAcrossTenants.bind(store.deliveries);
      store.deliveries.findAcrossTenants = async (q) => {
        if (q?.orderBy?.field === 'availableAt') claimedPerRound.push(0);
        return find(q);
      };
      const put = store.deliveries.put.bind(store.deliveries);
      store.deliveries.put = async (d, o) => {
        // A claim leases the record as found; the renewal before the send also names the platform.
        if (d.leaseOwner === 'a' && d.platform === undefined) claimedPerRound[claimedPerRound.length - 1]!++;
        return put(d, o);
      };
      const summary = await dispatcher(new ScriptedSender('teams', clock), people, { batchSize: 20, maxClaimsPerTenant: 8, concurrency: 2 }).dispatchDue();
      expect(summary).toMatchObject({ claimed: 30, sent: 30 });
      expect(claimedPerRound).toEqual([8, 8, 8, 6]);
    });

    test('pending records written before availableAt existed are still claimed, once', async () => {
      people.set('old', staff('t-old', 'old', { teams: { aadObjectId: 'aad-old' } }));
      await store.calendars.put(alwaysOpenCalendar('t-old'));
      const sender = new ScriptedSender('teams', clock);
      const d = dispatcher(sender, people);
      expect((await d.dispatchDue()).claimed).toBe(0);
      await opened.writeWithoutAvailableAt(delivery('t-old', 'old'));
      // Looked for on the first pass and then once a minute (the query scans: "field absent" has no index).
      expect((await d.dispatchDue()).claimed).toBe(0);
      clock.advance(60_000);
      expect(await d.dispatchUntilIdle()).toMatchObject({ claimed: 1, sent: 1 });
      expect(sender.sends.map((s) => s.recipientId)).toEqual(['old']);
    });


    function dispatcher(sender: ScriptedSender, people: Map<string, Staff>, extra: { batchSize?: number; concurrency?: number; maxClaimsPerTenant?: number } = {}): Dispatcher {
      const compose: ComposeFn = async (d) => ({ ok: true, recipient: people.get(d.recipientId)!, message: { text: 'hi', view: { kind: 'thank-you', title: 'x', text: 'y' } } });
      // The rate limiter waits on the manual clock; backoff of ten minutes and more outlasts the whole test.
      const sleep = async (ms: number) => clock.advance(ms);
      const backoff = { maxAttempts: 5, baseMs: 20 * 60_000, capMs: 60 * 60_000 };
      return new Dispatcher({ store, clock, logger, senders: [sender], compose, instanceId: 'a', sleep, random: () => 0.5, backoff, ...extra });
    }

    test('400 records in backoff ahead of one healthy due record: the next pass sends the healthy one', async () => {
      const tenants = ['t-a', 't-b'];
      for (const t of tenants) await store.calendars.put(alwaysOpenCalendar(t));
      const failing: Delivery[] = [];
      for (let i = 0; i < 400; i++) {
        const tenantId = tenants[i % 2]!;
        people.set(`s${i}`, staff(tenantId, `s${i}`, { teams: { aadObjectId: `aad-${i}` } }));
        failing.push(delivery(tenantId, `s${i}`, { dueAt: new Date(Date.parse(START) - 60_000 + i).toISOString() }));
      }
      for (let i = 0; i < failing.length; i += 50) await Promise.all(failing.slice(i, i + 50).map((d) => store.deliveries.create(d)));
      // A platform outage: every send fails transiently, so all 400 go back with a backoff.
      const outage: SendResult[] = Array.from({ length: 400 }, () => ({ status: 'failed', transient: true, reason: 'HTTP 503' }));
      const down = new ScriptedSender('teams', clock, outage);
      const first = await dispatcher(down, people).dispatchUntilIdle();
      expect(first.retried).toBe(400);
      expect((await store.deliveries.find('t-a', { where: { status: 'pending' } })).filter((d) => d.value.attempts === 1)).toHaveLength(200);

      // One healthy record, due after all of them, for a third tenant.
      clock.advance(1000);
      await store.calendars.put(alwaysOpenCalendar('t-c'));
      people.set('c0', staff('t-c', 'c0', { teams: { aadObjectId: 'aad-c0' } }));
      await store.deliveries.create(delivery('t-c', 'c0', { dueAt: clock.now().toISOString() }));

      const up = new ScriptedSender('teams', clock);
      const next = await dispatcher(up, people).dispatchDue();
      expect(next).toMatchObject({ claimed: 1, sent: 1 });
      expect(up.sends.map((s) => s.recipientId)).toEqual(['c0']);
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'twilight-outbox-'));
let file = 0;
describeOutbox('embedded SQLite', async (clock) => {
  const path = join(dir, `outbox-${file++}.db`);
  const store = openEmbeddedStore({ path, clock });
  return {
    store,
    close: () => store.close(),
    async writeWithoutAvailableAt(d) {
      const db = new Database(path);
      db.prepare('INSERT INTO deliveries (tenant_id, id, doc, etag) VALUES (?, ?, ?, ?)').run(d.tenantId, d.id, JSON.stringify(d), 'legacy');
      db.close();
    },
  };
});

let cosmos: LoopbackCosmos;
let database = 0;
beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
});
afterAll(async () => {
  await cosmos.stop();
});

describeOutbox('Cosmos DB via @azure/cosmos against cosmosdb-server', async () => {
  const client = cosmos.client();
  const databaseId = `outbox-${database++}`;
  const store = await openCosmosStore({ client, databaseId, createIfMissing: true });
  return {
    store,
    close: async () => undefined,
    async writeWithoutAvailableAt(d) {
      await client.database(databaseId).container('deliveries').items.create(d);
    },
  };
});
