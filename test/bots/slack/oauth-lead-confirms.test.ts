import { runCommand } from '../../../src/app/commands';
import { Staff } from '../../../src/domain';
import { tenant } from '../../support/fixtures';
import { TENANT, type SlackHarness } from './slack-harness';
import { installWorkspace, startOAuthHarness } from './oauth-world';

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
