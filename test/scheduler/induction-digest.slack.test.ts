import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { createSlackBot } from '../../src/bots/slack/create-slack-bot';
import { ManualClock } from '../../src/domain';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { BlockKitMessage } from '../../src/cards/blockkit';
import { slackLimitBreaches } from '../cards/blockkit/slack-limits';
import { FakeSlackApi } from '../support/fake-slack-api';
import { M, SECRET, mentoringTenant, seedMentoringWorld, type Person } from '../support/mentoring-world';
import { virtualSleep } from '../support/test-scheduler';

const logger = pino({ level: 'silent' });
const slackId = (who: Person) => `UM${who.toUpperCase()}`;
const REACHABLE: Person[] = ['tia', 'tom', 'mel', 'mo'];
const BEFORE = '2026-11-23T07:00:00.000Z';
const AT = '2026-11-23T07:30:00.000Z';

describe('the induction digest through the real scheduler and the real Bolt sender to the fake Slack Web API', () => {
  let api: FakeSlackApi;
  let store: EmbeddedStore;
  let clock: ManualClock;
  let scheduler: Scheduler;

  beforeAll(async () => {
    api = new FakeSlackApi();
    await api.start();
    clock = new ManualClock(BEFORE);
    store = openEmbeddedStore({ path: ':memory:', clock });
    await seedMentoringWorld(store, (who) => (REACHABLE.includes(who) ? { slack: { userId: slackId(who), teamId: api.teamId } } : {}));
    await store.tenants.put({ ...mentoringTenant(), slackTeamId: api.teamId });
    const slack = createSlackBot({ store, clock, logger, config: { botToken: 'xoxb-test', signingSecret: 'test-signing-secret', slackApiUrl: api.apiUrl } });
    scheduler = startScheduler({ store, clock, logger, senders: [slack.sender], compose: (delivery) => composeMessage({ store, clock }, delivery), instanceId: 'induction-slack', sleep: virtualSleep(clock) });
  });
  afterAll(async () => {
    await scheduler.stop();
    await api.stop();
    await store.close();
  });

  const postsTo = (who: Person, header: string) =>
    api
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === slackId(who))
      .map((c) => ({ text: String(c.args.text), blocks: c.args.blocks as { type: string; text?: { text: string } }[] }))
      .filter((m) => m.blocks?.[0]?.type === 'header' && m.blocks[0].text?.text.startsWith(header));

  it('plans none before the digest time', async () => {
    await scheduler.runOnce();
    expect(await store.deliveries.count(M, { kind: 'induction-digest' })).toBe(0);
  });

  it('at 07:30 each induction tutor gets a DM about their own early-career teachers; a mentor gets none', async () => {
    clock.set(AT);
    await scheduler.runOnce();
    const [tia] = postsTo('tia', 'Early-career teachers:');
    expect(tia).toBeDefined();
    expect(slackLimitBreaches(tia as BlockKitMessage, 'message')).toEqual([]);
    expect(tia!.text).toBe('Your early-career teachers (Monday 23 November 2026)');
    const text = JSON.stringify(tia!.blocks);
    for (const expected of ['Ada Early', 'Ben Early', 'Early-career teachers with no mentor', 'Cat Early', 'Fay Early', 'Latest review: at risk (2026-27, term 1)']) expect(text).toContain(expected);
    expect(text).not.toMatch(/Eve Early|Dan Early|Zed Other/);
    expect(text).not.toMatch(SECRET);
    expect(JSON.stringify(postsTo('tom', 'Early-career teachers:'))).toContain('Eve Early');
    expect(postsTo('mel', 'Early-career teachers:')).toHaveLength(0);
    const sent = await store.deliveries.find(M, { where: { kind: 'induction-digest' } });
    expect(sent.map((d) => [d.value.recipientId, d.value.status, d.value.platform]).sort()).toEqual([
      ['tia', 'sent', 'slack'],
      ['tom', 'sent', 'slack'],
    ]);
  });

  it("the line manager's digest carries no mentoring", async () => {
    const [mo] = postsTo('mo', 'CPD digest:');
    expect(JSON.stringify(mo!.blocks)).toContain('Ada Early');
    expect(JSON.stringify(mo!.blocks)).not.toMatch(/SECRET|mentor|Tia Tutor|at risk/i);
  });
});
