import { programmeAssignmentId, Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { FakeConnector } from '../../support/fake-connector';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import { schoolYear2026Calendar, tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, installActivity, invokeCard, JO, LEAD, lastCardTo, fileMessage, messageActivity, postActivity, startTeamsHarness, TENANT, type TeamsHarness, type TeamsUser } from './teams-harness';

type Json = Record<string, unknown>;
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };
const KAI: TeamsUser = { userId: '29:kai', aadObjectId: 'aad-kai', name: 'Kai Lowe', conversationId: 'a:personal-kai' };
const LOU: TeamsUser = { userId: '29:lou', aadObjectId: 'aad-lou', name: 'Lou Quinn', conversationId: 'a:personal-lou' };

// The next staff list: Kai and Lou are now early-career teachers; Kai has Sam as subject mentor, Lou nobody yet.
const ROSTER = [
  'Email Address,Full Name,Career Stage,Subject Mentor',
  'lee.lead@school.example,Lee Lead,,',
  'sam.lee@school.example,Sam Lee,,',
  'jo.patel@school.example,Jo Patel,ECT,',
  'kai.lowe@school.example,Kai Lowe,ECT,Sam Lee',
  'lou.quinn@school.example,Lou Quinn,ECT,',
].join('\r\n');

/** A programme assigned to the ECT pathway reaches the early-career teachers of the next staff list, in Teams. */
onBothStores('teams-pathway-joiners', (label, open, done) => {
  describe(`a pathway's programme reaches people who join it later, in Teams (${label}; real botbuilder, fake connector, real scheduler, manual clock)`, () => {
    let h: TeamsHarness;
    let host: LocalFileHost;
    let scheduler: Scheduler;
    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open });
      h.clock.set('2026-09-01T09:00:00.000Z');
      await h.store.tenants.create({ ...tenant(TENANT), teamsTenantId: AAD_TENANT });
      await h.store.calendars.put(
        schoolYear2026Calendar(TENANT, '2026-09-01'),
      );
      const person = (id: string, user: TeamsUser, email: string, extra: Partial<Staff> = {}) =>
        h.store.staff.create(Staff.parse({ tenantId: TENANT, id, name: user.name, email, roles: ['staff'], teams: { aadObjectId: user.aadObjectId, userId: user.userId }, ...extra }));
      await person('stf-lee', LEAD, 'lee.lead@school.example', { roles: ['staff', 'cpd-lead'] });
      await person('stf-jo', JO, 'jo.patel@school.example', { pathway: 'ect' });
      await person('stf-sam', SAM, 'sam.lee@school.example');
      await person('stf-kai', KAI, 'kai.lowe@school.example');
      await person('stf-lou', LOU, 'lou.quinn@school.example');
      for (const user of [JO, SAM, LEAD, KAI, LOU]) await postActivity(h, installActivity(h, user));
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    const say = async (user: TeamsUser, text: string) => {
      await postActivity(h, messageActivity(h, user, text));
      return cardText(lastCardTo(h, user));
    };
    const cardsTo = (user: TeamsUser, text: string) => h.connector.sentTo(user.conversationId).map((a) => FakeConnector.card(a)).filter((c) => c && JSON.stringify(c).includes(text));
    const meetingsOf = async (menteeId: string) => (await h.store.mentoringMeetings.find(TENANT, { where: { menteeId } })).map((v) => v.value).sort((a, b) => a.weekStart.localeCompare(b.weekStart));

    it('the lead assigns seed 000 to the ECT pathway: Jo is assigned, and the pathway keeps it for whoever joins', async () => {
      const answer = await say(LEAD, 'programmes assign new teacher to pathway ect');
      expect(answer).toContain('1 person assigned; 9 meetings planned.');
      expect(answer).toContain('Whoever joins the ect pathway until the end of 2026-27 is given it too');
      expect(await say(LEAD, 'programmes')).toContain('the ect pathway, 2026-27; 0 people have joined since');
    });

    it('after half term the next staff list makes Kai and Lou early-career teachers; the scheduler assigns them, from that week on', async () => {
      h.clock.set('2026-11-02T09:00:00.000Z');
      await postActivity(h, fileMessage(h, LEAD, 'staff.csv', host.put('/download/staff.csv', ROSTER)));
      const button = cardElements(lastCardTo(h, LEAD)).find((e) => e.type === 'Action.Execute' && e.title === 'Import')!;
      expect(cardText(invokeCard((await postActivity(h, cardActionActivity(h, LEAD, String(button.verb), button.data as Json))).body).value)).toContain("made Sam Lee Kai Lowe's subject mentor");
      await scheduler.runOnce();
      for (const id of ['stf-kai', 'stf-lou']) {
        expect((await h.store.programmeAssignments.get(TENANT, programmeAssignmentId(id, 'builtin-new-teacher', '2026-27')))?.value.viaPathway).toBeDefined();
        const meetings = await meetingsOf(id);
        expect(meetings.length).toBeGreaterThan(0);
        expect(meetings.every((m) => m.weekStart >= '2026-11-02')).toBe(true);
      }
      expect((await meetingsOf('stf-kai')).every((m) => m.mentorId === 'stf-sam')).toBe(true);
      expect((await meetingsOf('stf-lou')).every((m) => m.mentorId === undefined)).toBe(true);
      await scheduler.runOnce();
      expect(await h.store.programmeAssignments.count(TENANT)).toBe(3);
    });

    it("their first meeting week: Kai and Sam are reminded; Lou is reminded and the lead is told Lou has no mentor", async () => {
      const first = (await meetingsOf('stf-kai'))[0]!;
      h.clock.set(`${first.weekStart}T08:00:00.000Z`);
      await scheduler.runOnce();
      expect(cardText(cardsTo(KAI, first.focus).at(-1))).toContain('Meeting with your subject mentor, Sam Lee');
      expect(cardText(cardsTo(SAM, 'Meeting with Kai Lowe').at(-1))).toContain('you are their subject mentor');
      expect(cardsTo(LOU, first.focus)).toHaveLength(1);
      expect(cardText(cardsTo(LEAD, 'Lou Quinn has a mentoring meeting').at(-1))).toContain('no subject mentor is named, so only they were reminded');
    });

    it('the lead sees who joined, and ends it', async () => {
      expect(await say(LEAD, 'programmes')).toContain('the ect pathway, 2026-27; 2 people have joined since');
      expect(await say(LEAD, 'programmes unassign new teacher from pathway ect')).toContain('is no longer assigned to the ect pathway (from 2026-27): people who join it from now on are not given it.');
      expect(await say(LEAD, 'programmes')).not.toContain('Assigned to a pathway');
    });
  });
});
