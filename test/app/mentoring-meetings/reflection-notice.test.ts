import { handleCardAction } from '../../../src/app/card-actions';
import { composeMessage } from '../../../src/app/compose-message';
import type { Actor } from '../../../src/app/people';
import { ManualClock, MentoringLink, MentoringMeeting, Tenant, deliveryId, type Staff } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { staff, tenant } from '../../support/fixtures';
import { FOCUS_1, M1, link, seedMentoring } from './mentoring-world';

const T = 't1';
const NOTICE = deliveryId('mentoring-reflection', 'stf-sam', M1);

onBothStores('reflection-notice', (label, open, done) => {
  describe(`the mentor is told once when the mentee reflects (${label})`, () => {
    let store: Store;
    let clock: ManualClock;
    let people: Record<string, Staff>;
    const actor = (id: string): Actor => ({ tenant: Tenant.parse(tenant(T)), staff: people[id]! });
    const reflect = (text: string) => handleCardAction({ store, clock }, actor('stf-jo'), { verb: 'mentoring.reflect.submit', mentoringMeetingId: M1 }, { reflection: text });
    const notices = async () => (await store.deliveries.find(T, { where: { kind: 'mentoring-reflection' } })).map((d) => d.value);

    beforeEach(async () => {
      clock = new ManualClock('2026-09-08T14:00:00.000Z');
      store = await open(clock);
      await store.tenants.put(Tenant.parse(tenant(T)));
      people = {
        'stf-jo': staff(T, 'stf-jo', { name: 'Jo Patel', pathway: 'ect' }),
        'stf-sam': staff(T, 'stf-sam', { name: 'Sam Lee' }),
        'stf-ria': staff(T, 'stf-ria', { name: 'Ria New' }),
      };
      for (const p of Object.values(people)) await store.staff.put(p);
      await seedMentoring(store, T, { mentorId: 'stf-sam' });
      const m1 = (await store.mentoringMeetings.get(T, M1))!.value;
      await store.mentoringMeetings.put(MentoringMeeting.parse({ ...m1, status: 'held', record: { heldOn: '2026-09-08', focus: FOCUS_1, recordedBy: 'stf-sam', recordedAt: '2026-09-08T13:00:00.000Z' } }));
    });
    afterAll(done);

    it('written with the reflection, to Sam; it names the meeting, never quotes the reflection; saving again writes nothing more', async () => {
      const saved = await reflect('Seating plans first.');
      expect(JSON.stringify(saved.view)).toContain('Saved. Your mentor can read it with the record: Sam Lee has been told you added it.');
      const [notice] = await notices();
      expect(notice).toMatchObject({ id: NOTICE, recipientId: 'stf-sam', status: 'pending', dueAt: '2026-09-08T14:00:00.000Z', expiresAt: '2026-09-22T14:00:00.000Z' });
      const composed = await composeMessage({ store, clock }, notice!);
      if (!composed.ok) throw new Error(composed.reason);
      expect(composed.message.text).toBe(`Jo Patel added a reflection to your meeting of Tuesday 8 September (${FOCUS_1.replace(/\.$/, '')}).`);
      expect(JSON.stringify(composed.message.view)).not.toContain('Seating plans');
      expect(JSON.stringify((await reflect('Another go.')).view)).toContain('Already saved');
      expect(await notices()).toHaveLength(1);
      expect((await planTenant({ store, clock }, T)).created).toBe(0);
    });

    it('lost with the write, the planner writes the same one (same id), once', async () => {
      await reflect('Seating plans first.');
      await store.deliveries.delete(T, NOTICE);
      await planTenant({ store, clock }, T);
      expect((await notices()).map((d) => d.id)).toEqual([NOTICE]);
      expect((await planTenant({ store, clock }, T)).created).toBe(0);
      // Two weeks on it is no longer news: nothing is planned again.
      await store.deliveries.delete(T, NOTICE);
      clock.set('2026-09-22T14:00:00.000Z');
      await planTenant({ store, clock }, T);
      expect(await notices()).toEqual([]);
    });

    it('sent while Sam is away (a notice, as the record is, not a reminder)', async () => {
      await store.staff.put({ ...people['stf-sam']!, awayFrom: '2026-09-07', awayUntil: '2026-09-21' });
      await reflect('Seating plans first.');
      const composed = await composeMessage({ store, clock }, (await notices())[0]!);
      expect(composed.ok).toBe(true);
    });

    it('nobody is told when the mentor who held it no longer does (a new subject mentor since); Jo is not told they were', async () => {
      const old = (await store.mentoringLinks.find(T, { where: { menteeId: 'stf-jo' } }))[0]!.value;
      await store.mentoringLinks.put(MentoringLink.parse({ ...old, endOn: '2026-09-08' }));
      await store.mentoringLinks.create(link(T, 'stf-jo', 'stf-ria', 'subject-mentor', '2026-09-08'));
      const saved = await reflect('Seating plans first.');
      expect(JSON.stringify(saved.view)).toContain('Saved. Your mentor can read it with the record.');
      expect(JSON.stringify(saved.view)).not.toContain('has been told');
      await planTenant({ store, clock }, T);
      expect(await notices()).toEqual([]);
    });
  });
});
