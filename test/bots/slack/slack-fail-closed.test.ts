import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../../src/config';
import { Staff } from '../../../src/domain';
import { tenant } from '../../support/fixtures';
import { interactivityBody, slashCommandBody } from '../../support/slack-signing';
import { postSigned, startSlackHarness, type SlackHarness } from './slack-harness';

const SLACK_ENV = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 's'.repeat(32) };
const EVIL = { id: 'UEVIL', email: 'jo.patel@school.example', name: 'Not Jo' };

/** A pino logger whose JSON lines the test can read. */
function capturedLogger(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

function slash(h: SlackHarness, user: { id: string }, teamId: string, trigger: string, text = 'my cpd') {
  return slashCommandBody({ command: '/cpd', text, user_id: user.id, team_id: teamId, channel_id: 'C1', trigger_id: trigger, response_url: `${h.api.url}/response/${trigger}` });
}

/** A single-school install: its tenant is the default one and is not linked to a workspace. */
async function seedSingleSchool(h: SlackHarness, tenantId: string): Promise<void> {
  await h.store.tenants.create(tenant(tenantId));
  await h.store.staff.create(Staff.parse({ tenantId, id: 'stf-jo', name: 'Jo Patel', email: 'jo.patel@school.example', roles: ['staff'] }));
}

describe('Slack in production: a workspace linked to no tenant is refused (via real bolt and the fake Slack API)', () => {
  test('a request from T0EVIL links nobody, is told "I don\'t know you yet", and the log names the workspace', async () => {
    const loaded = loadConfig(SLACK_ENV);
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const log = capturedLogger();
    const h = await startSlackHarness({ ...(loaded.config.defaultTenantId ? { defaultTenantId: loaded.config.defaultTenantId } : {}), logger: log.logger });
    try {
      await seedSingleSchool(h, 'demo');
      h.api.users.set(EVIL.id, EVIL);
      const reply = await postSigned(h, slash(h, EVIL, 'T0EVIL', 'trg-evil'));
      await h.bot.drain();
      expect(reply.status).toBe(200);
      expect(await h.store.staff.count('demo', { 'slack.userId': EVIL.id })).toBe(0);
      expect(h.api.callsOf('users.info')).toHaveLength(0);
      expect(h.api.callsOf('chat.postMessage').map((c) => c.args.text)).toEqual([expect.stringMatching(/^I don't know you yet/)]);
      expect(log.lines().some((l) => l.slackTeamId === 'T0EVIL' && String(l.msg).includes('T0EVIL'))).toBe(true);
    } finally {
      await h.close();
    }
  });

  test('with DEFAULT_TENANT_ID set explicitly the operator has chosen the single-school fallback', async () => {
    const loaded = loadConfig({ ...SLACK_ENV, DEFAULT_TENANT_ID: 'demo' });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const h = await startSlackHarness({ defaultTenantId: loaded.config.defaultTenantId! });
    try {
      await seedSingleSchool(h, 'demo');
      h.api.users.set(EVIL.id, EVIL);
      await postSigned(h, slash(h, EVIL, 'T0OTHER', 'trg-other'));
      await h.bot.drain();
      expect(await h.store.staff.count('demo', { 'slack.userId': EVIL.id })).toBe(1);
    } finally {
      await h.close();
    }
  });
});

describe('Slack: a person Slack does not know (users.info → user_not_found)', () => {
  test('is told "I don\'t know you yet", as Teams does; nothing is written and nothing fails', async () => {
    const h = await startSlackHarness();
    try {
      await h.store.tenants.create({ ...tenant('trust-slack'), slackTeamId: 'T0SCHOOL' });
      const reply = await postSigned(h, slash(h, { id: 'UGHOST' }, 'T0SCHOOL', 'trg-ghost'));
      await h.bot.drain();
      expect(reply.status).toBe(200);
      expect(h.api.callsOf('users.info')).toHaveLength(1);
      expect(h.api.callsOf('chat.postMessage').map((c) => ({ channel: c.args.channel, text: c.args.text }))).toEqual([
        { channel: 'UGHOST', text: expect.stringMatching(/^I don't know you yet/) },
      ]);
    } finally {
      await h.close();
    }
  });
});

describe('Slack is answered by the ack deadline whatever users.info does (deadline 400 ms here, 2.5 s in production)', () => {
  const DEADLINE_MS = 400;
  let h: SlackHarness;
  /** `requestTimeoutMs`: PLATFORM_TIMEOUT_MS for users.info (each of its 3 attempts). */
  async function start(requestTimeoutMs: number): Promise<void> {
    h = await startSlackHarness({ ackDeadlineMs: DEADLINE_MS, requestTimeoutMs });
    await h.store.tenants.create({ ...tenant('trust-slack'), slackTeamId: 'T0SCHOOL' });
    await h.store.staff.create(Staff.parse({ tenantId: 'trust-slack', id: 'stf-jo', name: 'Jo Patel', email: 'jo.patel@school.example', roles: ['staff'] }));
    h.api.users.set('UJO', { id: 'UJO', email: 'jo.patel@school.example', name: 'Jo Patel' });
  }
  afterEach(() => h.close());

  /** A modal submission from Jo, not yet linked, so the bot must ask users.info who she is first. */
  function submission(viewId: string) {
    return {
      type: 'view_submission',
      user: { id: 'UJO', team_id: 'T0SCHOOL' },
      team: { id: 'T0SCHOOL' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: `trg-${viewId}`,
      view: { id: viewId, type: 'modal', callback_id: 'questionnaire.submit', private_metadata: JSON.stringify({ action: { verb: 'questionnaire.submit', questionnaireId: 'qn-none' } }), hash: 'h', blocks: [], state: { values: { 'field:comments': { answer: { type: 'plain_text_input', value: 'Useful' } } } } },
    };
  }

  // Issue 24 item 9: nothing is kept yet while the person is being looked up, so the modal must not close as if saved.
  test('users.info slow (1 s): answered by the deadline with a field error to press Submit again (nothing kept yet), and the next press is checked', async () => {
    await start(3000);
    h.api.slow('users.info', 1000);
    const started = performance.now();
    const reply = await postSigned(h, interactivityBody(submission('V-slow')));
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 300);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.json)).toMatch(/still being saved.*press Submit again/);
    await h.bot.drain();
    // Jo was linked once users.info answered; the form stayed open, so nothing is sent by DM.
    expect(await h.store.staff.count('trust-slack', { 'slack.userId': 'UJO' })).toBe(1);
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
    // Pressing Submit again gets what the form says now, on the form.
    const again = await postSigned(h, interactivityBody(submission('V-slow')));
    expect((again.json as { response_action?: string }).response_action).toBe('errors');
    expect(JSON.stringify(again.json)).toMatch(/can't find that questionnaire/);
  });

  test('users.info hung past every retry: a field error by the deadline, never a closed modal with nothing kept', async () => {
    await start(300);
    h.api.hang('users.info');
    const started = performance.now();
    const reply = await postSigned(h, interactivityBody(submission('V-hung')));
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 300);
    expect(JSON.stringify(reply.json)).toMatch(/press Submit again/);
    await h.bot.drain();
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
  });

  test('a slash command with users.info slow: acked at once, the answer arrives through response_url after', async () => {
    await start(3000);
    h.api.slow('users.info', 1000);
    const started = performance.now();
    const reply = await postSigned(h, slash(h, { id: 'UJO' }, 'T0SCHOOL', 'trg-slow-cmd'));
    expect(reply.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 300);
    await h.bot.drain();
    expect(h.api.callsOf('/response/trg-slow-cmd')).toHaveLength(1);
  });
});

describe('Slack: a slash command replayed within the signature window', () => {
  test('runs once: one answer through response_url, however often the same signed request arrives', async () => {
    const h = await startSlackHarness();
    try {
      await h.store.tenants.create({ ...tenant('trust-slack'), slackTeamId: 'T0SCHOOL' });
      await h.store.staff.create(Staff.parse({ tenantId: 'trust-slack', id: 'stf-jo', name: 'Jo Patel', email: 'jo.patel@school.example', roles: ['staff'] }));
      h.api.users.set('UJO', { id: 'UJO', email: 'jo.patel@school.example', name: 'Jo Patel' });
      const body = slash(h, { id: 'UJO' }, 'T0SCHOOL', 'trg-replayed', 'sessions');
      const timestamp = Math.floor(h.clock.now().getTime() / 1000);
      for (let i = 0; i < 4; i++) {
        // An attacker replays the captured request a minute later, still inside the 5-minute window.
        if (i > 0) h.clock.advance(60_000);
        expect((await postSigned(h, body, { timestamp })).status).toBe(200);
        await h.bot.drain();
      }
      expect(h.api.callsOf('/response/trg-replayed')).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
