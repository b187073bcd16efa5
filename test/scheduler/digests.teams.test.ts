import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { createTeamsBot } from '../../src/bots/teams/create-teams-bot';
import { ManualClock, conversationRefId } from '../../src/domain';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { adaptiveCardProblems } from '../cards/adaptive/validate-adaptive-card';
import { FakeConnector, startFakeConnector } from '../support/fake-connector';
import { A, B, BEFORE_DIGEST_TIME, DIGEST_EXPECTATIONS, DIGEST_RECIPIENTS, DIGEST_TIME, seedDigestWorld, virtualSleep, type DigestRecipient } from './digest-world';

const logger = pino({ level: 'silent' });
const conversationOf = (r: DigestRecipient) => `a:personal-${r.tenantId}-${r.staffId}`;
/** The heading each digest card opens with. */
const HEADINGS = { manager: 'Your team’s CPD', lead: 'Your CPD programme' };

describe('weekly digests through the real scheduler and the real Teams sender (botbuilder) to the fake connector', () => {
  let connector: FakeConnector;
  let store: EmbeddedStore;
  let clock: ManualClock;
  let scheduler: Scheduler;

  beforeAll(async () => {
    connector = await startFakeConnector();
    clock = new ManualClock(BEFORE_DIGEST_TIME);
    store = openEmbeddedStore({ path: ':memory:', clock });
    await seedDigestWorld(store, (r) => ({ teams: { aadObjectId: `aad-${r.tenantId}-${r.staffId}`, userId: `29:${r.tenantId}-${r.staffId}` } }));
    for (const r of DIGEST_RECIPIENTS) {
      const conversationId = conversationOf(r);
      await store.conversations.put({
        tenantId: r.tenantId,
        id: conversationRefId('teams', conversationId),
        platform: 'teams',
        staffId: r.staffId,
        scope: 'personal',
        conversationId,
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: conversationId, conversationType: 'personal', tenantId: `aad-${r.tenantId}` },
          bot: { id: '28:twilight' },
          user: { id: `29:${r.tenantId}-${r.staffId}` },
        },
        updatedAt: BEFORE_DIGEST_TIME,
      });
    }
    const teams = createTeamsBot({ store, clock, logger, config: { appType: 'MultiTenant' } });
    scheduler = startScheduler({
      store,
      clock,
      logger,
      senders: [teams.sender],
      compose: (delivery) => composeMessage({ store, clock }, delivery),
      instanceId: 'digest-teams',
      sleep: virtualSleep(clock),
    });
  });
  afterAll(async () => {
    await scheduler.stop();
    await connector.stop();
    await store.close();
  });

  /** The digest cards that reached one person's chat. */
  const digestCards = (r: DigestRecipient, heading: string) =>
    connector
      .sentTo(conversationOf(r))
      .map((a) => FakeConnector.card(a))
      .filter((card) => (card?.body as { text?: string }[] | undefined)?.[0]?.text === heading);

  it('plans no digest at 07:00 on Monday, before the digest time', async () => {
    await scheduler.runOnce();
    for (const tenantId of [A, B]) expect(await store.deliveries.count(tenantId, { kind: { in: ['manager-digest', 'lead-digest'] } })).toBe(0);
    for (const r of DIGEST_RECIPIENTS) expect([...digestCards(r, HEADINGS.lead), ...digestCards(r, HEADINGS.manager)]).toHaveLength(0);
  });

  it('sends nothing at all at 07:00 (quiet hours): invitations to a session published weeks ago wait for 07:30', async () => {
    expect(connector.activities).toEqual([]);
    const invitations = await store.deliveries.find(A, { where: { kind: 'invitation' } });
    expect(invitations.length).toBeGreaterThan(0);
    for (const d of invitations) expect([d.value.status, d.value.dueAt]).toEqual(['pending', DIGEST_TIME]);
  });

  it('at 07:30 each manager gets a card about their own reports and each lead a programme card about their own trust', async () => {
    clock.set(DIGEST_TIME);
    await scheduler.runOnce();
    for (const r of DIGEST_RECIPIENTS) {
      const cards = digestCards(r, r.key.startsWith('lead') ? HEADINGS.lead : HEADINGS.manager);
      expect({ who: r.key, cards: cards.length }).toEqual({ who: r.key, cards: 1 });
      const text = JSON.stringify(cards[0]);
      for (const expected of DIGEST_EXPECTATIONS[r.key].has) expect(text).toContain(expected);
      expect(text).not.toMatch(DIGEST_EXPECTATIONS[r.key].hasNot);
      expect(adaptiveCardProblems(cards[0])).toEqual([]);
    }
    // A manager gets no programme card and a lead no team card.
    expect(digestCards(DIGEST_RECIPIENTS[1], HEADINGS.lead)).toHaveLength(0);
    expect(digestCards(DIGEST_RECIPIENTS[0], HEADINGS.manager)).toHaveLength(0);
    for (const tenantId of [A, B]) {
      const sent = await store.deliveries.find(tenantId, { where: { kind: 'lead-digest' } });
      expect(sent.map((d) => [d.value.recipientId, d.value.status, d.value.platform, d.value.subject.digestWeek])).toEqual([['lead', 'sent', 'teams', '2026-W48']]);
    }
  });

  it('a minute later plans and sends no second digest', async () => {
    const before = connector.activities.length;
    clock.set(new Date(Date.parse(DIGEST_TIME) + 60_000));
    await scheduler.runOnce();
    expect(connector.activities.length).toBe(before);
    expect(await store.deliveries.count(A, { kind: { in: ['manager-digest', 'lead-digest'] } })).toBe(3);
  });
});
