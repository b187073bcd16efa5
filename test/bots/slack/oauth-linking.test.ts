import { runCommand } from '../../../src/app/commands';
import { linkPlatformTenant } from '../../../src/app/tenants';
import { SLACK_INSTALLATIONS, Staff } from '../../../src/domain';
import { session, tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { TENANT, postSigned, type SlackHarness } from './slack-harness';
import { installWorkspace, openInstallLink, redirectBack, startOAuthHarness } from './oauth-world';

/** Issue 29 item 2: the installing admin installs from the trust's link; the lead confirms it in chat ("link slack T…"). */
describe("a workspace installed from the trust's link is linked once the lead confirms it in chat", () => {
  let h: SlackHarness;
  const lead = Staff.parse({ tenantId: TENANT, id: 'stf-lead', name: 'Lee Lead', email: 'lee@trust.example', roles: ['cpd-lead'] });
  const teacher = Staff.parse({ tenantId: TENANT, id: 'stf-t', name: 'Tia Teacher', email: 'tia@trust.example', roles: ['staff'] });
  beforeAll(async () => {
    h = await startOAuthHarness();
    await h.store.tenants.create(tenant('other-trust'));
    expect((await installWorkspace(h, 'T0NORTH', 'xoxb-north')).status).toBe(200);
    expect((await installWorkspace(h, 'T0SOUTH', 'xoxb-south')).status).toBe(200);
  });
  afterAll(() => h.close());

  const trust = async () => (await h.store.tenants.get(TENANT, TENANT))!.value;
  const say = async (staff: Staff, text: string) => runCommand(h, { tenant: await trust(), staff }, text);

  it('only a CPD lead can; the first workspace becomes the trust’s, the second is added beside it; repeating changes nothing', async () => {
    expect(await say(teacher, 'link slack T0NORTH')).toMatchObject({ kind: 'notice', notice: { text: expect.stringContaining('Only CPD leads') } });
    expect(await say(lead, 'link slack T0NORTH')).toMatchObject({ kind: 'notice', notice: { tone: 'good', text: expect.stringContaining('Linked: people in Slack workspace T0NORTH') } });
    expect(await say(lead, 'link slack t0south')).toMatchObject({ kind: 'notice', notice: { tone: 'good' } });
    expect(await trust()).toMatchObject({ slackTeamId: 'T0NORTH', slackTeamIds: ['T0SOUTH'] });
    expect(await say(lead, 'link slack T0SOUTH')).toMatchObject({ notice: { text: expect.stringContaining('was already linked') } });
  });

  it("a workspace not installed from this trust's link (or not at all) cannot be claimed", async () => {
    expect(await say(lead, 'link slack T0NOWHERE')).toMatchObject({ kind: 'notice', notice: { tone: 'attention', text: expect.stringContaining('no install of Slack workspace T0NOWHERE') } });
    const otherLead = { ...lead, tenantId: 'other-trust' };
    const other = (await h.store.tenants.get('other-trust', 'other-trust'))!.value;
    expect(await runCommand(h, { tenant: other, staff: otherLead }, 'link slack T0NORTH')).toMatchObject({ notice: { tone: 'attention' } });
    expect(await say(lead, 'link slack')).toMatchObject({ notice: { tone: 'attention', text: expect.stringContaining('Say "link slack T0123ABCD"') } });
  });
});

describe('an Enterprise Grid organisation installs once for all its workspaces (org_deploy_enabled)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startOAuthHarness();
  });
  afterAll(() => h.close());

  it("its workspaces' requests and DMs use the organisation's token; uninstalling it removes that token", async () => {
    const start = await openInstallLink(h, TENANT);
    h.api.grants.set('code-grid', { enterpriseId: 'E0GRID', isEnterpriseInstall: true, botToken: 'xoxb-grid', botUserId: 'UBOTGRID' });
    expect((await redirectBack(h, 'code-grid', start.state!, start.cookie)).status).toBe(200);
    expect((await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'org:E0GRID'))!.value).toMatchObject({ isEnterpriseInstall: true, enterpriseId: 'E0GRID' });
    await linkPlatformTenant(h, TENANT, 'slack', 'T0GRIDA');
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-g', name: 'Gus Grid', email: 'gus@grid.example', roles: ['staff'], slack: { userId: 'UGUS', teamId: 'T0GRIDA' } }));
    await h.store.sessions.create(session(TENANT, 'ses-g', { title: 'Questioning for all' }));
    const body = { type: 'event_callback', token: 'legacy', team_id: 'T0GRIDA', enterprise_id: 'E0GRID', is_enterprise_install: true, api_app_id: 'A1', event_id: 'EvGridHome', event_time: 1 };
    const post = async (extra: Record<string, unknown>) => {
      const reply = await postSigned(h, JSON.stringify({ ...body, ...extra }), { contentType: 'application/json' });
      await h.bot.drain();
      return reply.status;
    };
    expect(await post({ event: { type: 'app_home_opened', user: 'UGUS', tab: 'home', channel: 'DGUS' } })).toBe(200);
    expect(h.api.callsOf('views.publish').find((c) => c.args.user_id === 'UGUS')?.token).toBe('xoxb-grid');
    const scheduler = startTestScheduler(h, [h.bot.sender]);
    try {
      await scheduler.runOnce();
      expect(h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === 'UGUS').map((c) => c.token)).toEqual(['xoxb-grid']);
    } finally {
      await scheduler.stop();
    }
    expect(await post({ event_id: 'EvGridGone', event: { type: 'app_uninstalled' } })).toBe(200);
    expect(await h.store.slackInstallations.get(SLACK_INSTALLATIONS, 'org:E0GRID')).toBeUndefined();
  });
});
