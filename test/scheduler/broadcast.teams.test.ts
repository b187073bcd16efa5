import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { createTeamsBot } from '../../src/bots/teams/create-teams-bot';
import type { Clock, Delivery } from '../../src/domain';
import { conversationRefId, deliveryId } from '../../src/domain';
import { Dispatcher } from '../../src/scheduler/send/dispatcher';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import type { Store } from '../../src/store/store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { alwaysOpenCalendar, session, staff, tenant } from '../support/fixtures';

const T = 'trust-teams-bcast';
const N = 500;
const logger = pino({ level: 'silent' });
// Real time: the connector client waits out Retry-After by itself, in seconds.
const clock: Clock = { now: () => new Date() };

let cosmos: LoopbackCosmos;
let connector: FakeConnector;
beforeAll(async () => {
  [cosmos, connector] = await Promise.all([startLoopbackCosmos(), startFakeConnector()]);
});
afterAll(async () => {
  await connector.stop();
  await cosmos.stop();
});

/** N staff, each with a personal Teams chat the bot has seen, and an invitation each in the outbox. */
async function seedBroadcast(store: Store): Promise<void> {
  await store.tenants.put(tenant(T));
  // Real time: without this the dispatcher would hold the broadcast back in quiet hours.
  await store.calendars.put(alwaysOpenCalendar(T));
  await store.sessions.put(session(T, 'ses-big', { title: 'Whole-trust INSET: behaviour', startsAt: '2099-01-05T09:00:00.000Z', endsAt: '2099-01-05T15:00:00.000Z' }));
  const now = new Date(Date.now() - 1000).toISOString();
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < N; i++) {
    const id = `p${i}`;
    const conversationId = `a:personal-${i}`;
    writes.push(
      store.staff.put(staff(T, id, { teams: { aadObjectId: `aad-${i}`, userId: `29:${i}` } })),
      store.conversations.put({
        tenantId: T,
        id: conversationRefId('teams', conversationId),
        platform: 'teams',
        staffId: id,
        scope: 'personal',
        conversationId,
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'aad-tenant' },
          bot: { id: '28:twilight' },
          user: { id: `29:${i}` },
        },
        updatedAt: now,
      }),
      store.deliveries.create({
        tenantId: T,
        id: deliveryId('invitation', id, 'ses-big'),
        kind: 'invitation',
        recipientId: id,
        dueAt: now,
        status: 'pending',
        subject: { sessionId: 'ses-big' },
        attempts: 0,
        createdAt: now,
      } satisfies Delivery),
    );
    if (writes.length >= 150) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
}

async function instance(name: string): Promise<{ dispatcher: Dispatcher; store: Store }> {
  const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'teams-bcast', createIfMissing: true });
  const teams = createTeamsBot({ store, clock, logger, config: { appType: 'MultiTenant' } });
  const dispatcher = new Dispatcher({
    store,
    clock,
    logger,
    senders: [teams.sender],
    compose: (delivery) => composeMessage({ store, clock }, delivery),
    instanceId: name,
    backoff: { maxAttempts: 8, baseMs: 200, capMs: 2000 },
    batchSize: 100,
    concurrency: 16,
  });
  return { dispatcher, store };
}

describe('a broadcast through the real Teams sender (botbuilder) to the fake connector, two instances on cosmosdb-server', () => {
  it(`${N} recipients get exactly one invitation card each, with 429 + Retry-After on the way`, async () => {
    const a = await instance('teams-a');
    const b = await instance('teams-b');
    await seedBroadcast(a.store);
    // The connector is busy at the start of the broadcast: the client's own retries wait it out.
    connector.failNext(6, 429, { 'Retry-After': '1' });

    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await a.store.deliveries.count(T, { status: 'pending' })) > 0) {
      await Promise.all([a.dispatcher.dispatchUntilIdle(), b.dispatcher.dispatchUntilIdle()]);
    }

    const perConversation = new Map<string, number>();
    for (const activity of connector.activities) perConversation.set(activity.conversationId, (perConversation.get(activity.conversationId) ?? 0) + 1);
    expect(perConversation.size).toBe(N);
    expect([...perConversation.values()].every((n) => n === 1)).toBe(true);
    expect(connector.requests.length).toBeGreaterThan(N); // the 429s were really answered
    expect(await a.store.deliveries.count(T, { status: 'sent' })).toBe(N);
    const card = connector.activities[0]?.activity as { attachments?: { contentType: string }[] };
    expect(card.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const sent = await a.store.deliveries.find(T, { where: { status: 'sent' }, limit: 5 });
    expect(sent.every((d) => d.value.platform === 'teams' && d.value.platformMessageId && d.value.platformConversationId)).toBe(true);
    await a.store.close();
    await b.store.close();
  }, 90_000);
});
