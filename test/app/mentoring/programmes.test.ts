import { runCommand } from '../../../src/app/commands';
import { setMentor } from '../../../src/app/mentoring';
import type { Actor } from '../../../src/app/people';
import { ManualClock, Tenant, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { schoolYear2026Calendar, staff, tenant } from '../../support/fixtures';

const T = 't1';
const CALENDAR = schoolYear2026Calendar(T);

const textOf = (view: unknown) => JSON.stringify(view);

onBothStores('mentoring-programmes', (label, open, done) => {
  describe(`the lead's programmes command (${label})`, () => {
    afterAll(done);
    let store: Store;
    const clock = new ManualClock('2026-09-01T08:00:00.000Z');
    const people: Record<string, Staff> = {};
    let t: Tenant;
    const run = (who: string, text: string) => runCommand({ store, clock }, { tenant: t, staff: people[who]! } as Actor, text);

    beforeAll(async () => {
      store = await open(clock);
      t = tenant(T);
      await store.tenants.put(t);
      people.lead = staff(T, 'lead', { name: 'Lee Lead', roles: ['staff', 'cpd-lead'] });
      people.jo = staff(T, 'jo', { name: 'Jo Adeyemi', pathway: 'ect' });
      people.kai = staff(T, 'kai', { name: 'Kai Lowe', pathway: 'ect' });
      people.sam = staff(T, 'sam', { name: 'Sam Patel' });
      for (const p of Object.values(people)) await store.staff.put(p);
      await setMentor({ store, clock }, T, { menteeId: 'jo', role: 'subject-mentor', mentorId: 'sam', onDate: '2026-09-01', source: 'roster' });
    });

    it('lists the three built-in programmes; a teacher may not', async () => {
      const list = textOf(await run('lead', 'programmes'));
      expect(list).toContain('New teacher: first-year support meetings (seed 000) (9 meetings, built in)');
      expect(list).toContain('Developing Teacher pathway meetings (3 meetings, built in)');
      expect(list).toContain('Early-career induction (two years)');
      expect(textOf(await run('jo', 'programmes'))).toContain('Only CPD leads can do that');
    });

    it('a calendar with no autumn term says so to the lead, and nothing is assigned', async () => {
      const answer = textOf(await run('lead', 'programmes assign new teacher to Jo Adeyemi'));
      expect(answer).toContain('Nothing was assigned: the school calendar has no autumn term for 2026-27');
      expect(await store.programmeAssignments.count(T)).toBe(0);
      expect(await store.mentoringMeetings.count(T)).toBe(0);
    });

    it('assigns to a person (meetings planned with their mentor) and to a pathway; assigning again adds nothing', async () => {
      await store.calendars.put(CALENDAR);
      const answer = textOf(await run('lead', 'programmes assign new teacher to Jo Adeyemi'));
      expect(answer).toContain('1 person assigned; 9 meetings planned.');
      const meetings = (await store.mentoringMeetings.find(T, { where: { menteeId: 'jo' } })).map((v) => v.value).sort((a, b) => a.weekStart.localeCompare(b.weekStart));
      expect(meetings.map((m) => m.weekStart).slice(0, 2)).toEqual(['2026-09-07', '2026-09-14']);
      expect(meetings.every((m) => m.mentorId === 'sam' && m.status === 'planned')).toBe(true);

      const pathway = textOf(await run('lead', 'programmes assign new teacher to pathway ect'));
      expect(pathway).toContain('1 person assigned, 1 already on it; 9 meetings planned.');
      // Kai has no subject mentor yet: the lead is told, not left to find out.
      expect(pathway).toContain('1 person has no supporter yet');
      const before = (await store.mentoringMeetings.find(T)).map((v) => v.version).sort();
      expect(textOf(await run('lead', 'programmes assign new teacher to pathway ect'))).toContain('0 people assigned, 2 already on it; 0 meetings planned.');
      expect((await store.mentoringMeetings.find(T)).map((v) => v.version).sort()).toEqual(before);
    });

    it("a mentor set or changed later takes over the mentee's meetings still planned in that role, from that week on", async () => {
      const kaiMeetings = async () => (await store.mentoringMeetings.find(T, { where: { menteeId: 'kai' } })).map((v) => v.value).sort((x, y) => x.weekStart.localeCompare(y.weekStart));
      expect((await kaiMeetings()).every((m) => m.mentorId === undefined)).toBe(true);
      expect(textOf(await run('lead', 'mentor Kai Lowe subject Sam Patel'))).toContain("Sam Patel is Kai Lowe's subject mentor from today.");
      expect((await kaiMeetings()).every((m) => m.mentorId === 'sam')).toBe(true);
      // From 2 November (week 9) Lee takes over: the earlier meetings stay Sam's.
      clock.set('2026-11-02T09:00:00.000Z');
      await run('lead', 'mentor Kai Lowe subject Lee Lead');
      const after = await kaiMeetings();
      expect(after.filter((m) => m.weekStart < '2026-11-02').map((m) => m.mentorId)).toEqual(['sam', 'sam', 'sam', 'sam']);
      expect(after.filter((m) => m.weekStart >= '2026-11-02').every((m) => m.mentorId === 'lead')).toBe(true);
      await run('lead', 'mentor Kai Lowe subject none');
      expect((await kaiMeetings()).filter((m) => m.weekStart >= '2026-11-02').every((m) => m.mentorId === undefined)).toBe(true);
      clock.set('2026-09-01T08:00:00.000Z');
    });

    it('the two-year induction plans year 1 and says year 2 waits for its term dates', async () => {
      await setMentor({ store, clock }, T, { menteeId: 'kai', role: 'induction-tutor', mentorId: 'lead', onDate: '2026-09-01', source: 'chat' });
      const answer = textOf(await run('lead', 'programmes assign induction to Kai Lowe'));
      expect(answer).toContain('Not planned yet: the school calendar has no autumn term for 2027-28');
      expect(await store.mentoringMeetings.count(T, { menteeId: 'kai', mentorId: 'lead' })).toBe(4);
    });

    it('copies a programme once', async () => {
      expect(textOf(await run('lead', 'programmes copy developing teacher'))).toContain('Copied: \\"Developing Teacher pathway meetings (our copy)\\"');
      // By its exact name the built-in is meant; by some of its words both it and the copy fit.
      expect(textOf(await run('lead', 'programmes copy developing teacher'))).toContain('fits 2 programmes');
      expect(textOf(await run('lead', 'programmes copy builtin-developing-teacher'))).toContain('You already have a copy');
      expect(await store.mentoringProgrammes.count(T)).toBe(1);
    });
  });
});
