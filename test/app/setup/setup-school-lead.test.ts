import { setupChecklist } from '../../../src/app/setup';
import { ManualClock, Tenant } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';

const T = 't1';

onBothStores('setup-school-lead', (label, open, done) => {
  describe(`setup counts a school's own CPD lead, and says how to name one where there is none (${label})`, () => {
    let store: Store;
    const clock = new ManualClock('2026-11-20T09:00:00.000Z');
    beforeAll(async () => {
      store = await open(clock);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it("Huntingdon's own lead (no trust role) counts; Elm, with no lead of its own and no trust lead based there or trust-wide, is listed with both ways to name one", async () => {
      const trust = tenant(T);
      const t = Tenant.parse({
        ...trust,
        schools: [...trust.schools, { id: 'sch-2', name: 'Elm Academy' }, { id: 'sch-3', name: 'Oak Primary' }],
        settings: { ...trust.settings, cpdRequests: { ...trust.settings.cpdRequests, cpdLeadBySchool: { 'sch-1': 'sam', 'sch-2': 'gone' } } },
      });
      await store.tenants.put(t);
      const lena = staff(T, 'lena', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'], schoolId: 'sch-3' });
      for (const p of [lena, staff(T, 'sam', { name: 'Sam School', schoolId: 'sch-1' }), staff(T, 'gone', { name: 'Gone Lead', schoolId: 'sch-2', active: false })]) await store.staff.put(p);
      const view = await setupChecklist({ store, clock }, { tenant: t, staff: lena });
      const item = (start: string) => view.items.find((i) => i.text.startsWith(start) && /CPD lead/.test(i.text));
      expect(item('Huntingdon Academy')).toEqual({ text: 'Huntingdon Academy: CPD lead Sam School', done: true });
      expect(item('Oak Primary')).toEqual({ text: 'Oak Primary: CPD lead Lena Lead', done: true });
      expect(item('Elm Academy')).toEqual({
        text: 'Elm Academy has no CPD lead',
        done: false,
        action: `Send me the staff list with a Role column saying "CPD lead" for them, or name the school's own lead in "settings schools".`,
      });
    });
  });
});
