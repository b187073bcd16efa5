import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { createTeamsBot } from '../../src/bots/teams/create-teams-bot';
import { ManualClock, conversationRefId } from '../../src/domain';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { adaptiveCardProblems } from '../cards/adaptive/validate-adaptive-card';
import { FakeConnector, startFakeConnector } from '../support/fake-connector';
import { M, SECRET, seedMentoringWorld, type Person } from '../support/mentoring-world';
import { virtualSleep } from '../support/test-scheduler';
import { cardText } from '../bots/teams/teams-harness';

const logger = pino({ level: 'silent' });
const conversationOf = (who: Person) => `a:personal-m-${who}`;
const REACHABLE: Person[] = ['tia', 'tom', 'mel', 'mo'];
/** Monday 23 November 2026 (ISO week 48, even), before and at the digest time. */
const BEFORE = '2026-11-23T07:00:00.000Z';
const AT = '2026-11-23T07:30:00.000Z';

describe('the induction digest through the real scheduler and the real Teams sender (botbuilder) to the fake connector', () => {
  let connector: FakeConnector;
  let store: EmbeddedStore;
  let clock: ManualClock;
  let scheduler: Scheduler;

  beforeAll(async () => {
    connector = await startFakeConnector();
    clock = new ManualClock(BEFORE);
    store = openEmbeddedStore({ path: ':memory:', clock });
    await seedMentoringWorld(store, (who) => (REACHABLE.includes(who) ? { teams: { aadObjectId: `aad-m-${who}`, userId: `29:m-${who}` } } : {}));
    for (const who of REACHABLE) {
      const conversationId = conversationOf(who);
      await store.conversations.put({
        tenantId: M,
        id: conversationRefId('teams', conversationId),
        platform: 'teams',
        staffId: who,
        scope: 'personal',
        conversationId,
        reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: conversationId, conversationType: 'personal', tenantId: 'aad-m' }, bot: { id: '28:twilight' }, user: { id: `29:m-${who}` } },
        updatedAt: BEFORE,
      });
    }
    const teams = createTeamsBot({ store, clock, logger, config: { appType: 'MultiTenant' } });
    scheduler = startScheduler({ store, clock, logger, senders: [teams.sender], compose: (delivery) => composeMessage({ store, clock }, delivery), instanceId: 'induction-teams', sleep: virtualSleep(clock) });
  });
  afterAll(async () => {
    await scheduler.stop();
    await connector.stop();
    await store.close();
  });

  const cardsTo = (who: Person, heading: string) =>
    connector
      .sentTo(conversationOf(who))
      .map((a) => FakeConnector.card(a))
      .filter((card) => (card?.body as { text?: string }[] | undefined)?.[0]?.text === heading);

  it('plans none before the digest time', async () => {
    await scheduler.runOnce();
    expect(await store.deliveries.count(M, { kind: 'induction-digest' })).toBe(0);
  });

  it('at 07:30 each induction tutor gets a card about their own early-career teachers; a mentor gets none', async () => {
    clock.set(AT);
    await scheduler.runOnce();
    const [tia] = cardsTo('tia', 'Your early-career teachers');
    expect(tia).toBeDefined();
    expect(adaptiveCardProblems(tia)).toEqual([]);
    const text = cardText(tia);
    for (const expected of ['Ada Early', 'Ben Early', 'Early-career teachers with no mentor', 'Cat Early', 'Fay Early', 'Latest review: at risk (2026-27, term 1)', 'No mentor: name one']) expect(text).toContain(expected);
    expect(text).not.toMatch(/Eve Early|Dan Early|Zed Other/);
    expect(JSON.stringify(tia)).not.toMatch(SECRET);

    const [tom] = cardsTo('tom', 'Your early-career teachers');
    expect(cardText(tom)).toContain('Eve Early');
    expect(cardText(tom)).not.toContain('Ada Early');
    expect(cardsTo('mel', 'Your early-career teachers')).toHaveLength(0);

    const sent = await store.deliveries.find(M, { where: { kind: 'induction-digest' } });
    expect(sent.map((d) => [d.value.recipientId, d.value.status, d.value.platform, d.value.subject.digestWeek]).sort()).toEqual([
      ['tia', 'sent', 'teams', '2026-W48'],
      ['tom', 'sent', 'teams', '2026-W48'],
    ]);
  });

  it("the line manager's digest, sent at the same time, carries no mentoring", async () => {
    const [mo] = cardsTo('mo', 'Your team’s CPD');
    expect(cardText(mo)).toContain('Ada Early');
    expect(JSON.stringify(mo)).not.toMatch(/SECRET|mentor|Tia Tutor|at risk/i);
  });

  it('a minute later sends no second digest, and the odd week after sends none', async () => {
    const before = connector.sentTo(conversationOf('tia')).length;
    clock.set(new Date(Date.parse(AT) + 60_000));
    await scheduler.runOnce();
    clock.set('2026-11-30T07:30:00.000Z');
    await scheduler.runOnce();
    expect(connector.sentTo(conversationOf('tia')).length).toBe(before);
    expect(await store.deliveries.count(M, { kind: 'induction-digest' })).toBe(2);
  });
});
