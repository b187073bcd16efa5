import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { createSlackBot } from '../../src/bots/slack/create-slack-bot';
import { ManualClock } from '../../src/domain';
import { startScheduler, type Scheduler } from '../../src/scheduler/scheduler';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { BlockKitMessage } from '../../src/cards/blockkit';
import { slackLimitBreaches } from '../cards/blockkit/slack-limits';
import { FakeSlackApi } from '../support/fake-slack-api';
import { A, B, BEFORE_DIGEST_TIME, DIGEST_EXPECTATIONS, DIGEST_RECIPIENTS, DIGEST_TIME, seedDigestWorld, virtualSleep, type DigestRecipient } from './digest-world';

const logger = pino({ level: 'silent' });
const slackUserOf = (r: DigestRecipient) => `U${r.tenantId.replace(/\W/g, '').toUpperCase()}${r.staffId.toUpperCase()}`;
/** How each digest's header starts. */
const HEADERS = { manager: 'CPD digest:', lead: 'CPD programme:' };

describe('weekly digests through the real scheduler and the real Bolt sender to the fake Slack Web API', () => {
  let api: FakeSlackApi;
  let store: EmbeddedStore;
  let clock: ManualClock;
  let scheduler: Scheduler;

  beforeAll(async () => {
    api = new FakeSlackApi();
    await api.start();
    clock = new ManualClock(BEFORE_DIGEST_TIME);
    store = openEmbeddedStore({ path: ':memory:', clock });
    await seedDigestWorld(store, (r) => ({ slack: { userId: slackUserOf(r), teamId: api.teamId } }));
    const slack = createSlackBot({ store, clock, logger, config: { botToken: 'xoxb-test', signingSecret: 'test-signing-secret', slackApiUrl: api.apiUrl } });
    scheduler = startScheduler({
      store,
      clock,
      logger,
      senders: [slack.sender],
      compose: (delivery) => composeMessage({ store, clock }, delivery),
      instanceId: 'digest-slack',
      sleep: virtualSleep(clock),
    });
  });
  afterAll(async () => {
    await scheduler.stop();
    await api.stop();
    await store.close();
  });

  /** The digest DMs posted to one person (chat.postMessage to their user id opens the DM). */
  const digestPosts = (r: DigestRecipient, header: string) =>
    api
      .callsOf('chat.postMessage')
      .filter((c) => c.args.channel === slackUserOf(r))
      .map((c) => ({ text: String(c.args.text), blocks: c.args.blocks as { type: string; text?: { text: string } }[] }))
      .filter((m) => m.blocks?.[0]?.type === 'header' && m.blocks[0].text?.text.startsWith(header));

  it('plans no digest at 07:00 on Monday, before the digest time', async () => {
    await scheduler.runOnce();
    for (const tenantId of [A, B]) expect(await store.deliveries.count(tenantId, { kind: { in: ['manager-digest', 'lead-digest'] } })).toBe(0);
    for (const r of DIGEST_RECIPIENTS) expect([...digestPosts(r, HEADERS.lead), ...digestPosts(r, HEADERS.manager)]).toHaveLength(0);
  });

  it('at 07:30 each manager gets a DM about their own reports and each lead a programme DM about their own trust', async () => {
    clock.set(DIGEST_TIME);
    await scheduler.runOnce();
    for (const r of DIGEST_RECIPIENTS) {
      const isLead = r.key.startsWith('lead');
      const posts = digestPosts(r, isLead ? HEADERS.lead : HEADERS.manager);
      expect({ who: r.key, posts: posts.length }).toEqual({ who: r.key, posts: 1 });
      const message = posts[0]!;
      const text = JSON.stringify(message.blocks);
      for (const expected of DIGEST_EXPECTATIONS[r.key].has) expect(text).toContain(expected);
      expect(text).not.toMatch(DIGEST_EXPECTATIONS[r.key].hasNot);
      expect(message.text).toBe(isLead ? 'Your CPD programme this week (16–22 November 2026)' : "Your team's CPD this week (16–22 November 2026)");
      expect(slackLimitBreaches(message as unknown as BlockKitMessage, 'message')).toEqual([]);
    }
    expect(digestPosts(DIGEST_RECIPIENTS[1], HEADERS.lead)).toHaveLength(0);
    expect(digestPosts(DIGEST_RECIPIENTS[0], HEADERS.manager)).toHaveLength(0);
    for (const tenantId of [A, B]) {
      const sent = await store.deliveries.find(tenantId, { where: { kind: 'lead-digest' } });
      expect(sent.map((d) => [d.value.recipientId, d.value.status, d.value.platform])).toEqual([['lead', 'sent', 'slack']]);
      // The DM channel Slack answered with is kept, so the message can be updated later.
      expect(sent[0]!.value.platformConversationId).toMatch(/^D/);
    }
  });

  it('a minute later plans and sends no second digest', async () => {
    const before = api.callsOf('chat.postMessage').length;
    clock.set(new Date(Date.parse(DIGEST_TIME) + 60_000));
    await scheduler.runOnce();
    expect(api.callsOf('chat.postMessage').length).toBe(before);
  });
});
