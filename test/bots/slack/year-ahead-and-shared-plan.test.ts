import { Staff, Tenant, gapTaskId, needsReviewId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { gapTask, session } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, buttonPress, findButton, modalSubmission, openedModal, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;
const MIA = { id: 'UMIA', email: 'mia@school.example', name: 'Mia Jones' };
const HEAD = { id: 'UHEAD', email: 'head@school.example', name: 'Hana Head' };
const FAR = { id: 'UFAR', email: 'far@school.example', name: 'Farah Far' };
const ZED = { id: 'UZED', email: 'zed@school.example', name: 'Zed Other' };

const REVIEW = {
  strengths: 'Questioning in KS3',
  developmentAspect: 'Adaptive teaching for SEND',
  developmentStrands: ['skill', 'attitude'],
  preferred: ['coaching', 'observation'],
  aspirations: 'Lead SEND practice',
  planThreeYears: 'Second in department',
  supportWanted: 'A coach and release time',
};
const PLAN = { takeBack: 'Do-now quizzes in Year 8', intendedImpact: 'Better recall', startingPoint: 'Unit test scores', practiceChange: 'Every lesson starts with retrieval' };

/**
 * Issue 26 items 4 and 6 in Slack (real Bolt, signed requests, fake Slack Web API, real scheduler):
 * the year-ahead prompt opens the appendix-3 modal; a shared review reaches only Jo's own line
 * manager; her shared gap plan only her line manager and her school's senior leaders.
 */
onBothStores('slack-share', (label, open, done) => {
  describe(`sharing a year-ahead review and a gap plan via fake Slack API (${label})`, () => {
    let h: SlackHarness;
    let scheduler: Scheduler;
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      h.clock.set('2027-09-10T09:00:00.000Z');
      for (const u of [JO, MIA, HEAD, FAR, ZED]) h.api.users.set(u.id, u);
      await h.store.tenants.create(Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Ouse Trust', kind: 'trust', slackTeamId: h.api.teamId, schools: [{ id: 'north', name: 'North Academy' }, { id: 'south', name: 'South School' }] }));
      const person = (u: { email: string; name: string }, id: string, extra: Partial<Staff>) => Staff.parse({ tenantId: TENANT, id, name: u.name, email: u.email, ...extra });
      await h.store.staff.create(person(JO, 'stf-jo', { schoolId: 'north', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(person(MIA, 'stf-mia', { schoolId: 'north', roles: ['staff', 'line-manager'] }));
      await h.store.staff.create(person(HEAD, 'stf-head', { schoolId: 'north', roles: ['staff', 'senior-leader'] }));
      await h.store.staff.create(person(FAR, 'stf-far', { schoolId: 'south', roles: ['staff', 'senior-leader'] }));
      await h.store.staff.create(person(ZED, 'stf-zed', { schoolId: 'north', roles: ['staff', 'line-manager'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-kit', name: 'Kit Report', email: 'kit@school.example', schoolId: 'north', lineManagerId: 'stf-zed' }));
      await h.store.sessions.create(session(TENANT, 'ses-1', { title: 'Retrieval practice that sticks', startsAt: '2027-09-08T15:00:00.000Z', endsAt: '2027-09-08T16:30:00.000Z' }));
      await h.bot.linkStaffByEmail(TENANT);
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    const dmsTo = (u: { id: string }) => h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === u.id);

    it('asked two weeks before the window in a DM whose button opens the appendix-3 modal; a missing answer is marked; sharing is a ticked box', async () => {
      h.clock.set('2027-09-17T07:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const prompt = dmsTo(JO).filter((c) => String(c.args.text).startsWith('Your year-ahead review'));
      expect(prompt).toHaveLength(1);
      expect(String(prompt[0]!.args.text)).toBe('Your year-ahead review, before performance reviews start on Friday 1 October');
      await postInteraction(h, buttonPress(JO, { channel: JO.id, ts: 'prompt-ts' }, findButton(prompt[0]!.args.blocks, 'needs.open'), 'trg-open'));
      const modal = openedModal(h, 'trg-open');
      expect(modal.callback_id).toBe('needs.submit');
      const blocks = JSON.stringify(modal.blocks);
      for (const q of ['How do you know that you are stronger in this area?', 'Is this a skill, knowledge or attitude?', 'Your plan for 3 years from now', 'How would you like to be supported in achieving this?', 'Share it with my line manager, Mia Jones']) expect(blocks).toContain(q);

      const bad = await postInteraction(h, modalSubmission(JO, modal, 'V-bad', { ...REVIEW, developmentAspect: '', shareWithManager: ['yes'] }));
      expect(bad.json).toEqual({ response_action: 'errors', errors: { 'field:developmentAspect': 'Please fill this in.' } });
      expect(await h.store.needsReviews.count(TENANT)).toBe(0);

      expect((await postInteraction(h, modalSubmission(JO, modal, 'V-ok', { ...REVIEW, shareWithManager: ['yes'] }))).text).toBe('');
      const stored = (await h.store.needsReviews.get(TENANT, needsReviewId('stf-jo', '2027-28')))!.value;
      expect(stored).toMatchObject({ developmentStrands: ['skill', 'attitude'], preferred: ['coaching', 'observation'], sharedWithManagerId: 'stf-mia', planThreeYears: 'Second in department' });
      expect(stored.planFiveYears).toBeUndefined();
    });

    it('Mia reads it with /cpd team reviews and in her digest; Zed, another line manager, and the senior leaders do not', async () => {
      await slashCommand(h, MIA, 'team reviews', 'trg-mia');
      const mia = JSON.stringify(h.api.ephemeralFrom('/response/trg-mia')!.args.blocks);
      expect(mia).toContain('Jo Patel');
      expect(mia).toContain('Adaptive teaching for SEND');
      expect(mia).toContain('A skill, An attitude');
      await slashCommand(h, ZED, 'team reviews', 'trg-zed');
      expect(JSON.stringify(h.api.ephemeralFrom('/response/trg-zed')!.args.blocks)).not.toMatch(/Adaptive teaching|Jo Patel/);

      h.clock.set('2027-09-20T06:30:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const digest = JSON.stringify(dmsTo(MIA).map((c) => c.args.blocks));
      expect(digest).toContain('Shared their year-ahead review (2027-28), to develop: Adaptive teaching for SEND (a skill, an attitude); support wanted: A coach and release time.');
      for (const u of [ZED, HEAD, FAR]) expect(JSON.stringify(dmsTo(u).map((c) => c.args))).not.toContain('Adaptive teaching for SEND');
    });

    it("her gap plan, shared: Mia and Hana (North's senior leader) get it; Farah (South) and Zed do not; sent once", async () => {
      await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { dueAt: '2027-10-08T15:00:00.000Z' }));
      await slashCommand(h, JO, 'tasks', 'trg-tasks');
      const tasks = h.api.ephemeralFrom('/response/trg-tasks')!.args.blocks;
      await postInteraction(h, buttonPress(JO, { channel: JO.id, ts: 'tasks-ts' }, findButton(tasks, 'gap.plan.open'), 'trg-plan'));
      const modal = openedModal(h, 'trg-plan');
      expect(JSON.stringify(modal.blocks)).toContain("Share my plan with my line manager and my school's senior leaders");
      expect((await postInteraction(h, modalSubmission(JO, modal, 'V-plan', { ...PLAN, shareWithLeaders: ['yes'] }))).status).toBe(200);
      expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))!.value.plan).toMatchObject({ takeBack: 'Do-now quizzes in Year 8', sharedWithLeaders: true });
      // The same submission again (Slack retries): nothing twice.
      await postInteraction(h, modalSubmission(JO, modal, 'V-plan', { ...PLAN, shareWithLeaders: ['yes'] }));

      h.clock.set('2027-09-20T10:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const plans = (u: { id: string }) => dmsTo(u).filter((c) => String(c.args.text).startsWith('Jo Patel shared their gap-task plan'));
      for (const reader of [MIA, HEAD]) {
        expect(plans(reader)).toHaveLength(1);
        expect(JSON.stringify(plans(reader)[0]!.args.blocks)).toContain('Do-now quizzes in Year 8');
      }
      for (const u of [FAR, ZED]) expect(JSON.stringify(dmsTo(u).map((c) => c.args as Json))).not.toMatch(/gap-task plan|Do-now quizzes/);
    });
  });
});
