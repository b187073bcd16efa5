import { onBothStores } from '../../support/both-stores';
import { governorsTrust } from '../../support/governors-trust';
import { TENANT, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const NADIA = { id: 'UNADIA', email: 'nlead@school.example', name: 'Nadia Northlead' };
const LENA = { id: 'ULENA', email: 'lead@school.example', name: 'Lena Trustlead' };

/** Issue 26 item 3 in Slack: a school's CPD lead sends "/cpd governors 2026-27" and reads their school's report; not another's. */
onBothStores('slack-governors', (label, open, done) => {
  describe(`governors per school via fake Slack API (real bolt App, signed requests) (${label})`, () => {
    let h: SlackHarness;
    let names: string[];
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      for (const u of [NADIA, LENA]) h.api.users.set(u.id, u);
      ({ names } = await governorsTrust(h.store, TENANT, { slackTeamId: h.api.teamId }));
      await h.bot.linkStaffByEmail(TENANT);
      h.clock.set('2027-07-20T10:00:00.000Z');
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    const ask = async (user: { id: string }, text: string, trigger: string) => {
      await slashCommand(h, user, text, trigger);
      return JSON.stringify(h.api.ephemeralFrom(`/response/${trigger}`)!.args.blocks);
    };

    it("the school's lead gets North Primary's year, with money and qualifications and no names; South's is refused", async () => {
      const blocks = await ask(NADIA, 'governors 2026-27', 'trg-gov-1');
      expect(blocks).toContain('Report to governors: North Primary, 2026-27');
      expect(blocks).toContain('*Spending against budget*');
      expect(blocks).toContain('£6,000.00');
      expect(blocks).toContain('*Qualifications started and gained*');
      for (const name of names) expect(blocks).not.toContain(name);
      expect(await ask(NADIA, 'governors South Academy 2026-27', 'trg-gov-2')).toContain("South Academy's report is for its own CPD lead or the trust's.");
    });

    it("the trust's lead reads South Academy's", async () => {
      const blocks = await ask(LENA, 'governors South Academy 2026-27', 'trg-gov-3');
      expect(blocks).toContain('Report to governors: South Academy, 2026-27');
      for (const name of names) expect(blocks).not.toContain(name);
    });
  });
});
