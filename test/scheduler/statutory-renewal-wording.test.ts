import { composeMessage } from '../../src/app/compose-message';
import { ManualClock, Tenant, statutoryTrainingId, type Staff } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { staff, tenant } from '../support/fixtures';

const T = 't1';

/** The person's renewal reminder says a CPD lead was told only when the planner planned one (planStatutoryRenewals). */
onBothStores('statutory-renewal-wording', (label, open, done) => {
  describe(`the renewal reminder tells the person who else was told (${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    const seed = async (people: Staff[], cpdLeadBySchool: Record<string, string> = {}) => {
      const trust = tenant(T);
      await store.tenants.put(Tenant.parse({ ...trust, settings: { ...trust.settings, cpdRequests: { ...trust.settings.cpdRequests, cpdLeadBySchool } } }));
      for (const p of [staff(T, 'ada', { name: 'Ada Teacher', schoolId: 'sch-1' }), ...people]) await store.staff.put(p);
      await store.statutoryTraining.put({ tenantId: T, id: statutoryTrainingId('ada', 'safeguarding'), staffId: 'ada', topic: 'Safeguarding', completedOn: '2024-01-15', expiresOn: '2027-01-15', recordedAt: '2024-01-15T16:00:00.000Z' });
      // Friday 18 December 2026, 08:30: four weeks before Ada's safeguarding lapses.
      await planTenant({ store, clock }, T);
    };
    const toAda = async () => {
      const planned = (await store.deliveries.find(T, { where: { kind: 'statutory-renewal' } })).map((d) => d.value);
      const composed = await composeMessage({ store, clock }, planned.find((d) => d.recipientId === 'ada')!);
      return { recipients: planned.map((d) => d.recipientId).sort(), text: composed.ok ? composed.message.text : composed.reason };
    };

    beforeEach(async () => {
      clock = new ManualClock('2026-12-18T08:30:00.000Z');
      store = await open(clock);
    });
    afterAll(done);

    it('with a trust CPD lead planned too: "your CPD lead has been told too"', async () => {
      await seed([staff(T, 'lena', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] })]);
      expect(await toAda()).toEqual({ recipients: ['ada', 'lena'], text: 'Your Safeguarding training lapses on Friday 15 January 2027. Please book a renewal; your CPD lead has been told too.' });
    });

    it("with only the school's own lead (no trust role): told too", async () => {
      await seed([staff(T, 'sam', { name: 'Sam School', schoolId: 'sch-1' })], { 'sch-1': 'sam' });
      expect(await toAda()).toEqual({ recipients: ['ada', 'sam'], text: 'Your Safeguarding training lapses on Friday 15 January 2027. Please book a renewal; your CPD lead has been told too.' });
    });

    it('with no trust lead and no school lead (one named who has left): nobody else is told, and the message says so', async () => {
      await seed([staff(T, 'sam', { name: 'Sam School', schoolId: 'sch-1', active: false }), staff(T, 'old', { name: 'Old Lead', roles: ['staff', 'cpd-lead'], active: false })], { 'sch-1': 'sam' });
      expect(await toAda()).toEqual({ recipients: ['ada'], text: 'Your Safeguarding training lapses on Friday 15 January 2027. Please book a renewal: no CPD lead is named for your school, so nobody else has been told.' });
    });
  });
});
