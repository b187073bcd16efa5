import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { governorsTrust } from '../../support/governors-trust';
import { AAD_TENANT, LEAD, TENANT, installActivity, lastCardTo, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const NADIA: TeamsUser = { userId: '29:nadia', aadObjectId: 'aad-nadia', name: 'Nadia Northlead', conversationId: 'a:personal-nadia' };

/** Issue 26 item 3 in Teams: a school's CPD lead types "governors 2026-27" and reads their school's report; not another's. */
onBothStores('teams-governors', (label, open, done) => {
  describe(`governors per school via fake connector (real botbuilder) (${label})`, () => {
    let h: TeamsHarness;
    let names: string[];
    beforeAll(async () => {
      h = await startTeamsHarness({}, { openStore: open });
      ({ names } = await governorsTrust(h.store, TENANT, { teamsTenantId: AAD_TENANT }, { teams: { aadObjectId: NADIA.aadObjectId } }));
      const lead = (await h.store.staff.get(TENANT, 'lead'))!.value;
      await h.store.staff.put({ ...lead, teams: { aadObjectId: LEAD.aadObjectId } });
      h.clock.set('2027-07-20T10:00:00.000Z');
      for (const user of [NADIA, LEAD]) await postActivity(h, installActivity(h, user));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    const ask = async (user: TeamsUser, text: string) => {
      await postActivity(h, messageActivity(h, user, text));
      return JSON.stringify(lastCardTo(h, user));
    };

    it("the school's lead gets North Primary's year, with money and qualifications and no names; South's is refused", async () => {
      const card = await ask(NADIA, 'governors 2026-27');
      expect(card).toContain('Report to governors: North Primary, 2026-27');
      expect(card).toContain('Spending against budget');
      expect(card).toContain('£6,000.00');
      expect(card).toContain('Qualifications started and gained');
      for (const name of names) expect(card).not.toContain(name);
      expect(await ask(NADIA, 'governors South Academy 2026-27')).toContain("South Academy's report is for its own CPD lead or the trust's.");
    });

    it("the trust's lead reads South Academy's", async () => {
      const card = await ask(LEAD, 'governors South Academy 2026-27');
      expect(card).toContain('Report to governors: South Academy, 2026-27');
      expect(FakeConnector.card(h.connector.sentTo(LEAD.conversationId).at(-1))).toBeDefined();
      for (const name of names) expect(card).not.toContain(name);
    });
  });
});
