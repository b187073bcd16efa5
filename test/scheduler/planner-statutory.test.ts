import { composeMessage } from '../../src/app/compose-message';
import { deliveryId, statutoryTrainingId, type StatutoryTraining } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { smallSchool } from '../support/app-world';
import { staff } from '../support/fixtures';

const training = (staffId: string, expiresOn: string, tenantId = 't1'): StatutoryTraining => ({
  tenantId,
  id: statutoryTrainingId(staffId, 'safeguarding'),
  staffId,
  topic: 'Safeguarding',
  completedOn: '2024-01-15',
  expiresOn,
  recordedAt: '2024-01-15T16:00:00.000Z',
});

describe('statutory renewal reminders (planner-statutory, embedded store, clock moved)', () => {
  it('four weeks before it lapses the person and the CPD lead are told once; renewed training is not chased', async () => {
    // Thursday 17 December 2026: Ada's safeguarding lapses on Friday 15 January 2027, four weeks and a day away.
    const w = await smallSchool('2026-12-17T10:00:00.000Z');
    await w.store.statutoryTraining.put(training('ada', '2027-01-15'));
    await w.store.statutoryTraining.put(training('ben', '2028-01-15'));
    await w.store.staff.put(staff('t1', 'gone', { active: false }));
    await w.store.statutoryTraining.put(training('gone', '2027-01-15'));
    await w.store.tenants.put({ ...(await w.store.tenants.get('t1', 't1'))!.value, id: 't2', tenantId: 't2' });
    await w.store.statutoryTraining.put(training('ada', '2027-01-15', 't2'));

    await planTenant({ store: w.store, clock: w.clock }, 't1');
    expect(await w.store.deliveries.count('t1', { kind: 'statutory-renewal' })).toBe(0);

    // Friday 18 December, 08:30: four weeks before.
    w.clock.set('2026-12-18T08:30:00.000Z');
    await planTenant({ store: w.store, clock: w.clock }, 't1');
    const planned = (await w.store.deliveries.find('t1', { where: { kind: 'statutory-renewal' } })).map((d) => d.value);
    expect(planned.map((d) => d.recipientId).sort()).toEqual(['ada', 'lead']);
    expect(planned.every((d) => d.dueAt >= '2026-12-18T08:00:00.000Z')).toBe(true);
    expect(await w.store.deliveries.count('t2')).toBe(0);

    // Planned again (another tick, another instance): nothing twice.
    w.clock.set('2026-12-18T09:30:00.000Z');
    expect((await planTenant({ store: w.store, clock: w.clock }, 't1')).created).toBe(0);

    const toAda = planned.find((d) => d.recipientId === 'ada')!;
    const toLead = planned.find((d) => d.recipientId === 'lead')!;
    const adaMessage = await composeMessage(w.deps, toAda);
    expect(adaMessage.ok && adaMessage.message.text).toBe('Your Safeguarding training lapses on Friday 15 January 2027. Please book a renewal; your CPD lead has been told too.');
    const leadMessage = await composeMessage(w.deps, toLead);
    expect(leadMessage.ok && leadMessage.message.text).toMatch(/^Ada Teacher's Safeguarding training lapses on Friday 15 January 2027/);

    // Renewed before the message went: the pending one sends nothing, and none is planned for the new expiry yet.
    await w.store.statutoryTraining.put({ ...training('ada', '2029-12-18'), completedOn: '2026-12-18' });
    expect(await composeMessage(w.deps, toAda)).toEqual({ ok: false, reason: 'training renewed since' });
    w.clock.set('2026-12-21T09:30:00.000Z');
    await planTenant({ store: w.store, clock: w.clock }, 't1');
    expect(await w.store.deliveries.count('t1', { kind: 'statutory-renewal' })).toBe(2);
    expect(toAda.id).toBe(deliveryId('statutory-renewal', 'ada', statutoryTrainingId('ada', 'safeguarding'), '2027-01-15'));
    await w.store.close();
  });
});
