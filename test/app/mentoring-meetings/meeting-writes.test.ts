import { handleCardAction } from '../../../src/app/card-actions';
import type { Actor } from '../../../src/app/people';
import { ManualClock, Tenant, deliveryId, progressReviewId, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';
import { loadInductionDigest } from '../../../src/app/digests/load-induction-digest';
import { FOCUS_1, M1, REVIEW_T1, seedMentoring } from './mentoring-world';

const T = 't1';
type Json = Record<string, unknown>;
const text = (view: unknown) => JSON.stringify(view);

onBothStores('mentoring-writes', (label, open, done) => {
  describe(`mentoring writes: bad input, racing presses, who may (${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    let people: Record<string, Staff>;
    const actor = (id: string): Actor => ({ tenant: Tenant.parse(tenant(T)), staff: people[id]! });
    const press = (who: string, verb: string, ids: Json, inputs: Json = {}) => handleCardAction({ store, clock }, actor(who), { verb, ...ids }, inputs);

    beforeEach(async () => {
      clock = new ManualClock('2026-09-08T14:00:00.000Z');
      store = await open(clock);
      await store.tenants.put(Tenant.parse(tenant(T)));
      people = {
        'stf-jo': staff(T, 'stf-jo', { name: 'Jo Patel', pathway: 'ect', lineManagerId: 'stf-morgan' }),
        'stf-sam': staff(T, 'stf-sam', { name: 'Sam Lee' }),
        'stf-tutor': staff(T, 'stf-tutor', { name: 'Tia Tutor' }),
        'stf-morgan': staff(T, 'stf-morgan', { name: 'Morgan Reid', roles: ['staff', 'line-manager'] }),
        'stf-lead': staff(T, 'stf-lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
      };
      for (const p of Object.values(people)) await store.staff.put(p);
      await seedMentoring(store, T, { mentorId: 'stf-sam', tutorId: 'stf-tutor' });
    });
    afterAll(done);

    const record = { heldOn: '2026-09-08', focus: FOCUS_1, wentWell: 'Good start.', action1: 'Observe Year 8', action1Due: '2026-09-18', minutes: '45' };

    it.each([
      ['a day to come', { heldOn: '2026-09-09' }, 'heldOn', 'That day has not come yet'],
      ['no focus', { focus: '  ' }, 'focus', 'Say what it was about.'],
      ['an action with no date', { action1Due: '' }, 'action1Due', 'Give the day it is due by.'],
      ['a date with no action', { action1: '' }, 'action1', 'Say what the action is, or clear its date.'],
      ['an action due before the meeting', { action1Due: '2026-09-01' }, 'action1Due', 'An action cannot be due before the meeting.'],
      ['a next meeting before this one', { nextMeetingOn: '2026-09-01' }, 'nextMeetingOn', 'The next meeting comes after this one.'],
      ['too few minutes', { minutes: '3' }, 'minutes', 'from 5 to 480'],
    ])('refuses %s beside its field and writes nothing', async (_name, change, field, message) => {
      const before = await store.mentoringMeetings.get(T, M1);
      const result = await press('stf-sam', 'mentoring.record.submit', { mentoringMeetingId: M1 }, { ...record, ...change });
      expect(result.ok).toBe(false);
      const errors = (result.view as { errors?: Record<string, string> }).errors ?? {};
      expect(Object.keys(errors)).toEqual([field]);
      expect(errors[field]).toContain(message);
      expect((await store.mentoringMeetings.get(T, M1))?.version).toBe(before?.version);
    });

    it('two presses at once write one record; the other is told, and nothing is overwritten', async () => {
      const [a, b] = await Promise.all([
        press('stf-sam', 'mentoring.record.submit', { mentoringMeetingId: M1 }, record),
        press('stf-sam', 'mentoring.record.submit', { mentoringMeetingId: M1 }, { ...record, wentWell: 'Second press.' }),
      ]);
      const saved = [a, b].filter((r) => text(r.view).includes('Saved.'));
      expect(saved).toHaveLength(1);
      const other = [a, b].find((r) => !text(r.view).includes('Saved.'))!;
      expect(text(other.view)).toMatch(/same moment|Already recorded/);
      const stored = (await store.mentoringMeetings.get(T, M1))!.value;
      expect(stored.record?.wentWell).toBe(text(saved[0]!.view).includes('Second press.') ? 'Second press.' : 'Good start.');
    });

    it('only the mentee and the mentor holding the meeting see it; the line manager and the induction tutor are refused', async () => {
      await press('stf-sam', 'mentoring.record.submit', { mentoringMeetingId: M1 }, record);
      for (const who of ['stf-morgan', 'stf-tutor', 'stf-lead']) {
        for (const verb of ['mentoring.reflect.open', 'mentoring.record.open', 'mentoring.move.open']) {
          const result = await press(who, verb, { mentoringMeetingId: M1 });
          expect([who, verb, result.ok, text(result.view)]).toEqual([who, verb, false, expect.stringContaining('not yours to see')]);
          expect(text(result.view)).not.toContain('Good start.');
        }
      }
      expect(text((await press('stf-jo', 'mentoring.reflect.open', { mentoringMeetingId: M1 })).view)).toContain('Good start.');
    });

    it('a review recorded twice at once is written once, and an at-risk one tells the induction tutor once', async () => {
      clock.set('2026-12-07T10:00:00.000Z');
      const ids = { menteeId: 'stf-jo', reviewTerm: '2026-27:1' };
      const review = { outcome: 'at-risk', summary: 'Behaviour is not yet secure.' };
      const results = await Promise.all([press('stf-sam', 'review.submit', ids, review), press('stf-tutor', 'review.submit', ids, { ...review, outcome: 'on-track' })]);
      expect(results.filter((r) => text(r.view).includes('Recorded.'))).toHaveLength(1);
      const stored = (await store.progressReviews.get(T, progressReviewId('stf-jo', '2026-27', 1)))!.value;
      const alert = await store.deliveries.get(T, deliveryId('progress-review-at-risk', 'stf-tutor', stored.id));
      // Sam's at-risk review tells the tutor; the tutor's own (on track) tells nobody.
      expect(alert !== undefined).toBe(stored.outcome === 'at-risk');
      for (const who of ['stf-jo', 'stf-morgan']) expect(text((await press(who, 'review.open', ids)).view)).toContain('not yours to see');
    });

    it("a recorded review closes its term's review meeting, so the induction digest does not count it overdue", async () => {
      clock.set('2026-12-08T10:00:00.000Z');
      await press('stf-sam', 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1' }, { outcome: 'some-concerns', summary: 'Planning is improving.' });
      expect((await store.mentoringMeetings.get(T, REVIEW_T1))?.value).toMatchObject({ status: 'held', updatedAt: '2026-12-08T10:00:00.000Z' });
      expect((await store.mentoringMeetings.get(T, REVIEW_T1))?.value.record).toBeUndefined();
      // The week after: the two first-term meetings never recorded are overdue; the review meeting is held, not a third.
      clock.set('2026-12-16T10:00:00.000Z');
      const digest = await loadInductionDigest({ store, clock }, T, 'stf-tutor', clock.now());
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.ects).toEqual([expect.objectContaining({ staffId: 'stf-jo', held: 1, overdueMeetings: 2, latestReview: expect.objectContaining({ outcomeText: 'some concerns' }) })]);
      // A second press changes neither the review nor the meeting.
      const before = (await store.mentoringMeetings.get(T, REVIEW_T1))?.version;
      expect(text(await press('stf-sam', 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1' }, { outcome: 'on-track', summary: 'x' }))).toContain('Already recorded');
      expect((await store.mentoringMeetings.get(T, REVIEW_T1))?.version).toBe(before);
      // Closed by the review, it has no meeting record: Jo is not offered a reflection on it.
      expect(text((await press('stf-jo', 'mentoring.reflect.submit', { mentoringMeetingId: REVIEW_T1 }, { reflection: 'A line.' })).view)).toContain('no meeting record to reflect on');
      expect(text((await press('stf-jo', 'mentoring.reflect.open', { mentoringMeetingId: REVIEW_T1 })).view)).toContain('"state":"done"');
      expect((await store.mentoringMeetings.get(T, REVIEW_T1))?.value.reflection).toBeUndefined();
    });

    it('with no induction tutor named, an at-risk review tells the CPD lead instead', async () => {
      await store.mentoringLinks.delete(T, (await store.mentoringLinks.find(T, { where: { role: 'induction-tutor' } }))[0]!.value.id);
      clock.set('2026-12-07T10:00:00.000Z');
      const result = await press('stf-sam', 'review.submit', { menteeId: 'stf-jo', reviewTerm: '2026-27:1' }, { outcome: 'at-risk', summary: 'Not yet secure.' });
      expect(text(result.view)).toContain('No induction tutor is named, so Lena Lead, the CPD lead, has been told.');
      expect((await store.deliveries.get(T, deliveryId('progress-review-at-risk', 'stf-lead', progressReviewId('stf-jo', '2026-27', 1))))?.value.status).toBe('pending');
    });
  });
});
