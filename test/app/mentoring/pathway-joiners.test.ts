import { runCommand } from '../../../src/app/commands';
import { setMentor } from '../../../src/app/mentoring';
import type { Actor } from '../../../src/app/people';
import { ManualClock, pathwayAssignmentId, programmeAssignmentId, Tenant, type Staff } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { schoolYear2026Calendar, staff, tenant } from '../../support/fixtures';

const T = 't1';
const OTHER = 't2';
const NEW_TEACHER = 'builtin-new-teacher';
const STANDING = pathwayAssignmentId('ect', NEW_TEACHER, '2026-27');

const textOf = (view: unknown) => JSON.stringify(view);

/** Issue: a programme assigned to a pathway reaches people who join it later (docs/mentoring.md, "Standing pathway assignments"). */
onBothStores('pathway-joiners', (label, open, done) => {
  describe(`a programme assigned to a pathway is given to people who join it later (${label})`, () => {
    afterAll(done);
    let store: Store;
    const clock = new ManualClock('2026-09-01T08:00:00.000Z');
    const people: Record<string, Staff> = {};
    let t: Tenant;
    const run = (who: string, text: string) => runCommand({ store, clock }, { tenant: t, staff: people[who]! } as Actor, text);
    const plan = (tenantId = T) => planTenant({ store, clock }, tenantId);
    const meetingsOf = async (menteeId: string, tenantId = T) => (await store.mentoringMeetings.find(tenantId, { where: { menteeId } })).map((v) => v.value).sort((a, b) => a.weekStart.localeCompare(b.weekStart));

    beforeAll(async () => {
      store = await open(clock);
      t = tenant(T);
      await store.tenants.put(t);
      await store.calendars.put(schoolYear2026Calendar(T));
      people.lead = staff(T, 'lead', { name: 'Lee Lead', roles: ['staff', 'cpd-lead'] });
      people.jo = staff(T, 'jo', { name: 'Jo Adeyemi', pathway: 'ect' });
      people.sam = staff(T, 'sam', { name: 'Sam Patel' });
      for (const p of Object.values(people)) await store.staff.put(p);
      await setMentor({ store, clock }, T, { menteeId: 'jo', role: 'subject-mentor', mentorId: 'sam', onDate: '2026-09-01', source: 'roster' });
      // Another trust, with an early-career teacher of its own and no assignment: nothing of t1's reaches it.
      await store.tenants.put(Tenant.parse({ ...tenant(OTHER), id: OTHER, tenantId: OTHER }));
      await store.calendars.put(schoolYear2026Calendar(OTHER));
      await store.staff.put(staff(OTHER, 'kai', { name: 'Kai Other', pathway: 'ect' }));
    });

    it('assigning to a pathway assigns who is on it and remembers it; saying it again remembers it once', async () => {
      const answer = textOf(await run('lead', 'programmes assign new teacher to pathway ect'));
      expect(answer).toContain('1 person assigned; 9 meetings planned.');
      expect(answer).toContain('Whoever joins the ect pathway until the end of 2026-27 is given it too, with their meetings from the week they join');
      expect((await store.pathwayAssignments.get(T, STANDING))?.value).toMatchObject({ pathway: 'ect', programmeId: NEW_TEACHER, firstYear: '2026-27', lastYear: '2026-27', assignedBy: 'lead' });
      expect(textOf(await run('lead', 'programmes assign new teacher to pathway ect'))).toContain('It already stands for the ect pathway');
      expect(await store.pathwayAssignments.count(T)).toBe(1);
      expect(textOf(await run('lead', 'programmes'))).toContain('• New teacher: first-year support meetings (seed 000): the ect pathway, 2026-27; 0 people have joined since');
    });

    it('a new early-career teacher in the staff list is assigned by the planner, from the week they join, with no mentor yet; planning twice assigns once', async () => {
      // Monday 2 November (after half term): Kai joins, with no mentor named yet.
      clock.set('2026-11-02T07:00:00.000Z');
      people.kai = staff(T, 'kai', { name: 'Kai Lowe', pathway: 'ect' });
      await store.staff.put(people.kai);
      await plan();
      const assignment = (await store.programmeAssignments.get(T, programmeAssignmentId('kai', NEW_TEACHER, '2026-27')))?.value;
      expect(assignment).toMatchObject({ menteeId: 'kai', firstYear: '2026-27', assignedBy: 'lead', viaPathway: STANDING });
      const kai = await meetingsOf('kai');
      // Weeks 8–9 onwards: nothing planned for the weeks before Kai was here, so nothing is overdue on arrival.
      expect(kai.length).toBeGreaterThan(0);
      expect(kai.length).toBeLessThan(9);
      expect(kai.every((m) => m.weekStart >= '2026-11-02' && m.mentorId === undefined && m.status === 'planned')).toBe(true);

      const versions = (await store.mentoringMeetings.find(T)).map((v) => v.version).sort();
      await plan();
      clock.set('2026-11-02T07:30:00.000Z');
      await plan();
      expect(await store.programmeAssignments.count(T)).toBe(2);
      expect((await store.mentoringMeetings.find(T)).map((v) => v.version).sort()).toEqual(versions);
      // Tenant-scoped: the other trust's early-career teacher is not given anything.
      await plan(OTHER);
      expect(await store.programmeAssignments.count(OTHER)).toBe(0);
      expect(await store.mentoringMeetings.count(OTHER)).toBe(0);
      expect(textOf(await run('lead', 'programmes'))).toContain('the ect pathway, 2026-27; 1 person has joined since');
      // The lead assigns the pathway again: Kai still has nothing before the week he joined.
      expect(textOf(await run('lead', 'programmes assign new teacher to pathway ect'))).toContain('0 people assigned, 2 already on it; 0 meetings planned.');
      expect((await meetingsOf('kai')).map((m) => m.id)).toEqual(kai.map((m) => m.id));
    });

    it("the joiner's first meeting week: Kai is reminded, and the lead is told Kai has no mentor (the usual notice, not a silent skip)", async () => {
      const first = (await meetingsOf('kai'))[0]!;
      clock.set(`${first.weekStart}T09:00:00.000Z`);
      await plan();
      const planned = (await store.deliveries.find(T)).map((d) => d.value).filter((d) => d.subject.mentoringMeetingId === first.id);
      expect(planned.map((d) => `${d.kind}:${d.recipientId}`).sort()).toEqual(['mentoring-gap:lead', 'mentoring-reminder:kai']);
    });

    it('the lead ends it: later joiners get nothing, those already on it keep their meetings; ending again says there is nothing to end', async () => {
      const ended = textOf(await run('lead', 'programmes unassign new teacher from pathway ect'));
      expect(ended).toContain('is no longer assigned to the ect pathway (from 2026-27): people who join it from now on are not given it. Those already following it keep their meetings.');
      expect((await store.pathwayAssignments.get(T, STANDING))?.value).toMatchObject({ endedBy: 'lead' });
      expect(textOf(await run('lead', 'programmes'))).not.toContain('Assigned to a pathway');
      people.lou = staff(T, 'lou', { name: 'Lou Quinn', pathway: 'ect' });
      await store.staff.put(people.lou);
      await plan();
      expect(await store.programmeAssignments.count(T, { menteeId: 'lou' })).toBe(0);
      expect((await meetingsOf('kai')).length).toBeGreaterThan(0);
      expect(textOf(await run('lead', 'programmes unassign new teacher from pathway ect'))).toContain('is not assigned to the ect pathway: say \\"programmes\\" to see what is.');
      expect(textOf(await run('lead', 'programmes unassign new teacher from pathway astronauts'))).toContain('is not a pathway');
    });

    it('assigned to a pathway nobody is on yet, it stands; one it cannot serve says why in "programmes"', async () => {
      const answer = textOf(await run('lead', 'programmes assign developing teacher to pathway leadership'));
      expect(answer).toContain('for the leadership pathway: nobody is on it yet');
      expect(answer).toContain('Whoever joins the leadership pathway until the end of 2026-27 is given it too');
      // A year whose autumn term is not in the calendar is refused, and nothing is remembered.
      expect(textOf(await run('lead', 'programmes assign developing teacher to pathway leadership 2027-28'))).toContain('Nothing was assigned: the school calendar has no autumn term for 2027-28');
      expect(await store.pathwayAssignments.count(T, { pathway: 'leadership' })).toBe(1);
      // A standing assignment whose programme has gone (written as an older version would have left it): the lead is told, not left guessing.
      await store.pathwayAssignments.put({ tenantId: T, id: pathwayAssignmentId('support-staff', 'mprog-gone', '2026-27'), pathway: 'support-staff', programmeId: 'mprog-gone', firstYear: '2026-27', lastYear: '2026-27', assignedBy: 'lead', assignedAt: clock.now().toISOString() });
      await store.staff.put(staff(T, 'tia', { name: 'Tia Office', pathway: 'support-staff' }));
      await plan();
      const list = textOf(await run('lead', 'programmes'));
      expect(list).toContain('the support staff pathway, 2026-27; 0 people have joined since. Not working: its programme is no longer there');
      expect(await store.programmeAssignments.count(T, { menteeId: 'tia' })).toBe(0);
    });

    it("a two-year programme whose second year has no term dates yet: a joiner's first year is planned, and programmes says what is not", async () => {
      expect(textOf(await run('lead', 'programmes assign induction to pathway developing excellence'))).toContain('nobody is on it yet');
      await store.staff.put(staff(T, 'dev', { name: 'Dev Excel', pathway: 'developing-excellence' }));
      await plan();
      expect(await store.mentoringMeetings.count(T, { menteeId: 'dev' })).toBeGreaterThan(0);
      expect(textOf(await run('lead', 'programmes'))).toContain(
        'the developing excellence pathway, 2026-27 to 2027-28; 1 person has joined since. Not planned yet for those who joined: the school calendar has no autumn term for 2027-28',
      );
    });

    it('someone already following the programme (assigned to them, any year) is not given it again when they join the pathway', async () => {
      people.mo = staff(T, 'mo', { name: 'Mo Reed' });
      await store.staff.put(people.mo);
      expect(textOf(await run('lead', 'programmes assign developing teacher to Mo Reed'))).toContain('1 person assigned');
      const before = await store.mentoringMeetings.count(T, { menteeId: 'mo' });
      await store.staff.put({ ...people.mo, pathway: 'leadership' });
      await plan();
      expect(await store.programmeAssignments.count(T, { menteeId: 'mo' })).toBe(1);
      expect(await store.mentoringMeetings.count(T, { menteeId: 'mo' })).toBe(before);
      // Someone new on the leadership pathway is given it.
      await store.staff.put(staff(T, 'ria', { name: 'Ria Head', pathway: 'leadership' }));
      await plan();
      expect((await store.programmeAssignments.find(T, { where: { menteeId: 'ria' } })).map((v) => v.value.viaPathway)).toEqual([pathwayAssignmentId('leadership', 'builtin-developing-teacher', '2026-27')]);
    });
  });
});
