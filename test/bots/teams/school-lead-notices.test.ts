import { Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { createTwoSchoolTrust, seedLapsingSafeguarding, seedMeetingWithoutMentor } from '../../support/school-lead-trust';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, JO, TENANT, installActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const KIM: TeamsUser = { userId: '29:kim', aadObjectId: 'aad-kim', name: 'Kim Elm', conversationId: 'a:personal-kim' };

/**
 * A trust with no CPD lead by role: Huntingdon names Sam as its own lead (no role), Elm names nobody.
 * Sam hears that Jo has no mentor (and that naming one needs a trust lead); Kim's renewal says nobody else was told.
 */
onBothStores('teams-school-lead-notices', (label, open, done) => {
  describe(`a school's own CPD lead's notices, and who the renewal says was told, via fake connector (real botbuilder, real scheduler) (${label})`, () => {
    let h: TeamsHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      // Friday 20 November 2026, 09:00: this week's mentoring meetings have no mentor; safeguarding lapses four weeks on.
      h = await startTeamsHarness({}, { openStore: open });
      await createTwoSchoolTrust(h.store, TENANT, { 'sch-1': 'stf-sam' }, { teamsTenantId: AAD_TENANT });
      const person = (id: string, user: TeamsUser, schoolId: string) => Staff.parse({ tenantId: TENANT, id, name: user.name, email: `${id}@school.example`, teams: { aadObjectId: user.aadObjectId }, schoolId });
      await h.store.staff.create(person('stf-jo', JO, 'sch-1'));
      await h.store.staff.create(person('stf-sam', SAM, 'sch-1'));
      await h.store.staff.create(person('stf-kim', KIM, 'sch-2'));
      for (const user of [JO, SAM, KIM]) await postActivity(h, installActivity(h, user));
      for (const staffId of ['stf-jo', 'stf-kim']) {
        await seedMeetingWithoutMentor(h.store, TENANT, staffId);
        await seedLapsingSafeguarding(h.store, TENANT, staffId);
      }
      scheduler = startTestScheduler(h, [h.bot.sender]);
      await scheduler.runOnce();
      await scheduler.runOnce();
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    const cardsTo = (user: TeamsUser, including: string) => h.connector.sentTo(user.conversationId).map((a) => JSON.stringify(FakeConnector.card(a))).filter((t) => t.includes(including));

    it("Sam, Huntingdon's own lead without the trust role, is told once that Jo has no mentor, and that naming one needs a trust CPD lead; never of Kim at Elm", async () => {
      const toSam = cardsTo(SAM, 'A mentor is missing');
      expect(toSam).toHaveLength(1);
      expect(toSam[0]).toContain('Jo Patel has a mentoring meeting in the week of monday 16 november (Assessment), but no subject mentor is named, so only they were reminded.');
      expect(toSam[0]).toContain('Naming one needs a trust CPD lead, and there is none: ask whoever set Twilight up to name one');
      expect(toSam.join()).not.toContain('Kim Elm');
    });

    it("Jo's renewal says her CPD lead was told (Sam was); Kim's says nobody else was, since Elm has no lead", async () => {
      expect(cardsTo(JO, 'Statutory training to renew')).toEqual([expect.stringContaining('Please book a renewal; your CPD lead has been told too.')]);
      expect(cardsTo(SAM, "Jo Patel's Safeguarding training lapses")).toHaveLength(1);
      expect(cardsTo(KIM, 'Statutory training to renew')).toEqual([expect.stringContaining('Please book a renewal: no CPD lead is named for your school, so nobody else has been told.')]);
      expect(cardsTo(SAM, 'Kim Elm')).toEqual([]);
    });
  });
});
