import { handleCardAction } from '../../../src/app/card-actions';
import { ManualClock, Tenant, deliveryId, progressReviewId, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';
import { seedMentoring } from './mentoring-world';

const T = 't1';
const REVIEW = progressReviewId('stf-jo', '2026-27', 1);

onBothStores('at-risk-school-lead', (label, open, done) => {
  describe(`an at-risk review with no induction tutor reaches the school's own CPD lead (${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    const trust = Tenant.parse({ ...tenant(T), settings: { ...tenant(T).settings, cpdRequests: { ...tenant(T).settings.cpdRequests, cpdLeadBySchool: { 'sch-1': 'stf-hana' } } } });
    const sam = staff(T, 'stf-sam', { name: 'Sam Lee', schoolId: 'sch-1' });

    beforeEach(async () => {
      clock = new ManualClock('2026-12-07T10:00:00.000Z');
      store = await open(clock);
      await store.tenants.put(trust);
      for (const p of [
        staff(T, 'stf-jo', { name: 'Jo Patel', pathway: 'ect', schoolId: 'sch-1' }),
        sam,
        staff(T, 'stf-hana', { name: 'Hana Head', schoolId: 'sch-1' }),
        staff(T, 'stf-lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
      ] as Staff[])
        await store.staff.put(p);
      await seedMentoring(store, T, { mentorId: 'stf-sam' });
    });
    afterAll(done);

    it("tells Hana, Huntingdon's own lead (no trust role), not the trust's lead as well, and says so to the mentor", async () => {
      const result = await handleCardAction({ store, clock }, { tenant: trust, staff: sam }, { verb: 'review.submit', menteeId: 'stf-jo', reviewTerm: '2026-27:1' }, { outcome: 'at-risk', summary: 'Not yet secure.' });
      expect(JSON.stringify(result.view)).toContain("No induction tutor is named, so Hana Head, Huntingdon Academy's CPD lead, has been told.");
      const alerts = (await store.deliveries.find(T, { where: { kind: 'progress-review-at-risk' } })).map((d) => d.value);
      expect(alerts.map((d) => d.id)).toEqual([deliveryId('progress-review-at-risk', 'stf-hana', REVIEW)]);
    });

    it('a named school lead who has left is passed over for the trust lead', async () => {
      await store.staff.put(staff(T, 'stf-hana', { name: 'Hana Head', schoolId: 'sch-1', active: false }));
      const result = await handleCardAction({ store, clock }, { tenant: trust, staff: sam }, { verb: 'review.submit', menteeId: 'stf-jo', reviewTerm: '2026-27:1' }, { outcome: 'at-risk', summary: 'Not yet secure.' });
      expect(JSON.stringify(result.view)).toContain('No induction tutor is named, so Lena Lead, the CPD lead, has been told.');
    });
  });
});
