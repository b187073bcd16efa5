import { Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { createTwoSchoolTrust, seedLapsingSafeguarding } from '../../support/school-lead-trust';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, JO, TENANT, installActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const LENA: TeamsUser = { userId: '29:lena', aadObjectId: 'aad-lena', name: 'Lena Lead', conversationId: 'a:personal-lena' };
const EVE: TeamsUser = { userId: '29:eve', aadObjectId: 'aad-eve', name: 'Eve Elm', conversationId: 'a:personal-eve' };
const KIM: TeamsUser = { userId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Elm', conversationId: 'a:personal-kim' };

/** Issue 26 item 5 in Teams: a school's own CPD lead (no trust role) hears of their own staff's renewals, not another school's. */
onBothStores('teams-statutory-renewal-school-lead', (label, open, done) => {
  describe(`statutory renewal to the school's own lead via fake connector (real botbuilder, real scheduler) (${label})`, () => {
    let h: TeamsHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      // Friday 20 November 2026, 09:00: Jo's and Kim's safeguarding lapses four weeks on, on Friday 18 December.
      h = await startTeamsHarness({}, { openStore: open });
      await createTwoSchoolTrust(h.store, TENANT, { 'sch-1': 'stf-sam', 'sch-2': 'stf-eve' }, { teamsTenantId: AAD_TENANT });
      const person = (id: string, user: TeamsUser, extra: Partial<Staff>) => Staff.parse({ tenantId: TENANT, id, name: user.name, email: `${id}@school.example`, teams: { aadObjectId: user.aadObjectId }, ...extra });
      await h.store.staff.create(person('stf-jo', JO, { schoolId: 'sch-1' }));
      await h.store.staff.create(person('stf-sam', SAM, { schoolId: 'sch-1' }));
      await h.store.staff.create(person('stf-lena', LENA, { roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(person('stf-eve', EVE, { schoolId: 'sch-2' }));
      await h.store.staff.create(person('stf-kim', KIM, { schoolId: 'sch-2' }));
      for (const user of [JO, SAM, LENA, EVE, KIM]) await postActivity(h, installActivity(h, user));
      for (const staffId of ['stf-jo', 'stf-kim']) await seedLapsingSafeguarding(h.store, TENANT, staffId);
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    const renewalsTo = (user: TeamsUser) => h.connector.sentTo(user.conversationId).map((a) => JSON.stringify(FakeConnector.card(a))).filter((t) => t.includes('Statutory training to renew'));

    it("Sam, Huntingdon's own lead, is told of Jo's renewal pointing at Huntingdon's list, and not of Kim's at Elm; Lena hears of both; each once", async () => {
      await scheduler.runOnce();
      await scheduler.runOnce();
      const toSam = renewalsTo(SAM);
      expect(toSam).toHaveLength(1);
      expect(toSam[0]).toContain(`Jo Patel's Safeguarding training lapses on Friday 18 December 2026. Say \\"statutory\\" to see everyone at Huntingdon Academy who is out of date or due.`);
      const toEve = renewalsTo(EVE);
      expect(toEve).toHaveLength(1);
      expect(toEve[0]).toContain("Kim Elm's Safeguarding training lapses on Friday 18 December 2026. Say \\\"statutory\\\" to see everyone at Elm Academy");
      const toLena = renewalsTo(LENA);
      expect(toLena).toHaveLength(2);
      expect(toLena.join()).toContain(`Say \\"statutory\\" to see everyone who is out of date or due.`);
      expect(renewalsTo(JO)).toEqual([expect.stringContaining('Your Safeguarding training lapses on Friday 18 December 2026.')]);
    });
  });
});
