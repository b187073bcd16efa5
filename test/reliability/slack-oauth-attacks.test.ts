import { randomBytes } from 'node:crypto';
import { SLACK_INSTALLATIONS, SLACK_OAUTH_STATES } from '../../src/domain';
import { linkPlatformTenant } from '../../src/app/tenants';
import { openToken, sealToken } from '../../src/bots/slack/token-seal';
import { TENANT, type SlackHarness } from '../bots/slack/slack-harness';
import { installWorkspace, openInstallLink, redirectBack, startOAuthHarness } from '../bots/slack/oauth-world';

/** Attacks on Slack's OAuth install routes (issue 29): forged and replayed state, a swapped code, an unknown tenant. */
describe('Slack OAuth install routes under attack (real Bolt installer, fake Slack Web API)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startOAuthHarness();
    expect((await installWorkspace(h, 'T0NORTH', 'xoxb-north')).status).toBe(200);
    await linkPlatformTenant(h, TENANT, 'slack', 'T0NORTH');
  });
  afterAll(() => h.close());

  const exchanges = () => h.api.callsOf('oauth.v2.access').length;
  const northSealed = async () => (await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0NORTH'))!.value.botTokenSealed;

  it('a forged state (never issued, with a matching cookie) is refused before any code is exchanged', async () => {
    const before = exchanges();
    const forged = randomBytes(32).toString('hex');
    h.api.grants.set('code-forged', { teamId: 'T0EVIL', botToken: 'xoxb-evil', botUserId: 'UBOTEVIL' });
    const reply = await redirectBack(h, 'code-forged', forged, `slack-app-oauth-state=${forged}`);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('Not installed');
    expect(exchanges()).toBe(before);
    expect(await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0EVIL')).toBeUndefined();
  });

  it('a state from one browser used without its cookie (login CSRF) is refused', async () => {
    const start = await openInstallLink(h, TENANT);
    h.api.grants.set('code-csrf', { teamId: 'T0EVIL', botToken: 'xoxb-evil', botUserId: 'UBOTEVIL' });
    expect((await redirectBack(h, 'code-csrf', start.state!)).status).toBe(400);
    expect(await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0EVIL')).toBeUndefined();
  });

  it('a replayed state (already used once) is refused, on the same or any instance: the store kept it once', async () => {
    const start = await openInstallLink(h, TENANT);
    h.api.grants.set('code-once', { teamId: 'T0SOUTH', botToken: 'xoxb-south', botUserId: 'UBOTS' });
    expect((await redirectBack(h, 'code-once', start.state!, start.cookie)).status).toBe(200);
    expect(await h.store.slackOAuthStates.get(SLACK_OAUTH_STATES, start.state!)).toBeUndefined();
    const before = exchanges();
    h.api.grants.set('code-again', { teamId: 'T0EVIL', botToken: 'xoxb-evil', botUserId: 'UBOTEVIL' });
    expect((await redirectBack(h, 'code-again', start.state!, start.cookie)).status).toBe(400);
    expect(exchanges()).toBe(before);
  });

  it("a redirect carrying another workspace's code installs only that workspace, under its own id: another's token and tenant links are untouched", async () => {
    const sealed = await northSealed();
    const start = await openInstallLink(h, TENANT);
    h.api.grants.set('code-other', { teamId: 'T0OTHER', botToken: 'xoxb-other', botUserId: 'UBOTO' });
    expect((await redirectBack(h, 'code-other', start.state!, start.cookie)).status).toBe(200);
    expect(await northSealed()).toBe(sealed);
    expect((await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'team:T0OTHER'))!.value.requestedTenantId).toBe(TENANT);
    // The install link named the trust, but only the lead links a workspace to it.
    const trust = (await h.store.tenants.get(TENANT, TENANT))!.value;
    expect([trust.slackTeamId, ...(trust.slackTeamIds ?? [])]).not.toContain('T0OTHER');
    // A code is good once: Slack refuses it again, and nothing is stored.
    const again = await openInstallLink(h, TENANT);
    expect((await redirectBack(h, 'code-other', again.state!, again.cookie)).status).toBe(400);
  });

  it('an install link into an unknown tenant (or a malformed one) is refused, and no state is issued', async () => {
    const states = (await h.store.slackOAuthStates.find(SLACK_OAUTH_STATES)).length;
    for (const t of ['no-such-trust', '', '../etc', 'x'.repeat(300)]) {
      const reply = await openInstallLink(h, t);
      expect(reply.status).toBe(404);
      expect(reply.location).toBeUndefined();
    }
    expect((await h.store.slackOAuthStates.find(SLACK_OAUTH_STATES)).length).toBe(states);
  });

  it('a sealed token opens only with its key, on its own record, untampered', () => {
    const key = randomBytes(32);
    const sealed = sealToken(key, 'xoxb-secret', 'team:T1');
    expect(openToken(key, sealed, 'team:T1')).toBe('xoxb-secret');
    expect(() => openToken(randomBytes(32), sealed, 'team:T1')).toThrow();
    expect(() => openToken(key, sealed, 'team:T2')).toThrow();
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openToken(key, [parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'team:T1')).toThrow();
  });
});
