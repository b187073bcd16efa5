import { Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { seedBookedCourse } from '../../support/booked-course';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, buttonPress, findButton, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };

/** Issue 26 item 1 in Slack: after a booked course's last day Jo is asked whether she went; her yes puts it in `my cpd`. */
onBothStores('slack-course-attendance', (label, open, done) => {
  describe(`a booked course reaches the record via fake Slack API (real bolt App, signed requests, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let ids: { requestId: string; sessionId: string };
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      for (const u of [JO, SAM]) h.api.users.set(u.id, u);
      const school = { ...tenant(TENANT), slackTeamId: h.api.teamId };
      await h.store.tenants.create(school);
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff', 'cpd-lead'] }));
      await h.bot.linkStaffByEmail(TENANT);
      ids = await seedBookedCourse(h.store, school, h.clock.now().toISOString());
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    it('asked once after the course in a DM with three answers; Attended puts it in my cpd with its hours, category and cost', async () => {
      const scheduler = startTestScheduler(h, [h.bot.sender]);
      const asks = () => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === JO.id && String(c.args.text).includes('Did you attend'));
      h.clock.set('2027-01-12T12:00:00.000Z');
      await scheduler.runOnce();
      expect(asks()).toEqual([]);
      h.clock.set('2027-01-12T16:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      await scheduler.stop();
      expect(asks()).toHaveLength(1);
      const ask = asks()[0]!;
      expect(String(ask.args.text)).toBe('Did you attend "Leading early reading"? Say so here and it goes on your CPD record with its hours.');
      const blocks = ask.args.blocks;
      for (const verb of ['request.attended', 'request.not-attended', 'request.course-cancelled']) expect(findButton(blocks, verb)).toBeDefined();
      const where = { channel: JO.id, ts: 'ask-ts' };
      await postInteraction(h, buttonPress(JO, where, findButton(blocks, 'request.attended'), 'trg-yes'));
      expect(JSON.stringify(h.api.callsOf('chat.update').at(-1)!.args.blocks)).toContain('the course is on your CPD record with its hours');
      expect((await h.store.cpdRequests.get(TENANT, ids.requestId))!.value.status).toBe('attended');

      await slashCommand(h, JO, 'my cpd', 'trg-my');
      const record = JSON.stringify(h.api.ephemeralFrom('/response/trg-my')!.args.blocks);
      expect(record).toContain('Leading early reading (External course: Fenland English Hub, Teaching &amp; learning, £240.00)');
      expect(record).toContain('6.5 hours');
    });
  });
});
