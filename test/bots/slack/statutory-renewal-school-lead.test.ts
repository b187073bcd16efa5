import { Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { createTwoSchoolTrust, seedLapsingSafeguarding } from '../../support/school-lead-trust';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, startSlackHarness, type SlackHarness } from './slack-harness';

const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };
const LENA = { id: 'ULENA', email: 'lena@school.example', name: 'Lena Lead' };
const EVE = { id: 'UEVE', email: 'eve@school.example', name: 'Eve Elm' };
const KIM = { id: 'UKIM', email: 'kim@school.example', name: 'Kim Elm' };

/** Issue 26 item 5 in Slack: a school's own CPD lead (no trust role) hears of their own staff's renewals, not another school's. */
onBothStores('slack-statutory-renewal-school-lead', (label, open, done) => {
  describe(`statutory renewal to the school's own lead via fake Slack API (real bolt App, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      // Friday 20 November 2026, 09:00: Jo's and Kim's safeguarding lapses four weeks on, on Friday 18 December.
      h = await startSlackHarness({ openStore: open });
      for (const u of [JO, SAM, LENA, EVE, KIM]) h.api.users.set(u.id, u);
      await createTwoSchoolTrust(h.store, TENANT, { 'sch-1': 'stf-sam', 'sch-2': 'stf-eve' }, { slackTeamId: h.api.teamId });
      const person = (id: string, u: { name: string; email: string }, extra: Partial<Staff>) => Staff.parse({ tenantId: TENANT, id, name: u.name, email: u.email, ...extra });
      await h.store.staff.create(person('stf-jo', JO, { schoolId: 'sch-1' }));
      await h.store.staff.create(person('stf-sam', SAM, { schoolId: 'sch-1' }));
      await h.store.staff.create(person('stf-lena', LENA, { roles: ['staff', 'cpd-lead'] }));
      await h.store.staff.create(person('stf-eve', EVE, { schoolId: 'sch-2' }));
      await h.store.staff.create(person('stf-kim', KIM, { schoolId: 'sch-2' }));
      await h.bot.linkStaffByEmail(TENANT);
      for (const staffId of ['stf-jo', 'stf-kim']) await seedLapsingSafeguarding(h.store, TENANT, staffId);
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    const renewalsTo = (user: { id: string }) =>
      h.api
        .callsOf('chat.postMessage')
        .filter((c) => c.args.channel === user.id)
        .map((c) => String(c.args.text))
        .filter((t) => t.includes('Safeguarding training lapses'));

    it("Sam, Huntingdon's own lead, is told of Jo's renewal pointing at Huntingdon's list, and not of Kim's at Elm; Lena hears of both; each once", async () => {
      await scheduler.runOnce();
      await scheduler.runOnce();
      expect(renewalsTo(SAM)).toEqual([`Jo Patel's Safeguarding training lapses on Friday 18 December 2026. Say "statutory" to see everyone at Huntingdon Academy who is out of date or due.`]);
      expect(renewalsTo(EVE)).toEqual([`Kim Elm's Safeguarding training lapses on Friday 18 December 2026. Say "statutory" to see everyone at Elm Academy who is out of date or due.`]);
      expect(renewalsTo(LENA).sort()).toEqual([
        `Jo Patel's Safeguarding training lapses on Friday 18 December 2026. Say "statutory" to see everyone who is out of date or due.`,
        `Kim Elm's Safeguarding training lapses on Friday 18 December 2026. Say "statutory" to see everyone who is out of date or due.`,
      ]);
      expect(renewalsTo(JO)).toEqual(['Your Safeguarding training lapses on Friday 18 December 2026. Please book a renewal; your CPD lead has been told too.']);
    });
  });
});
