import { composeMentoringGap } from '../../../src/app/mentoring-meetings';
import { ManualClock, Tenant, type Staff } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { delivery, staff, tenant } from '../../support/fixtures';
import { M1, seedMentoring } from './mentoring-world';

const T = 't1';

onBothStores('mentoring-gap', (label, open, done) => {
  describe(`the CPD lead is told a supporter is missing, and the real ways to name one (${label})`, () => {
    let store: Store;
    const clock = new ManualClock('2026-09-07T07:00:00.000Z');
    const lead = staff(T, 'stf-lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] });
    const compose = async (subject: Record<string, string>) => {
      const result = await composeMentoringGap({ store, clock }, Tenant.parse(tenant(T)), lead, delivery(T, lead.id, { kind: 'mentoring-gap', subject }));
      if (typeof result === 'string') throw new Error(result);
      return result;
    };

    beforeAll(async () => {
      store = await open(clock);
      await store.tenants.put(Tenant.parse(tenant(T)));
      for (const p of [lead, staff(T, 'stf-jo', { name: 'Jo Patel', pathway: 'ect' }), staff(T, 'stf-sam', { name: 'Sam Lee' })] as Staff[]) await store.staff.put(p);
      // Jo's meetings are planned, but nobody is her subject mentor and she has no induction tutor.
      await seedMentoring(store, T, { mentorId: 'stf-sam' });
      for (const l of await store.mentoringLinks.find(T)) await store.mentoringLinks.delete(T, l.value.id);
    });
    afterAll(done);

    it("a meeting with no mentor names the staff list's column for its role and the lead's mentor command", async () => {
      const { view, text } = await compose({ mentoringMeetingId: M1, mentoringGap: 'mentor' });
      expect(text).toBe('A mentor is missing: Jo Patel');
      const said = JSON.stringify(view);
      expect(said).toContain(`Name one in the staff list's Subject Mentor column, or say \\"mentor Jo Patel subject mentor <their name or e-mail>\\", and the next reminder goes to them.`);
      expect(said).not.toMatch(/mentor columns|mentor commands/);
    });

    it('a review with no induction tutor names the Induction Tutor column and the command for it', async () => {
      const { view } = await compose({ menteeId: 'stf-jo', reviewTerm: '2026-27:1', mentoringGap: 'induction-tutor' });
      expect(JSON.stringify(view)).toContain(`Name one in the staff list's Induction Tutor column, or say \\"mentor Jo Patel induction tutor <their name or e-mail>\\"`);
    });

    it('a review with no mentor names both mentor columns', async () => {
      const { view } = await compose({ menteeId: 'stf-jo', reviewTerm: '2026-27:1', mentoringGap: 'mentor' });
      expect(JSON.stringify(view)).toContain("Name one in the staff list's Subject Mentor or Professional Mentor column");
    });
  });
});
