import { handleCardAction } from '../../../src/app/card-actions';
import { composeMessage } from '../../../src/app/compose-message';
import type { AppDeps } from '../../../src/app/deps';
import { ManualClock, deliveryId, gapTaskId, type Staff } from '../../../src/domain';
import { onBothStores } from '../../support/both-stores';
import { gapTask, session, staff, tenant } from '../../support/fixtures';

const PLAN = { takeBack: 'Do-now quizzes', intendedImpact: 'Better recall', startingPoint: 'Unit test scores', practiceChange: 'Retrieval every lesson' };

/** Issue 26 item 6, part 2's "Share with your SLT": who is sent a shared plan, and the refusals that keep it from going astray. */
onBothStores('shared-plan', (label, open, done) => {
  describe(`a gap plan shared with the line manager and the school's senior leaders (${label})`, () => {
    let deps: AppDeps;
    const t = tenant('t1');
    const people: Record<string, Staff> = {
      ada: staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', lineManagerId: 'mo' }),
      mo: staff('t1', 'mo', { name: 'Mo Manager', schoolId: 'sch-1' }),
      sal: staff('t1', 'sal', { name: 'Sal Senior', schoolId: 'sch-1', roles: ['staff', 'senior-leader'] }),
      old: staff('t1', 'old', { name: 'Old Senior', schoolId: 'sch-1', roles: ['staff', 'senior-leader'], active: false }),
      adm: staff('t1', 'adm', { name: 'Ida Admin', schoolId: 'sch-1', roles: ['admin'] }),
      far: staff('t1', 'far', { name: 'Far Senior', schoolId: 'sch-2', roles: ['staff', 'senior-leader'] }),
      solo: staff('t1', 'solo', { name: 'Solo Teacher' }),
    };
    beforeAll(async () => {
      const clock = new ManualClock('2026-11-25T10:00:00.000Z');
      deps = { store: await open(clock), clock };
      await deps.store.tenants.put({ ...t, schools: [...t.schools, { id: 'sch-2', name: 'Other School' }] });
      for (const p of Object.values(people)) await deps.store.staff.put(p);
      await deps.store.sessions.put(session('t1', 'ses-1', { title: 'Retrieval practice' }));
      for (const who of ['ada', 'solo']) await deps.store.gapTasks.put(gapTask('t1', 'ses-1', who));
    });
    afterAll(async () => {
      await deps.store.close();
      await done();
    });

    const actor = (who: string) => ({ tenant: t, staff: people[who]! });

    it('in a trust, someone with no line manager and no school has nobody to share with: refused beside the toggle, nothing saved or sent', async () => {
      const refused = await handleCardAction(deps, actor('solo'), { verb: 'gap.plan.submit', gapTaskId: gapTaskId('ses-1', 'solo') }, { ...PLAN, shareWithLeaders: 'true' });
      expect(refused.ok).toBe(false);
      expect(refused.view.kind === 'gap-plan' && refused.view.errors?.shareWithLeaders).toMatch(/nobody to share it with/);
      expect((await deps.store.gapTasks.get('t1', gapTaskId('ses-1', 'solo')))!.value.plan).toBeUndefined();
      expect(await deps.store.deliveries.count('t1')).toBe(0);
    });

    it("shared: one message each to the line manager and the active senior leaders of the person's school (not an admin, a leaver or another school's)", async () => {
      const task = gapTaskId('ses-1', 'ada');
      expect((await handleCardAction(deps, actor('ada'), { verb: 'gap.plan.submit', gapTaskId: task }, { ...PLAN, shareWithLeaders: 'true' })).ok).toBe(true);
      const sent = (await deps.store.deliveries.find('t1', { where: { kind: 'gap-plan-shared' } })).map((d) => d.value);
      expect(sent.map((d) => d.recipientId).sort()).toEqual(['mo', 'sal']);
      expect(sent.find((d) => d.recipientId === 'sal')!.id).toBe(deliveryId('gap-plan-shared', 'sal', task));
      const toSal = await composeMessage(deps, sent.find((d) => d.recipientId === 'sal')!);
      expect(toSal.ok && toSal.message.view).toMatchObject({ kind: 'gap-plan-shared', personName: 'Ada Teacher', audience: 'senior-leader' });

      // Sal moves school before it is sent: nothing goes (checked again at sending).
      await deps.store.staff.put({ ...people.sal!, schoolId: 'sch-2' });
      expect(await composeMessage(deps, sent.find((d) => d.recipientId === 'sal')!)).toEqual({ ok: false, reason: 'no longer their line manager or a senior leader of their school' });
      // A record forged for another school's senior leader composes nothing either.
      const forged = { ...sent[0]!, id: deliveryId('gap-plan-shared', 'far', task), recipientId: 'far' };
      expect(await composeMessage(deps, forged)).toEqual({ ok: false, reason: 'no longer their line manager or a senior leader of their school' });
    });
  });
});
