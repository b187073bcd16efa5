import { Staff, Tenant, gapTaskId } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { gapTask, session } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { AAD_TENANT, JO, TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, lastCardTo, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const user = (key: string, name: string): TeamsUser => ({ userId: `29:${key}`, aadObjectId: `aad-${key}`, name, conversationId: `a:personal-${key}` });
const MIA = user('mia', 'Mia Jones');
const HEAD = user('head', 'Hana Head');
const FAR = user('far', 'Farah Far');
const ZED = user('zed', 'Zed Other');
const SAM = user('sam', 'Sam Lee');

const REVIEW = {
  strengths: 'Questioning in KS3',
  strengthsEvidence: 'Two learning walks',
  developmentAspect: 'Adaptive teaching for SEND',
  developmentStrands: 'skill,knowledge',
  developmentEvidence: 'Year 9 data',
  preferred: 'coaching',
  aspirations: 'Lead SEND practice',
  planNextYear: 'Observe the SENCo',
  planThreeYears: 'Second in department',
  planFiveYears: 'Head of department',
  supportWanted: 'A coach and release time',
};
const PLAN = { takeBack: 'Do-now quizzes in Year 8', intendedImpact: 'Better recall', startingPoint: 'Unit test scores', practiceChange: 'Every lesson starts with retrieval' };

/**
 * Issue 26 items 4 and 6 in Teams (real botbuilder via fake connector, real scheduler): the
 * year-ahead review asked before the review window and shared only with Jo's own line manager; her
 * gap plan shared with her line manager and her school's senior leaders, nobody else.
 */
onBothStores('teams-share', (label, open, done) => {
  describe(`sharing a year-ahead review and a gap plan via fake connector (${label})`, () => {
    let h: TeamsHarness;
    let scheduler: Scheduler;
    const everyone = [JO, MIA, HEAD, FAR, ZED, SAM];
    beforeAll(async () => {
      h = await startTeamsHarness({}, { openStore: open });
      h.clock.set('2027-09-10T09:00:00.000Z');
      await h.store.tenants.create(Tenant.parse({ tenantId: TENANT, id: TENANT, name: 'Ouse Trust', kind: 'trust', teamsTenantId: AAD_TENANT, schools: [{ id: 'north', name: 'North Academy' }, { id: 'south', name: 'South School' }] }));
      const person = (u: TeamsUser, id: string, extra: Partial<Staff>) => Staff.parse({ tenantId: TENANT, id, name: u.name, email: `${id}@school.example`, teams: { aadObjectId: u.aadObjectId }, ...extra });
      await h.store.staff.create(person(JO, 'stf-jo', { schoolId: 'north', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(person(SAM, 'stf-sam', { schoolId: 'north', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(person(MIA, 'stf-mia', { schoolId: 'north', roles: ['staff', 'line-manager'] }));
      await h.store.staff.create(person(HEAD, 'stf-head', { schoolId: 'north', roles: ['staff', 'senior-leader'] }));
      await h.store.staff.create(person(FAR, 'stf-far', { schoolId: 'south', roles: ['staff', 'senior-leader'] }));
      await h.store.staff.create(person(ZED, 'stf-zed', { schoolId: 'north', roles: ['staff', 'line-manager'] }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-kit', name: 'Kit Report', email: 'kit@school.example', schoolId: 'north', lineManagerId: 'stf-zed' }));
      await h.store.sessions.create(session(TENANT, 'ses-1', { title: 'Retrieval practice that sticks', startsAt: '2027-09-08T15:00:00.000Z', endsAt: '2027-09-08T16:30:00.000Z' }));
      for (const u of everyone) await postActivity(h, installActivity(h, u));
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await done();
    });

    const textsTo = (u: TeamsUser) => h.connector.sentTo(u.conversationId).map((a) => cardText(FakeConnector.card(a)));

    it('two weeks before the 1 October window Jo is asked, in a form card with every appendix-3 question', async () => {
      h.clock.set('2027-09-17T07:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const prompts = textsTo(JO).filter((t) => t.includes('The year ahead: 2027-28'));
      expect(prompts).toHaveLength(1);
      expect(prompts[0]).toContain('Performance reviews start on Friday 1 October');
      const card = FakeConnector.card(h.connector.sentTo(JO.conversationId).find((a) => cardText(FakeConnector.card(a)).includes('The year ahead')))!;
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(cardElements(card).map((e) => e.id).filter(Boolean)).toEqual(Object.keys(REVIEW).concat('shareWithManager').sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
      expect(cardText(card) + JSON.stringify(card)).toContain('Share it with my line manager, Mia Jones');
    });

    it('Jo shares hers: Mia reads it in `team reviews` and in Monday\'s digest; Zed (another line manager) and the senior leaders never see it; Sam\'s unshared one nobody sees', async () => {
      const sent = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'needs.submit', { ...REVIEW, shareWithManager: 'true' }))).body).value!;
      expect(cardText(sent)).toContain('Your line manager can read it');
      const sams = invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'needs.submit', { ...REVIEW, developmentAspect: 'Sam private aspect', shareWithManager: 'false' }))).body).value!;
      expect(cardText(sams)).toContain('It is yours alone');

      await postActivity(h, messageActivity(h, MIA, 'team reviews'));
      const mia = cardText(lastCardTo(h, MIA)) + JSON.stringify(lastCardTo(h, MIA));
      expect(mia).toContain('Jo Patel');
      expect(mia).toContain('Adaptive teaching for SEND');
      expect(mia).toContain('A coach and release time');
      expect(mia).toContain('1 of your team has not shared one with you.');
      expect(mia).not.toContain('Sam private aspect');
      await postActivity(h, messageActivity(h, ZED, 'team reviews'));
      expect(cardText(lastCardTo(h, ZED))).not.toMatch(/Adaptive teaching|Jo Patel/);

      // Monday 20 September, 07:30 in London: the digests.
      h.clock.set('2027-09-20T06:30:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const digest = textsTo(MIA).find((t) => t.includes('Your team’s CPD'))!;
      expect(digest).toContain('Shared their year-ahead review (2027-28), to develop: Adaptive teaching for SEND (a skill, knowledge); support wanted: A coach and release time.');
      expect(digest).not.toContain('Sam private aspect');
      for (const u of [ZED, HEAD, FAR, SAM]) expect(JSON.stringify(h.connector.sentTo(u.conversationId).map((a) => FakeConnector.card(a)))).not.toMatch(/Adaptive teaching for SEND|Sam private aspect/);
    });

    it("Jo's gap plan shared: Mia (line manager) and Hana (North's senior leader) get it; Farah (South's senior leader) and Zed do not; Sam's unshared plan reaches nobody", async () => {
      await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { dueAt: '2027-10-08T15:00:00.000Z' }));
      await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-sam', { dueAt: '2027-10-08T15:00:00.000Z' }));
      const form = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'gap.plan.open', { gapTaskId: gapTaskId('ses-1', 'stf-jo') }))).body).value!;
      expect(cardElements(form).find((e) => e.id === 'shareWithLeaders')).toMatchObject({ type: 'Input.Toggle', value: 'false' });
      const saved = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'gap.plan.submit', { gapTaskId: gapTaskId('ses-1', 'stf-jo'), ...PLAN, shareWithLeaders: 'true' }))).body).value!;
      expect(cardText(saved)).toContain("You shared this plan with your line manager and your school's senior leaders.");
      // Pressed twice (a retried invoke): nothing is sent twice.
      await postActivity(h, cardActionActivity(h, JO, 'gap.plan.submit', { gapTaskId: gapTaskId('ses-1', 'stf-jo'), ...PLAN, shareWithLeaders: 'true' }));
      await postActivity(h, cardActionActivity(h, SAM, 'gap.plan.submit', { gapTaskId: gapTaskId('ses-1', 'stf-sam'), ...PLAN, takeBack: 'Sam private plan', shareWithLeaders: 'false' }));
      expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-sam')))!.value.plan?.sharedWithLeaders).toBeUndefined();

      h.clock.set('2027-09-20T10:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      for (const reader of [MIA, HEAD]) {
        const got = h.connector.sentTo(reader.conversationId).map((a) => FakeConnector.card(a)).filter((c) => cardText(c).includes("Jo Patel's gap-task plan"));
        expect(got).toHaveLength(1);
        expect(JSON.stringify(got[0])).toContain('Do-now quizzes in Year 8');
      }
      expect(textsTo(MIA).find((t) => t.includes("Jo Patel's gap-task plan"))).toContain('as their line manager');
      expect(textsTo(HEAD).find((t) => t.includes("Jo Patel's gap-task plan"))).toContain("their school's senior leaders");
      const everything = (u: TeamsUser) => JSON.stringify(h.connector.sentTo(u.conversationId).map((a) => FakeConnector.card(a)));
      for (const u of [FAR, ZED, SAM]) expect(everything(u)).not.toMatch(/gap-task plan|Do-now quizzes/);
      for (const u of everyone.filter((x) => x !== SAM)) expect(everything(u)).not.toContain('Sam private plan');
      const card = FakeConnector.card(h.connector.sentTo(HEAD.conversationId).find((a) => cardText(FakeConnector.card(a)).includes("Jo Patel's gap-task plan")));
      expect(adaptiveCardProblems(card)).toEqual([]);
    });
  });
});

const ORDER = ['strengths', 'strengthsEvidence', 'developmentAspect', 'developmentStrands', 'developmentEvidence', 'preferred', 'aspirations', 'planNextYear', 'planThreeYears', 'planFiveYears', 'supportWanted', 'shareWithManager'];
