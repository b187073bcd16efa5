import { composeMessage } from '../../src/app/compose-message';
import { ManualClock, ProgressReview, Tenant, mentoringMeetingId, progressReviewId, type Delivery } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { staff, tenant } from '../support/fixtures';
import { AUTUMN_2026, link, meeting } from '../app/mentoring-meetings/mentoring-world';

const T = 't1';
const ADA_M1 = mentoringMeetingId('massign-ada', 'm1');
const KIM_M1 = mentoringMeetingId('massign-kim', 'm1');

/**
 * A school's own CPD lead (`school-cpd-lead.<school>`, no trust role) hears of their own school's
 * early-career teachers with no mentor and of their at-risk reviews; never of another school's.
 */
onBothStores('planner-mentoring-school-lead', (label, open, done) => {
  describe(`mentoring notices to a school's own CPD lead, planned with a manual clock (${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    const plan = async (at: string) => {
      clock.set(at);
      return planTenant({ store, clock }, T);
    };
    const of = async (kind: Delivery['kind']) => (await store.deliveries.find(T, { where: { kind } })).map((d) => d.value);
    const says = async (d: Delivery) => {
      const composed = await composeMessage({ store, clock }, d);
      if (!composed.ok) throw new Error(composed.reason);
      return JSON.stringify(composed.message.view);
    };
    /** Huntingdon (sch-1) names Sam, who has no trust role; Elm (sch-2) names nobody; Lena is the trust's lead when `trustLead`. */
    const seed = async (opts: { trustLead: boolean; samIsTrustLead?: boolean }) => {
      const trust = tenant(T);
      await store.tenants.put(
        Tenant.parse({ ...trust, schools: [...trust.schools, { id: 'sch-2', name: 'Elm Academy' }], settings: { ...trust.settings, cpdRequests: { ...trust.settings.cpdRequests, cpdLeadBySchool: { 'sch-1': 'sam' } } } }),
      );
      for (const s of [
        ...(opts.trustLead ? [staff(T, 'lena', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] })] : []),
        staff(T, 'sam', { name: 'Sam School', schoolId: 'sch-1', roles: opts.samIsTrustLead ? ['staff', 'cpd-lead'] : ['staff'] }),
        staff(T, 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', pathway: 'ect' }),
        staff(T, 'kim', { name: 'Kim Elm', schoolId: 'sch-2', pathway: 'ect' }),
        staff(T, 'ben', { name: 'Ben Mentor', schoolId: 'sch-1' }),
      ])
        await store.staff.put(s);
      await store.mentoringMeetings.create(meeting(T, ADA_M1, { menteeId: 'ada', assignmentId: 'massign-ada', weekStart: '2026-09-07', focus: 'Settling in', itemKey: 'm1' }));
      await store.mentoringMeetings.create(meeting(T, KIM_M1, { menteeId: 'kim', assignmentId: 'massign-kim', weekStart: '2026-09-07', focus: 'Settling in', itemKey: 'm1' }));
    };

    beforeEach(async () => {
      clock = new ManualClock('2026-09-04T10:00:00.000Z');
      store = await open(clock);
      await store.calendars.put({ ...AUTUMN_2026, tenantId: T });
    });
    afterAll(done);

    it("a meeting with no mentor: Huntingdon's own lead (no role) and the trust's lead, who can name one, are each told once; Elm's teacher only to the trust's lead", async () => {
      await seed({ trustLead: true });
      await plan('2026-09-07T07:00:00.000Z');
      expect((await plan('2026-09-07T08:00:00.000Z')).created).toBe(0);
      const gaps = await of('mentoring-gap');
      const about = (id: string) => gaps.filter((d) => d.subject.mentoringMeetingId === id).map((d) => d.recipientId).sort();
      expect(about(ADA_M1)).toEqual(['lena', 'sam']);
      expect(about(KIM_M1)).toEqual(['lena']);
      const toSam = await says(gaps.find((d) => d.recipientId === 'sam')!);
      expect(toSam).toContain('Ada Teacher has a mentoring meeting in the week of monday 7 september (Settling in), but no subject mentor is named, so only they were reminded. A trust CPD lead names one; Lena Lead has been told too.');
      const toLena = await says(gaps.find((d) => d.recipientId === 'lena' && d.subject.mentoringMeetingId === ADA_M1)!);
      expect(toLena).toContain(`or say \\"mentor Ada Teacher subject mentor <their name or e-mail>\\", and the next reminder goes to them.`);
      // Kim's gap addressed to Sam (as if planned) sends nothing: a school's lead hears only of their own school.
      const kimGap = gaps.find((d) => d.subject.mentoringMeetingId === KIM_M1)!;
      expect(await composeMessage({ store, clock }, { ...kimGap, recipientId: 'sam' })).toEqual({ ok: false, reason: 'no longer a CPD lead of theirs' });
    });

    it('a school lead with the trust role is told alone (they can name one), never twice', async () => {
      await seed({ trustLead: true, samIsTrustLead: true });
      await plan('2026-09-07T07:00:00.000Z');
      const gaps = await of('mentoring-gap');
      expect(gaps.filter((d) => d.subject.mentoringMeetingId === ADA_M1).map((d) => d.recipientId)).toEqual(['sam']);
    });

    it("with no trust lead at all, Huntingdon's own lead is told, and told that naming one needs a trust CPD lead", async () => {
      await seed({ trustLead: false });
      await plan('2026-09-07T07:00:00.000Z');
      const gaps = await of('mentoring-gap');
      expect(gaps.map((d) => [d.recipientId, d.subject.mentoringMeetingId])).toEqual([['sam', ADA_M1]]);
      expect(await says(gaps[0]!)).toContain('Naming one needs a trust CPD lead, and there is none: ask whoever set Twilight up to name one (\\"twilight lead add <e-mail>\\").');
    });

    it("a review with no mentor or induction tutor tells Huntingdon's own lead and the trust's lead of Ada, each once per gap", async () => {
      await seed({ trustLead: true });
      await plan('2026-11-30T08:00:00.000Z');
      const gaps = (await of('mentoring-gap')).filter((d) => d.subject.menteeId === 'ada');
      expect(gaps.map((d) => `${d.recipientId}:${d.subject.mentoringGap}`).sort()).toEqual(['lena:induction-tutor', 'lena:mentor', 'sam:induction-tutor', 'sam:mentor']);
      expect(await says(gaps.find((d) => d.recipientId === 'sam' && d.subject.mentoringGap === 'induction-tutor')!)).toContain('no induction tutor named, so the review cannot reach them. A trust CPD lead names one; Lena Lead has been told too.');
      expect((await of('mentoring-gap')).filter((d) => d.subject.menteeId === 'kim' && d.recipientId === 'sam')).toEqual([]);
    });

    it("an at-risk review with no induction tutor goes to the mentee's school's own lead (not the trust's as well); Elm's to the trust's lead", async () => {
      await seed({ trustLead: true });
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      await store.mentoringLinks.create(link(T, 'kim', 'ben', 'subject-mentor'));
      for (const menteeId of ['ada', 'kim']) {
        await store.progressReviews.create(ProgressReview.parse({ tenantId: T, id: progressReviewId(menteeId, '2026-27', 1), menteeId, year: '2026-27', term: 1, outcome: 'at-risk', summary: 'Behaviour management is a real worry.', recordedBy: 'ben', recordedAt: '2026-12-01T15:00:00.000Z' }));
      }
      await plan('2026-12-01T15:05:00.000Z');
      const alerts = await of('progress-review-at-risk');
      expect(alerts.map((d) => `${d.recipientId}:${d.subject.menteeId}`).sort()).toEqual(['lena:kim', 'sam:ada']);
      expect(await says(alerts.find((d) => d.recipientId === 'sam')!)).toContain('"stage":"at-risk","menteeName":"Ada Teacher"');
      const kimAlert = alerts.find((d) => d.recipientId === 'lena')!;
      expect(await composeMessage({ store, clock }, { ...kimAlert, recipientId: 'sam' })).toEqual({ ok: false, reason: 'not their induction tutor or a CPD lead' });
    });
  });
});
