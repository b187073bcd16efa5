import { composeMessage } from '../../src/app/compose-message';
import { ManualClock, MentoringMeeting, ProgressReview, Tenant, deliveryId, mentoringMeetingId, progressReviewId, type Delivery } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { staff, tenant } from '../support/fixtures';
import { AUTUMN_2026, link, meeting } from '../app/mentoring-meetings/mentoring-world';

const T = 't1';
const M1 = mentoringMeetingId('massign-ada', 'm1');
const M2 = mentoringMeetingId('massign-ada', 'm2');
const REVIEW = progressReviewId('ada', '2026-27', 1);

onBothStores('planner-mentoring', (label, open, done) => {
  describe(`mentoring rules planned with a manual clock (planner-mentoring.ts, ${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    const plan = async (at: string) => {
      clock.set(at);
      return planTenant({ store, clock }, T);
    };
    const of = async (kind: Delivery['kind']) => (await store.deliveries.find(T, { where: { kind } })).map((d) => d.value);

    beforeEach(async () => {
      clock = new ManualClock('2026-09-04T10:00:00.000Z');
      store = await open(clock);
      await store.tenants.put(Tenant.parse(tenant(T)));
      await store.calendars.put({ ...AUTUMN_2026, tenantId: T });
      for (const s of [
        staff(T, 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
        staff(T, 'manager', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
        staff(T, 'ada', { name: 'Ada Teacher', lineManagerId: 'manager', pathway: 'ect' }),
        staff(T, 'ben', { name: 'Ben Mentor' }),
      ])
        await store.staff.put(s);
      await store.mentoringMeetings.create(meeting(T, M1, { menteeId: 'ada', assignmentId: 'massign-ada', weekStart: '2026-09-07', focus: 'Settling in', itemKey: 'm1' }));
    });
    afterAll(done);

    it('reminds the mentee and the mentor on the Monday of the week at 08:00, once however often it plans; the line manager never', async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      await plan('2026-09-07T06:30:00.000Z');
      expect(await of('mentoring-reminder')).toEqual([]);
      await plan('2026-09-07T07:00:00.000Z');
      const reminders = await of('mentoring-reminder');
      expect(reminders.map((d) => d.recipientId).sort()).toEqual(['ada', 'ben']);
      expect(reminders.map((d) => d.id).sort()).toEqual([deliveryId('mentoring-reminder', 'ada', M1, '2026-09-07'), deliveryId('mentoring-reminder', 'ben', M1, '2026-09-07')].sort());
      expect(reminders.every((d) => d.dueAt === '2026-09-07T07:00:00.000Z' && d.expiresAt === '2026-09-13T23:00:00.000Z')).toBe(true);
      expect((await plan('2026-09-07T09:00:00.000Z')).created).toBe(0);
      expect(await of('mentoring-gap')).toEqual([]);
      const composed = await composeMessage({ store, clock }, reminders.find((d) => d.recipientId === 'ada')!);
      expect(composed.ok && composed.message.text).toBe('This week: Meeting with your subject mentor, Ben Mentor. Focus: Settling in');
    });

    it('a week whose Monday is a holiday is reminded on its first school day, at the end of quiet hours', async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      await store.calendars.put({ ...AUTUMN_2026, tenantId: T, holidays: [...AUTUMN_2026.holidays, { start: '2026-09-07', end: '2026-09-07', name: 'Bank holiday' }] });
      await plan('2026-09-07T07:00:00.000Z');
      const reminders = await of('mentoring-reminder');
      expect(reminders.map((d) => [d.recipientId, d.dueAt]).sort()).toEqual([['ada', '2026-09-08T06:30:00.000Z'], ['ben', '2026-09-08T06:30:00.000Z']]);
    });

    it('holds the reminder while the mentee is away, and sends it in the same week once they are back', async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      await store.staff.put(staff(T, 'ada', { name: 'Ada Teacher', pathway: 'ect', awayFrom: '2026-09-01', awayUntil: '2026-09-09' }));
      await plan('2026-09-07T07:00:00.000Z');
      expect((await of('mentoring-reminder')).map((d) => d.recipientId)).toEqual(['ben']);
      await plan('2026-09-09T07:00:00.000Z');
      expect((await of('mentoring-reminder')).map((d) => d.recipientId).sort()).toEqual(['ada', 'ben']);
    });

    it('a meeting with no mentor named still reminds the mentee and tells the CPD lead (no silent skip), until one is named', async () => {
      await plan('2026-09-07T07:00:00.000Z');
      expect((await of('mentoring-reminder')).map((d) => d.recipientId)).toEqual(['ada']);
      const [gap] = await of('mentoring-gap');
      expect(gap).toMatchObject({ recipientId: 'lead', subject: { mentoringMeetingId: M1, mentoringGap: 'mentor' } });
      const told = await composeMessage({ store, clock }, gap!);
      expect(told.ok && JSON.stringify(told.message.view)).toContain('no subject mentor is named');
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      expect(await composeMessage({ store, clock }, gap!)).toEqual({ ok: false, reason: 'a mentor is named now' });
    });

    it('a moved or recorded meeting cancels the pending reminders of its old week; moving keeps every move', async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      await store.mentoringMeetings.create(meeting(T, M2, { menteeId: 'ada', assignmentId: 'massign-ada', weekStart: '2026-09-07', focus: 'Behaviour', itemKey: 'm2' }));
      await plan('2026-09-07T07:00:00.000Z');
      const m1 = (await store.mentoringMeetings.get(T, M1))!;
      await store.mentoringMeetings.put(MentoringMeeting.parse({ ...m1.value, weekStart: '2026-09-14', moves: [{ fromWeekStart: '2026-09-07', toWeekStart: '2026-09-14', reason: 'Trip', movedBy: 'ben', movedAt: '2026-09-07T07:01:00.000Z' }] }));
      const m2 = (await store.mentoringMeetings.get(T, M2))!;
      await store.mentoringMeetings.put(MentoringMeeting.parse({ ...m2.value, status: 'held', record: { heldOn: '2026-09-07', focus: 'Behaviour', recordedBy: 'ben', recordedAt: '2026-09-07T07:01:00.000Z' } }));
      await plan('2026-09-07T07:02:00.000Z');
      const reasons = (await of('mentoring-reminder')).map((d) => `${d.subject.mentoringMeetingId === M1 ? 'm1' : 'm2'}:${d.status}:${d.lastError ?? ''}`).sort();
      expect(reasons).toEqual(['m1:cancelled:meeting moved', 'm1:cancelled:meeting moved', 'm2:cancelled:meeting recorded', 'm2:cancelled:meeting recorded']);
      await plan('2026-09-14T07:00:00.000Z');
      expect((await of('mentoring-reminder')).filter((d) => d.status === 'pending').map((d) => d.id).sort()).toEqual([deliveryId('mentoring-reminder', 'ada', M1, '2026-09-14'), deliveryId('mentoring-reminder', 'ben', M1, '2026-09-14')].sort());
      expect((await of('mentoring-record')).map((d) => d.recipientId)).toEqual(['ada']);
    });

    it("nudges an agreed action on its due day, then a week later if not done; done, the pending nudge is cancelled", async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'subject-mentor'));
      const m1 = (await store.mentoringMeetings.get(T, M1))!;
      const record = { heldOn: '2026-09-08', focus: 'Settling in', recordedBy: 'ben', recordedAt: '2026-09-08T14:00:00.000Z', actions: [{ id: 'a1', text: 'Observe Year 8', dueOn: '2026-09-18' }] };
      await store.mentoringMeetings.put(MentoringMeeting.parse({ ...m1.value, status: 'held', record }));
      await plan('2026-09-18T06:59:00.000Z');
      expect(await of('mentoring-action-nudge')).toEqual([]);
      await plan('2026-09-18T07:00:00.000Z');
      expect((await of('mentoring-action-nudge')).map((d) => d.id)).toEqual([deliveryId('mentoring-action-nudge', 'ada', `${M1}:a1`, 'due')]);
      await plan('2026-09-25T07:00:00.000Z');
      const overdue = (await of('mentoring-action-nudge')).find((d) => d.id === deliveryId('mentoring-action-nudge', 'ada', `${M1}:a1`, 'overdue'))!;
      expect(overdue.status).toBe('pending');
      const composed = await composeMessage({ store, clock }, overdue);
      expect(composed.ok && composed.message.text).toBe('Overdue: Observe Year 8');
      const now = (await store.mentoringMeetings.get(T, M1))!;
      await store.mentoringMeetings.put(MentoringMeeting.parse({ ...now.value, record: { ...now.value.record!, actions: [{ ...now.value.record!.actions[0]!, doneAt: '2026-09-25T07:01:00.000Z' }] } }));
      await plan('2026-09-25T07:02:00.000Z');
      expect((await store.deliveries.get(T, overdue.id))?.value).toMatchObject({ status: 'cancelled', lastError: 'action done' });
      await plan('2026-10-02T07:00:00.000Z');
      expect(await of('mentoring-action-nudge')).toHaveLength(2);
    });

    it("an early-career teacher's review with no review meeting is prompted in the term's last weeks; no induction tutor is said to the lead; recorded, the prompt is cancelled", async () => {
      await store.mentoringLinks.create(link(T, 'ada', 'ben', 'professional-mentor'));
      // The autumn term ends Friday 18 December: the prompt comes on Monday 30 November.
      await plan('2026-11-30T07:59:00.000Z');
      expect(await of('progress-review-prompt')).toEqual([]);
      await plan('2026-11-30T08:00:00.000Z');
      const prompts = await of('progress-review-prompt');
      expect(prompts.map((d) => [d.recipientId, d.subject.reviewTerm])).toEqual([['ben', '2026-27:1']]);
      const gaps = await of('mentoring-gap');
      expect(gaps.map((d) => [d.recipientId, d.subject.mentoringGap])).toEqual([['lead', 'induction-tutor']]);
      const told = await composeMessage({ store, clock }, gaps[0]!);
      expect(told.ok && JSON.stringify(told.message.view)).toContain('no induction tutor named');
      const prompt = await composeMessage({ store, clock }, prompts[0]!);
      expect(prompt.ok && prompt.message.text).toBe('Progress review due: Ada Teacher (Autumn term 2026-27)');
      await store.progressReviews.create(ProgressReview.parse({ tenantId: T, id: REVIEW, menteeId: 'ada', year: '2026-27', term: 1, outcome: 'on-track', summary: 'Good start.', recordedBy: 'ben', recordedAt: '2026-11-30T08:01:00.000Z' }));
      await plan('2026-11-30T08:02:00.000Z');
      expect((await store.deliveries.get(T, prompts[0]!.id))?.value).toMatchObject({ status: 'cancelled', lastError: 'review recorded' });
      expect(await composeMessage({ store, clock }, gaps[0]!)).toEqual({ ok: false, reason: 'review already recorded' });
    });
  });
});
