import { applyRetention } from '../../../src/app/people/retention';
import { inBatches } from '../../../src/app/people/in-batches';
import { ManualClock, responseId, Tenant } from '../../../src/domain';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';
import type { Query } from '../../../src/store/port';
import { staff, tenant } from '../../support/fixtures';

const T = 't1';

describe('work through what a query matches a batch at a time (embedded store)', () => {
  test('the retention sweep deletes 1,201 old answers in batches of 500, never reading them all at once', async () => {
    const clock = new ManualClock('2027-06-01T10:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    await store.tenants.put(Tenant.parse({ ...tenant(T), settings: { retentionDays: 30 } }));
    for (let i = 0; i < 1201; i++) {
      const who = `s${i}`;
      await store.responses.put({ tenantId: T, id: responseId('qn-1', who), questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: who, answers: { quality: 4 }, submittedAt: '2026-11-24T18:00:00.000Z' });
    }
    await store.responses.put({ tenantId: T, id: responseId('qn-2', 'new'), questionnaireId: 'qn-2', sessionId: 'ses-2', respondentId: 'new', answers: { quality: 5 }, submittedAt: '2027-05-30T18:00:00.000Z' });
    const limits: (number | undefined)[] = [];
    const responses = { ...store.responses, find: (t: string, q?: Query) => (limits.push(q?.limit), store.responses.find(t, q)) };
    const counts = await applyRetention({ store: { ...store, responses } }, (await store.tenants.get(T, T))!.value, clock.now());
    expect(counts.answers).toBe(1201);
    expect(limits).toEqual([500, 500, 500]);
    expect((await store.responses.find(T)).map((r) => r.value.respondentId)).toEqual(['new']);
    await store.close();
  });

  test('work that does not take (nothing stops matching) ends after one batch instead of looping', async () => {
    const store = openEmbeddedStore({ path: ':memory:', clock: new ManualClock('2026-11-23T10:00:00.000Z') });
    for (let i = 0; i < 10; i++) await store.staff.put(staff(T, `p${i}`));
    const seen: string[][] = [];
    const handled = await inBatches(store.staff, T, { active: true }, async (batch) => void seen.push(batch.map((r) => r.value.id)), 3);
    expect(handled).toBe(3);
    expect(seen).toHaveLength(1);
    // Work that takes goes through them all, three at a time.
    const batches: number[] = [];
    const deactivated = await inBatches(store.staff, T, { active: true }, async (batch) => {
      batches.push(batch.length);
      for (const r of batch) await store.staff.put({ ...r.value, active: false });
    }, 3);
    expect(deactivated).toBe(10);
    expect(batches).toEqual([3, 3, 3, 1]);
    await store.close();
  });
});
