import type { AppDeps } from '../../../src/app/deps';
import type { Actor } from '../../../src/app/people/actor';
import { menteesCommand, NO_MENTEES } from '../../../src/app/mentoring-views';
import { inductionDigestCommand, NOT_AN_INDUCTION_TUTOR } from '../../../src/app/digests/induction-tutor-digest';
import { loadInductionDigest } from '../../../src/app/digests/load-induction-digest';
import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { composeLeadDigest } from '../../../src/app/digests/programme-digest';
import { hasNothingToReport } from '../../../src/app/digests/lead-digest';
import { loadManagerDigest } from '../../../src/app/digests/load-manager-digest';
import { loadGovernorsReport } from '../../../src/app/records';
import { GOVERNORS_MENTORING_TITLE } from '../../../src/app/records/governors-mentoring';
import { governorsReportCsv } from '../../../src/exports/governors-csv';
import { ManualClock, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { M, MENTORING_NOW, PEOPLE, SECRET, mentoringTenant, seedMentoringWorld, type Person } from '../../support/mentoring-world';

/** Every name of the world but the given ones: what a view for someone else must not show. */
const namesBut = (...shown: Person[]) => (Object.keys(PEOPLE) as Person[]).filter((p) => !shown.includes(p)).map((p) => PEOPLE[p].name);

onBothStores('mentoring-views', (label, open, done) => {
  describe(`who sees what in mentoring (${label})`, () => {
    let store: Store;
    let deps: AppDeps;
    const clock = new ManualClock(MENTORING_NOW);
    const actor = async (who: string): Promise<Actor> => ({ tenant: mentoringTenant(), staff: (await store.staff.get(M, who))!.value as Staff });

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      await seedMentoringWorld(store);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it("a mentor's `mentees` lists only their current mentees, each with the meetings of their own role", async () => {
      const view = await menteesCommand(deps, await actor('mel'));
      if (view.kind !== 'mentees') throw new Error(JSON.stringify(view));
      expect(view.mentees).toEqual([
        {
          staffId: 'ada',
          name: 'Ada Early',
          roleText: 'subject mentor',
          nextMeetingText: 'week of Monday 23 November: Planning for progress',
          // m1 held; m2 overdue; m3 this week; m4 to come; m5 cancelled; the coach's c1 is not Mel's.
          held: 1,
          planned: 4,
          overdue: 1,
          openActions: 2,
          overdueActions: 1,
        },
        { staffId: 'eve', name: 'Eve Early', roleText: 'professional mentor', held: 1, planned: 1, overdue: 0, openActions: 0, overdueActions: 0 },
      ]);
      // Not Fay (the link ended), not Trust X's Zed, nobody's notes.
      const text = JSON.stringify(view);
      expect(text).not.toMatch(SECRET);
      for (const name of [...namesBut('ada', 'eve', 'mel'), 'Zed Other']) expect(text).not.toContain(name);
    });

    it("a coach sees their coachee's coaching meetings only, not the mentor's", async () => {
      const view = await menteesCommand(deps, await actor('cole'));
      if (view.kind !== 'mentees') throw new Error(JSON.stringify(view));
      expect(view.mentees).toEqual([{ staffId: 'ada', name: 'Ada Early', roleText: 'coach', held: 1, planned: 1, overdue: 0, openActions: 1, overdueActions: 1 }]);
      expect(JSON.stringify(view)).not.toMatch(SECRET);
    });

    it('a person who supports nobody is told so in a sentence', async () => {
      expect(await menteesCommand(deps, await actor('nia'))).toEqual({ kind: 'notice', notice: { tone: 'info', text: NO_MENTEES } });
    });

    it("an induction tutor's digest: their early-career teachers' counts, the latest outcome, and their school's teachers with no mentor", async () => {
      const digest = await loadInductionDigest(deps, M, 'tia', clock.now());
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value).toEqual({
        kind: 'induction-digest',
        tutorName: 'Tia Tutor',
        dateText: 'Monday 23 November 2026',
        ects: [
          {
            staffId: 'ada',
            name: 'Ada Early',
            // m1 and the coach's c1 held, of m1, m2, m3 (this week) and c1; m4 to come.
            held: 2,
            dueSoFar: 4,
            planned: 5,
            overdueMeetings: 1,
            overdueActions: 2,
            latestReview: { outcomeText: 'at risk', termText: '2026-27, term 1', atRisk: true },
            noMentor: false,
            notOnEctPathway: false,
          },
          { staffId: 'ben', name: 'Ben Early', held: 0, dueSoFar: 0, planned: 0, overdueMeetings: 0, overdueActions: 0, noMentor: true, notOnEctPathway: false },
        ],
        // Northfield's early-career teachers with no mentor now; not Southgate's Dan; not Eve (a professional mentor).
        unmentored: [
          { staffId: 'ben', name: 'Ben Early' },
          { staffId: 'cat', name: 'Cat Early' },
          { staffId: 'fay', name: 'Fay Early' },
        ],
      });
      const text = JSON.stringify(digest.value);
      expect(text).not.toMatch(SECRET);
      expect(text).not.toMatch(/Eve Early|Dan Early|Zed Other|some concerns/);
    });

    it("another tutor sees only their own: Tom sees Eve's review, not Ada's", async () => {
      const digest = await loadInductionDigest(deps, M, 'tom', clock.now());
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.ects.map((r) => [r.name, r.latestReview?.outcomeText])).toEqual([['Eve Early', 'some concerns']]);
      expect(JSON.stringify(digest.value)).not.toMatch(/Ada Early|at risk|SECRET/);
    });

    it('`induction` is for induction tutors: a mentor who is nobody\'s tutor is told so, and sees no school list', async () => {
      expect(await inductionDigestCommand(deps, await actor('mel'))).toEqual({ kind: 'notice', notice: { tone: 'info', text: NOT_AN_INDUCTION_TUTOR } });
      expect((await inductionDigestCommand(deps, await actor('tia'))).kind).toBe('induction-digest');
    });

    it("a tutor whose school is not in the staff list is told why the unmentored list is missing (fail closed, not an empty list)", async () => {
      await store.staff.put({ ...(await store.staff.get(M, 'tom'))!.value, schoolId: undefined } as Staff);
      const digest = await loadInductionDigest(deps, M, 'tom', clock.now());
      await store.staff.put({ ...(await store.staff.get(M, 'tom'))!.value, schoolId: 'sch-n' });
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.unmentored).toEqual([]);
      expect(digest.value.unmentoredNote).toMatch(/Your school is not given in the staff list/);
    });

    it("the lead's programme digest gains a line per school: meetings held against due so far, and early-career teachers with no mentor", async () => {
      const digest = await loadLeadDigest(deps, M, 'lead', clock.now());
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.mentoring).toEqual([
        // m1, c1, e1 held of m1, m2, m3, c1, e1; Ben, Cat and Fay without a mentor.
        { school: 'Northfield', held: 3, dueSoFar: 5, ectsWithoutMentor: 3 },
        { school: 'Southgate', held: 0, dueSoFar: 0, ectsWithoutMentor: 1 },
      ]);
      expect(JSON.stringify(digest.value)).not.toMatch(/Early|SECRET/);
    });

    it('a quiet week with early-career teachers lacking a mentor still sends the lead their digest (it is theirs to fix)', async () => {
      const lead = (await store.staff.get(M, 'lead'))!.value;
      const composed = await composeLeadDigest(deps, mentoringTenant(), lead);
      if (typeof composed === 'string') throw new Error(composed);
      expect(composed.view.mentoring?.map((l) => l.ectsWithoutMentor)).toEqual([3, 1]);
      expect(hasNothingToReport({ ...composed.view, mentoring: composed.view.mentoring!.map((l) => ({ ...l, ectsWithoutMentor: 0 })) })).toBe(true);
    });

    it("a line manager's digest gains no mentoring notes, mentors or reviews about their report", async () => {
      const digest = await loadManagerDigest(deps, M, 'mo', clock.now());
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.reports.map((r) => r.name)).toEqual(['Ada Early']);
      expect(JSON.stringify(digest.value)).not.toMatch(/SECRET|Mel Mentor|Cole Coach|Tia Tutor|mentor|coach|at risk|review/i);
    });

    it("the governors' report counts people supported and meetings held, names nobody, and withholds groups under the minimum", async () => {
      const report = await loadGovernorsReport(deps, M, clock.now());
      if (!report.ok) throw new Error(report.message);
      const section = report.value.sections.find((s) => s.title === GOVERNORS_MENTORING_TITLE)!;
      // Three mentored (Ada, Eve, Fay until October), one coached, three with a tutor: all under 5.
      expect(section.rows.every((r) => r.value === 'withheld (fewer than 5)')).toBe(true);
      const text = JSON.stringify(report.value);
      for (const p of Object.values(PEOPLE)) expect(text).not.toContain(p.name);
      expect(text).not.toMatch(SECRET);

      await store.tenants.put({ ...mentoringTenant(), settings: { ...mentoringTenant().settings, minAggregateCount: 3 } });
      const three = await loadGovernorsReport(deps, M, clock.now());
      await store.tenants.put(mentoringTenant());
      if (!three.ok) throw new Error(three.message);
      expect(three.value.sections.find((s) => s.title === GOVERNORS_MENTORING_TITLE)!.rows).toEqual([
        { group: 'Mentoring (subject or professional mentor)', measure: 'People supported', value: '3' },
        { group: 'Mentoring (subject or professional mentor)', measure: 'Meetings held', value: '2' },
        { group: 'Coaching', measure: 'People supported', value: 'withheld (fewer than 3)' },
        { group: 'Coaching', measure: 'Meetings held', value: 'withheld (fewer than 3)' },
        { group: 'Early-career induction (induction tutor)', measure: 'People supported', value: '3' },
        { group: 'Early-career induction (induction tutor)', measure: 'Meetings held', value: '0' },
      ]);
      // The export (`twilight export governors`) carries the same rows and still no name.
      const csv = governorsReportCsv(three.value);
      expect(csv).toContain('Mentoring and coaching,Mentoring (subject or professional mentor),People supported,3');
      for (const p of Object.values(PEOPLE)) expect(csv).not.toContain(p.name);
    });
  });
});
