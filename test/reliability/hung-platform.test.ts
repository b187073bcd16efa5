import pino from 'pino';
import { composeMessage } from '../../src/app/compose-message';
import { conversationRefId, deliveryId, type Delivery } from '../../src/domain';
import { Dispatcher } from '../../src/scheduler/send/dispatcher';
import type { BackoffPolicy } from '../../src/scheduler/send/backoff';
import { sendBudgetMs } from '../../src/scheduler/send/send-budget';
import { session } from '../support/fixtures';
import { PEOPLE, TENANT, startReliabilityWorld, type Person, type ReliabilityWorld } from './support/reliability-world';

/**
 * A platform that accepts the connection and never answers: the fake Bot Connector and the fake
 * Slack Web API in "hang" mode, behind the real botbuilder CloudAdapter and the real bolt
 * WebClient with PLATFORM_TIMEOUT_MS = 200. The dispatcher runs on the world's manual clock; only
 * the HTTP timeout runs on real time.
 */
const TIMEOUT_MS = 200;
const LEASE_MS = 60_000;
const BACKOFF: BackoffPolicy = { maxAttempts: 3, baseMs: 2000, capMs: 60_000 };
/** backoffMs with random 0.5 after the first attempt: 2000 / 2 + 2000 / 2 × 0.5. */
const FIRST_RETRY_MS = 1500;
const logger = pino({ level: 'silent' });
/** For docs/reliability.md, printed at the end. */
const figures: Record<string, unknown> = {};

interface PlatformUnderTest {
  platform: 'teams' | 'slack';
  person: Person;
  hang(w: ReliabilityWorld): void;
  recover(w: ReliabilityWorld): void;
  waitForHung(w: ReliabilityWorld, count: number): Promise<void>;
  hungCount(w: ReliabilityWorld): number;
  /** Messages the platform accepted for the person (answered; hung requests are not delivered). */
  delivered(w: ReliabilityWorld): number;
}

const JO_CONVERSATION = 'a:personal-jo';

const PLATFORMS: PlatformUnderTest[] = [
  {
    platform: 'teams',
    person: PEOPLE.jo,
    hang: (w) => w.connector.hang(),
    recover: (w) => w.connector.recover(),
    waitForHung: (w, n) => w.connector.waitForHung(n),
    hungCount: (w) => w.connector.hung.length,
    delivered: (w) => w.connector.sentTo(JO_CONVERSATION).length,
  },
  {
    platform: 'slack',
    person: PEOPLE.sam,
    hang: (w) => w.slackApi.hang('chat.postMessage'),
    recover: (w) => w.slackApi.recover(),
    waitForHung: (w, n) => w.slackApi.waitForHung(n),
    hungCount: (w) => w.slackApi.hung.length,
    delivered: (w) => {
      const toSam = (calls: { method: string; args: Record<string, unknown> }[]) => calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === PEOPLE.sam.slackId).length;
      return toSam(w.slackApi.calls) - toSam(w.slackApi.hung);
    },
  },
];

let w: ReliabilityWorld;
beforeAll(async () => {
  w = await startReliabilityWorld({ platformTimeoutMs: TIMEOUT_MS });
  // Jo is reached in her Teams personal chat, Sam prefers Slack.
  await w.inner.conversations.put({
    tenantId: TENANT,
    id: conversationRefId('teams', JO_CONVERSATION),
    platform: 'teams',
    staffId: PEOPLE.jo.staffId,
    scope: 'personal',
    conversationId: JO_CONVERSATION,
    reference: {
      channelId: 'msteams',
      serviceUrl: w.connector.url,
      conversation: { id: JO_CONVERSATION, conversationType: 'personal', tenantId: 'aad-r' },
      bot: { id: '28:twilight-bot' },
      user: { id: PEOPLE.jo.teamsId },
    },
    updatedAt: w.clock.now().toISOString(),
  });
  const sam = (await w.inner.staff.get(TENANT, PEOPLE.sam.staffId))!;
  await w.inner.staff.put({ ...sam.value, preferredPlatform: 'slack' });
});
afterAll(async () => {
  await w.close();
  console.log(`hung platform: ${JSON.stringify(figures)}`);
});

function dispatcher(instanceId: string): Dispatcher {
  // A virtual timer for the rate limiter: it moves the manual clock instead of waiting.
  const sleep = async (ms: number) => w.clock.advance(ms);
  return new Dispatcher({
    store: w.store,
    clock: w.clock,
    logger,
    senders: [w.teams.sender, w.slack.sender],
    compose: (d) => composeMessage({ store: w.store, clock: w.clock }, d),
    instanceId,
    sleep,
    random: () => 0.5,
    backoff: BACKOFF,
    leaseMs: LEASE_MS,
  });
}

/** An invitation to a session of its own, due now, in the outbox for `who`. */
async function invitation(who: Person, sessionId: string): Promise<string> {
  await w.inner.sessions.put(session(TENANT, sessionId, { title: `Behaviour ${sessionId}` }));
  const now = w.clock.now().toISOString();
  const id = deliveryId('invitation', who.staffId, sessionId);
  await w.inner.deliveries.create({ tenantId: TENANT, id, kind: 'invitation', recipientId: who.staffId, dueAt: now, status: 'pending', subject: { sessionId }, attempts: 0, createdAt: now } satisfies Delivery);
  return id;
}

async function record(id: string): Promise<Delivery> {
  return (await w.inner.deliveries.get(TENANT, id))!.value;
}

describe('a hung platform (accepts, never answers) behind the real clients, PLATFORM_TIMEOUT_MS = 200', () => {
  it('both senders fit the lease: the longest a send can take is under what a send has left of its lease', () => {
    expect(w.teams.sender.maxSendMs).toBe(2 * TIMEOUT_MS);
    expect(w.slack.sender.maxSendMs).toBe(TIMEOUT_MS);
    for (const sender of [w.teams.sender, w.slack.sender]) expect(sender.maxSendMs).toBeLessThan(sendBudgetMs(LEASE_MS));
  });

  describe.each(PLATFORMS)('$platform', (p) => {
    it('the send times out as a transient failure, the lease is handed back, and after the platform recovers the person gets exactly one message', async () => {
      const id = await invitation(p.person, `ses-hang-${p.platform}`);
      const deliveredBefore = p.delivered(w);
      const hungBefore = p.hungCount(w);
      p.hang(w);
      const a = dispatcher(`${p.platform}-a`);
      const b = dispatcher(`${p.platform}-b`);

      const started = Date.now();
      const firstPass = a.dispatchDue();
      // While A waits on the hung request, its lease keeps B off the record.
      await p.waitForHung(w, hungBefore + 1);
      expect((await b.dispatchDue()).claimed).toBe(0);
      const summary = await firstPass;
      const detectedMs = Date.now() - started;
      figures[`${p.platform}DetectedMs`] = detectedMs;

      expect(summary).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
      expect(detectedMs).toBeGreaterThanOrEqual(TIMEOUT_MS);
      // The send gave up long before another instance could take the record over.
      expect(detectedMs).toBeLessThan(sendBudgetMs(LEASE_MS));
      const afterTimeout = await record(id);
      expect(afterTimeout).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/^timeout/) });
      expect(afterTimeout.leaseOwner).toBeUndefined();
      expect(afterTimeout.leaseUntil).toBeUndefined();
      expect(afterTimeout.nextAttemptAt).toBe(new Date(w.clock.now().getTime() + FIRST_RETRY_MS).toISOString());
      // Not due again yet: neither instance sends it.
      expect((await b.dispatchDue()).claimed).toBe(0);

      p.recover(w);
      w.clock.advance(FIRST_RETRY_MS);
      expect(await b.dispatchDue()).toMatchObject({ claimed: 1, sent: 1 });
      expect(await record(id)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(p.delivered(w) - deliveredBefore).toBe(1);
      expect(p.hungCount(w) - hungBefore).toBe(1);
      expect((await a.dispatchUntilIdle()).claimed).toBe(0);
    });

    it('a platform hung through every attempt: the delivery ends failed with a timeout after the backoff, never reported sent', async () => {
      const id = await invitation(p.person, `ses-hang-long-${p.platform}`);
      const deliveredBefore = p.delivered(w);
      const hungBefore = p.hungCount(w);
      p.hang(w);
      const a = dispatcher(`${p.platform}-c`);
      const waits: number[] = [];
      for (let attempt = 1; attempt <= BACKOFF.maxAttempts; attempt++) {
        expect((await a.dispatchDue()).claimed).toBe(1);
        const d = await record(id);
        if (d.nextAttemptAt) {
          const wait = Date.parse(d.nextAttemptAt) - w.clock.now().getTime();
          waits.push(wait);
          w.clock.advance(wait);
        }
      }
      p.recover(w);
      expect(waits).toEqual([1500, 3000]);
      expect(await record(id)).toMatchObject({ status: 'failed', attempts: BACKOFF.maxAttempts, lastError: expect.stringMatching(/^timeout/) });
      expect(p.hungCount(w) - hungBefore).toBe(BACKOFF.maxAttempts);
      expect(p.delivered(w) - deliveredBefore).toBe(0);
      figures[`${p.platform}Attempts`] = BACKOFF.maxAttempts;
    });
  });
});
