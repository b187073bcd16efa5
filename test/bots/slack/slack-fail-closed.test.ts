import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../../src/config';
import { Staff } from '../../../src/domain';
import { tenant } from '../../support/fixtures';
import { slashCommandBody } from '../../support/slack-signing';
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
