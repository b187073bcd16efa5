import { Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { createTwoSchoolTrust, seedLapsingSafeguarding, seedMeetingWithoutMentor } from '../../support/school-lead-trust';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, startSlackHarness, type SlackHarness } from './slack-harness';

const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };
const KIM = { id: 'UKIM', email: 'kim@school.example', name: 'Kim Elm' };

/**
 * A trust with no CPD lead by role: Huntingdon names Sam as its own lead (no role), Elm names nobody.
 * Sam hears that Jo has no mentor (and that naming one needs a trust lead); Kim's renewal says nobody else was told.
 */
onBothStores('slack-school-lead-notices', (label, open, done) => {
  describe(`a school's own CPD lead's notices, and who the renewal says was told, via fake Slack API (real bolt App, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      // Friday 20 November 2026, 09:00: this week's mentoring meetings have no mentor; safeguarding lapses four weeks on.
      h = await startSlackHarness({ openStore: open });
      for (const u of [JO, SAM, KIM]) h.api.users.set(u.id, u);
      await createTwoSchoolTrust(h.store, TENANT, { 'sch-1': 'stf-sam' }, { slackTeamId: h.api.teamId });
      const person = (id: string, u: { name: string; email: string }, schoolId: string) => Staff.parse({ tenantId: TENANT, id, name: u.name, email: u.email, schoolId });
      await h.store.staff.create(person('stf-jo', JO, 'sch-1'));
      await h.store.staff.create(person('stf-sam', SAM, 'sch-1'));
      await h.store.staff.create(person('stf-kim', KIM, 'sch-2'));
      await h.bot.linkStaffByEmail(TENANT);
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

    const postsTo = (user: { id: string }, including: string) =>
      h.api
        .callsOf('chat.postMessage')
        .filter((c) => c.args.channel === user.id)
        .map((c) => JSON.stringify({ text: c.args.text, blocks: c.args.blocks }))
        .filter((t) => t.includes(including));

    it("Sam, Huntingdon's own lead without the trust role, is told once that Jo has no mentor, and that naming one needs a trust CPD lead; never of Kim at Elm", async () => {
      const toSam = postsTo(SAM, 'A mentor is missing');
      expect(toSam).toHaveLength(1);
      expect(toSam[0]).toContain('Jo Patel has a mentoring meeting in the week of monday 16 november (Assessment), but no subject mentor is named, so only they were reminded.');
      expect(toSam[0]).toContain('Naming one needs a trust CPD lead, and there is none: ask whoever set Twilight up to name one');
      expect(postsTo(SAM, 'Kim Elm')).toEqual([]);
    });

    it("Jo's renewal says her CPD lead was told (Sam was); Kim's says nobody else was, since Elm has no lead", async () => {
      expect(postsTo(JO, 'Safeguarding training lapses').map((t) => JSON.parse(t).text)).toEqual(['Your Safeguarding training lapses on Friday 18 December 2026. Please book a renewal; your CPD lead has been told too.']);
      expect(postsTo(SAM, "Jo Patel's Safeguarding training lapses")).toHaveLength(1);
      expect(postsTo(KIM, 'Safeguarding training lapses').map((t) => JSON.parse(t).text)).toEqual(['Your Safeguarding training lapses on Friday 18 December 2026. Please book a renewal: no CPD lead is named for your school, so nobody else has been told.']);
    });
  });
});
