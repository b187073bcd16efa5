import { composeMessage } from '../../src/app/compose-message';
import { deliveryId, statutoryTrainingId, Tenant, type StatutoryTraining } from '../../src/domain';
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

describe("statutory renewal reminders reach the person's school's own CPD lead (issue 26 item 5)", () => {
  /** Two schools, each with its own lead; Lena is the trust's lead; Sam leads Oak and is on Oak's staff. */
  async function twoSchools() {
    const w = await smallSchool('2026-12-18T08:30:00.000Z');
    const t = (await w.store.tenants.get('t1', 't1'))!.value;
    await w.store.tenants.put(
      Tenant.parse({
        ...t,
        schools: [
          { id: 'oak', name: 'Oak Primary' },
          { id: 'elm', name: 'Elm Academy' },
        ],
        settings: { ...t.settings, cpdRequests: { ...t.settings.cpdRequests, cpdLeadBySchool: { oak: 'sam', elm: 'eve' } } },
      }),
    );
    await w.store.staff.put(staff('t1', 'sam', { name: 'Sam Oaklead', schoolId: 'oak' }));
    await w.store.staff.put(staff('t1', 'eve', { name: 'Eve Elmlead', schoolId: 'elm' }));
    await w.store.staff.put({ ...w.people.ada!, schoolId: 'oak' });
    await w.store.staff.put({ ...w.people.ben!, schoolId: 'elm' });
    return w;
  }
  const recipientsOf = async (w: Awaited<ReturnType<typeof twoSchools>>, staffId: string) =>
    (await w.store.deliveries.find('t1', { where: { kind: 'statutory-renewal' } })).map((d) => d.value).filter((d) => d.subject.statutoryTrainingId === statutoryTrainingId(staffId, 'safeguarding'));

  it("Oak's lead hears of Oak's staff and not Elm's; the trust lead hears of both; each once", async () => {
    const w = await twoSchools();
    await w.store.statutoryTraining.put(training('ada', '2027-01-15'));
    await w.store.statutoryTraining.put(training('ben', '2027-01-15'));
    await planTenant({ store: w.store, clock: w.clock }, 't1');
    expect((await recipientsOf(w, 'ada')).map((d) => d.recipientId).sort()).toEqual(['ada', 'lead', 'sam']);
    expect((await recipientsOf(w, 'ben')).map((d) => d.recipientId).sort()).toEqual(['ben', 'eve', 'lead']);
    expect((await planTenant({ store: w.store, clock: w.clock }, 't1')).created).toBe(0);

    // Sam's message points at Oak's list (what their "statutory" shows); the trust lead's at everyone's.
    const toSam = (await recipientsOf(w, 'ada')).find((d) => d.recipientId === 'sam')!;
    const samMessage = await composeMessage(w.deps, toSam);
    expect(samMessage.ok && samMessage.message.text).toBe(`Ada Teacher's Safeguarding training lapses on Friday 15 January 2027. Say "statutory" to see everyone at Oak Primary who is out of date or due.`);
    const toLena = (await recipientsOf(w, 'ada')).find((d) => d.recipientId === 'lead')!;
    const lenaMessage = await composeMessage(w.deps, toLena);
    expect(lenaMessage.ok && lenaMessage.message.text).toBe(`Ada Teacher's Safeguarding training lapses on Friday 15 January 2027. Say "statutory" to see everyone who is out of date or due.`);
    await w.store.close();
  });

  it('a school lead who is also a trust lead is told once; a lead whose own training lapses is told once, as the person', async () => {
    const w = await twoSchools();
    const t = (await w.store.tenants.get('t1', 't1'))!.value;
    // Lena leads the trust and now Oak too; Eve leads Elm and her own training lapses.
    await w.store.tenants.put({ ...t, settings: { ...t.settings, cpdRequests: { ...t.settings.cpdRequests, cpdLeadBySchool: { oak: 'lead', elm: 'eve' } } } });
    await w.store.statutoryTraining.put(training('ada', '2027-01-15'));
    await w.store.statutoryTraining.put(training('eve', '2027-01-15'));
    await planTenant({ store: w.store, clock: w.clock }, 't1');
    expect((await recipientsOf(w, 'ada')).map((d) => d.recipientId).sort()).toEqual(['ada', 'lead']);
    const toEve = await recipientsOf(w, 'eve');
    expect(toEve.map((d) => d.recipientId).sort()).toEqual(['eve', 'lead']);
    const eveMessage = await composeMessage(w.deps, toEve.find((d) => d.recipientId === 'eve')!);
    expect(eveMessage.ok && eveMessage.message.text).toMatch(/^Your Safeguarding training lapses on Friday 15 January 2027\./);
    await w.store.close();
  });

  it('a school lead who has left is not planned for; the trust lead still is', async () => {
    const w = await twoSchools();
    await w.store.staff.put(staff('t1', 'sam', { name: 'Sam Oaklead', schoolId: 'oak', active: false }));
    await w.store.statutoryTraining.put(training('ada', '2027-01-15'));
    await planTenant({ store: w.store, clock: w.clock }, 't1');
    expect((await recipientsOf(w, 'ada')).map((d) => d.recipientId).sort()).toEqual(['ada', 'lead']);
    await w.store.close();
  });
});
