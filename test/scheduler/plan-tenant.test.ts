import { ManualClock, participationId, receiptId } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { reactionQuestionnaireId } from '../../src/scheduler/plan/planner-questionnaires';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';
import { session, staff, tenant } from '../support/fixtures';

const T = 't1';

/** Deliveries are not indexed by subject (the planner reads a tenant's pending ones whole), so filter what is read. */
async function pendingAbout(store: Store, sessionId: string): Promise<number> {
  return (await store.deliveries.find(T, { where: { status: 'pending' } })).filter((d) => d.value.subject.sessionId === sessionId).length;
}

async function seeded(clock: ManualClock): Promise<Store> {
  const store = openEmbeddedStore({ path: ':memory:', clock });
  await store.tenants.create(tenant(T));
  for (const id of ['s1', 's2', 's3']) await store.staff.create(staff(T, id));
  await store.sessions.create(
    session(T, 'ses-1', { publishedAt: '2026-11-16T09:00:00.000Z', gapTask: { intent: 'Retrieval', task: 'Three quizzes' } }),
  );
  for (const id of ['s1', 's2']) {
    await store.participations.create({ tenantId: T, id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes' });
  }
  return store;
}

describe('planTenant (embedded store)', () => {
  it('writes the plan once: planning twice creates nothing twice', async () => {
    const clock = new ManualClock('2026-11-16T09:01:00.000Z');
    const store = await seeded(clock);
    const first = await planTenant({ store, clock }, T);
    expect(first.created).toBe(3);
    const second = await planTenant({ store, clock }, T);
    expect(second).toEqual({ created: 0, cancelled: 0, questionnaires: 0, gapTasks: 0 });
    expect(await store.deliveries.count(T)).toBe(3);
    await store.close();
  });

  it('creates the questionnaire and gap tasks before the deliveries pointing at them', async () => {
    const clock = new ManualClock('2026-11-24T17:30:00.000Z');
    const store = await seeded(clock);
    const summary = await planTenant({ store, clock }, T);
    expect(summary.questionnaires).toBe(1);
    expect(summary.gapTasks).toBe(2);
    const qid = reactionQuestionnaireId('ses-1');
    expect((await store.questionnaires.get(T, qid))?.value.closesAt).toBe('2026-12-01T17:30:00.000Z');
    const kinds = (await store.deliveries.find(T, { where: { kind: { in: ['questionnaire', 'gap-plan-request'] } } })).map(
      (d) => `${d.value.kind}:${d.value.recipientId}`,
    );
    expect(kinds.sort()).toEqual(['gap-plan-request:s1', 'gap-plan-request:s2', 'questionnaire:s1', 'questionnaire:s2']);
    await store.close();
  });

  it('writes each collection with one createMany, questionnaires and gap tasks landed before the deliveries start', async () => {
    const clock = new ManualClock('2026-11-24T17:30:00.000Z');
    const store = await seeded(clock);
    const events: string[] = [];
    const watched = <K extends 'questionnaires' | 'gapTasks' | 'impactFollowUps' | 'deliveries'>(name: K): Store[K] => {
      const inner = store[name];
      return {
        ...inner,
        create: () => Promise.reject(new Error(`${name}: one create at a time`)),
        createMany: async (docs: never[], options?: { ttlSeconds?: number }) => {
          events.push(`start ${name} ${docs.length}`);
          const results = await inner.createMany(docs, options);
          events.push(`end ${name}`);
          return results;
        },
      } as unknown as Store[K];
    };
    const deps = { store: { ...store, questionnaires: watched('questionnaires'), gapTasks: watched('gapTasks'), impactFollowUps: watched('impactFollowUps'), deliveries: watched('deliveries') }, clock };
    const summary = await planTenant(deps, T);
    expect(summary).toMatchObject({ questionnaires: 1, gapTasks: 2 });
    expect(events).toEqual([
      'start questionnaires 1',
      'end questionnaires',
      'start gapTasks 2',
      'end gapTasks',
      'start impactFollowUps 0',
      'end impactFollowUps',
      `start deliveries ${summary.created}`,
      'end deliveries',
    ]);
    await store.close();
  });

  it('cancels pending deliveries about a cancelled session, and for someone who has answered', async () => {
    const clock = new ManualClock('2026-11-24T17:30:00.000Z');
    const store = await seeded(clock);
    await planTenant({ store, clock }, T);
    const qid = reactionQuestionnaireId('ses-1');
    await store.receipts.create({ tenantId: T, id: receiptId(qid, 's1'), questionnaireId: qid, staffId: 's1' });
    clock.set('2026-11-24T17:31:00.000Z');
    expect((await planTenant({ store, clock }, T)).cancelled).toBe(1);
    const cancelled = await store.deliveries.find(T, { where: { status: 'cancelled' } });
    expect(cancelled.map((d) => [d.value.kind, d.value.recipientId])).toEqual([['questionnaire', 's1']]);

    const before = session(T, 'ses-2', { startsAt: '2026-11-26T16:00:00.000Z', endsAt: '2026-11-26T17:00:00.000Z', publishedAt: '2026-11-24T17:31:00.000Z' });
    await store.sessions.create(before);
    await planTenant({ store, clock }, T);
    expect(await pendingAbout(store, 'ses-2')).toBe(3);
    await store.sessions.put({ ...before, status: 'cancelled', cancelledAt: '2026-11-24T17:32:00.000Z' });
    clock.set('2026-11-24T17:33:00.000Z');
    expect((await planTenant({ store, clock }, T)).cancelled).toBe(3);
    expect(await pendingAbout(store, 'ses-2')).toBe(0);
    // Cancelled records expire as sent ones do (90 days), long after anything could plan them again.
    expect(await store.deliveries.count(T, { status: 'cancelled' })).toBe(4);
    clock.advance(89 * 24 * 3600_000);
    expect(await store.deliveries.count(T, { status: 'cancelled' })).toBe(4);
    clock.advance(2 * 24 * 3600_000);
    expect(await store.deliveries.count(T, { status: 'cancelled' })).toBe(0);
    await store.close();
  });
});
