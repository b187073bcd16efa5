import { handleCardAction } from '../../../src/app/card-actions';
import { runCli } from '../../../src/cli/run-cli';
import { composeMessage } from '../../../src/app/compose-message';
import { budgetId } from '../../../src/domain';
import { runCommand } from '../../../src/app/commands';
import { checkCpdRequestForm } from '../../../src/app/requests/request-form';
import { externalSessionId } from '../../../src/app/requests/request-booking';
import { CpdRequestDetails, deliveryId, Staff, TenantSettings, type CpdRequest } from '../../../src/domain';
import type { Collection } from '../../../src/store/port';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { smallSchool } from '../../support/app-world';

/** What a person types into the form: strings, money in pounds. */
export const FORM = {
  courseTitle: 'Leading early reading',
  provider: 'Fenland English Hub',
  link: 'https://hub.example/reading',
  startDate: '2027-01-12',
  endDate: '',
  startTime: '09:00',
  endTime: '15:30',
  mode: 'in-person',
  fee: '250',
  travel: '18.40',
  coverHalfDays: '2',
  purpose: 'school-priority',
  purposeDetail: 'SIP priority 2: early reading',
  intendedImpact: 'More Year 1 pupils pass the phonics check.',
};

async function world() {
  const w = await smallSchool();
  await w.store.staff.put(Staff.parse({ ...w.people.ada, schoolId: 'sch-1' }));
  await w.store.staff.put(Staff.parse({ tenantId: 't1', id: 'head', name: 'Hana Head', email: 'head@school.example', roles: ['staff'] }));
  const tenant = { ...w.tenant, settings: TenantSettings.parse({ ...w.tenant.settings, cpdRequests: { headteacherBySchool: { 'sch-1': 'head' } } }) };
  await w.store.tenants.put(tenant);
  const people: Record<'lead' | 'manager' | 'ada' | 'ben' | 'head', Staff> = {
    ...w.people,
    lead: w.people.lead!,
    manager: w.people.manager!,
    ben: w.people.ben!,
    ada: Staff.parse({ ...w.people.ada, schoolId: 'sch-1' }),
    head: (await w.store.staff.get('t1', 'head'))!.value,
  };
  const actor = (who: keyof typeof people) => ({ tenant, staff: people[who] });
  return { ...w, tenant, actor };
}

async function submitted(w: Awaited<ReturnType<typeof world>>, form = FORM): Promise<CpdRequest> {
  const result = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.submit' }, form);
  expect(result.ok).toBe(true);
  const [request] = (await w.store.cpdRequests.find('t1', { where: { requesterId: 'ada' } })).map((r) => r.value).filter((r) => r.details.courseTitle === form.courseTitle);
  return request!;
}

describe('CPD requests (use cases, embedded store)', () => {
  test('the form: every problem at once, beside its field, the input kept; nothing written', async () => {
    const w = await world();
    const checked = checkCpdRequestForm({ ...FORM, fee: '250 pounds', mode: undefined, endDate: '2027-01-11', purposeDetail: ' ', link: 'not a link' }, '2026-11-23');
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['endDate', 'fee', 'link', 'mode', 'purposeDetail']);
    expect(checked.values.fee).toBe('250 pounds');

    const refused = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.submit' }, { ...FORM, fee: '' });
    expect(refused.ok).toBe(false);
    expect(refused.view).toMatchObject({ kind: 'cpd-request-form', errors: { fee: expect.stringMatching(/fill this in/) }, values: { courseTitle: FORM.courseTitle } });
    expect(await w.store.cpdRequests.count('t1')).toBe(0);
  });

  test('money is kept in pence; sending twice makes one request; the line manager gets the first card', async () => {
    const w = await world();
    const request = await submitted(w);
    expect(request.details).toMatchObject({ feePence: 25000, travelPence: 1840, coverHalfDays: 2, endDate: '2027-01-12' });
    expect(request.steps.map((s) => s.approverId)).toEqual(['manager', 'head']);
    await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.submit' }, FORM);
    expect(await w.store.cpdRequests.count('t1')).toBe(1);
    expect((await w.store.deliveries.get('t1', deliveryId('request-approval', 'manager', request.id, 'step-0')))?.value.status).toBe('pending');
    expect(await w.store.deliveries.count('t1', { kind: 'request-approval' })).toBe(1);
  });

  test('no line manager and no headteacher: refused with the reason, the form kept, the lead told', async () => {
    const w = await world();
    const loner = { tenant: w.tenant, staff: Staff.parse({ tenantId: 't1', id: 'loner', name: 'Lou', email: 'lou@school.example' }) };
    const result = await handleCardAction(w.deps, loner, { verb: 'request.submit' }, FORM);
    expect(result.view).toMatchObject({ kind: 'cpd-request-form', values: { provider: FORM.provider }, notice: { text: expect.stringMatching(/^Not sent: You have no school in Twilight .*until the CPD lead sets one \(they have been told\)/) } });
    // The CPD lead is told (a notice in the outbox, composed when sent), never a silent skip.
    const told = (await w.store.deliveries.find('t1')).map((d) => d.value).filter((d) => d.kind === 'approver-missing');
    expect(told.map((d) => d.recipientId)).toEqual([w.people.lead!.id]);
  });

  test('line manager approves, headteacher declines with a reason; the requester is told at each step', async () => {
    const w = await world();
    const request = await submitted(w);
    const approved = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: request.id });
    expect(approved).toMatchObject({ ok: true, view: { kind: 'cpd-request', notice: { text: expect.stringMatching(/Approved/) }, canDecide: false } });
    expect((await w.store.deliveries.get('t1', deliveryId('request-approval', 'head', request.id, 'step-1')))?.value).toBeDefined();
    expect((await w.store.deliveries.get('t1', deliveryId('request-update', 'ada', request.id, 'submitted-1')))?.value).toBeDefined();

    const noReason = await handleCardAction(w.deps, w.actor('head'), { verb: 'request.decline', requestId: request.id }, { reason: '  ' });
    expect(noReason.view).toMatchObject({ kind: 'cpd-request-reply', errors: { reason: expect.any(String) } });
    const declined = await handleCardAction(w.deps, w.actor('head'), { verb: 'request.decline', requestId: request.id }, { reason: 'Not in this year’s priorities' });
    expect(declined.ok).toBe(true);
    const stored = (await w.store.cpdRequests.get('t1', request.id))!.value;
    expect(stored.status).toBe('declined');
    expect(stored.steps[1]?.decision).toMatchObject({ outcome: 'declined', by: 'head', reason: 'Not in this year’s priorities' });
    expect((await w.store.deliveries.get('t1', deliveryId('request-update', 'ada', request.id, 'declined-2')))?.value).toBeDefined();
  });

  test('a forged approve from someone not waited for changes nothing and says why; a stranger learns nothing', async () => {
    const w = await world();
    const request = await submitted(w);
    const before = await w.store.cpdRequests.get('t1', request.id);
    const byHeadTooEarly = await handleCardAction(w.deps, w.actor('head'), { verb: 'request.approve', requestId: request.id });
    expect(byHeadTooEarly).toMatchObject({ ok: false, view: { kind: 'notice' } });
    const byRequester = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.approve', requestId: request.id });
    expect(byRequester).toMatchObject({ ok: false, view: { kind: 'notice', notice: { text: expect.stringMatching(/not waiting for you/) } } });
    const byStranger = await handleCardAction(w.deps, w.actor('ben'), { verb: 'request.approve', requestId: request.id });
    expect(byStranger.view).toMatchObject({ kind: 'notice', notice: { text: expect.stringMatching(/can't find that request/) } });
    expect(JSON.stringify(byStranger.view)).not.toContain(FORM.courseTitle);
    expect((await w.store.cpdRequests.get('t1', request.id))?.version).toBe(before?.version);
  });

  test('the approver pressing Approve and Decline at once: one decision', async () => {
    const w = await world();
    const request = await submitted(w);
    const [a, b] = await Promise.all([
      handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: request.id }),
      handleCardAction(w.deps, w.actor('manager'), { verb: 'request.decline', requestId: request.id }, { reason: 'No cover' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const stored = (await w.store.cpdRequests.get('t1', request.id))!.value;
    expect(stored.steps.filter((s) => s.decision).length).toBe(1);
  });

  test('approved, then the lead books it: it becomes an external session for the person, in their sessions', async () => {
    const w = await world();
    const request = await submitted(w);
    await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: request.id });
    await handleCardAction(w.deps, w.actor('head'), { verb: 'request.approve', requestId: request.id });
    expect((await w.store.cpdRequests.get('t1', request.id))?.value.status).toBe('approved');
    expect((await w.store.deliveries.get('t1', deliveryId('request-to-book', 'lead', request.id, 'approved')))?.value).toBeDefined();

    const notBooker = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.book.open', requestId: request.id });
    expect(notBooker.ok).toBe(false);
    const badCost = await handleCardAction(w.deps, w.actor('lead'), { verb: 'request.book', requestId: request.id }, { actualCost: 'lots', reference: '' });
    expect(badCost.view).toMatchObject({ kind: 'cpd-request-reply', errors: { actualCost: expect.any(String), reference: expect.any(String) } });
    const booked = await handleCardAction(w.deps, w.actor('lead'), { verb: 'request.book', requestId: request.id }, { actualCost: '240.00', reference: 'FEH-1042' });
    expect(booked.ok).toBe(true);
    const stored = (await w.store.cpdRequests.get('t1', request.id))!.value;
    expect(stored).toMatchObject({ status: 'booked', booking: { actualCostPence: 24000, reference: 'FEH-1042', sessionId: externalSessionId(request.id) } });
    const session = (await w.store.sessions.get('t1', externalSessionId(request.id)))!.value;
    expect(session).toMatchObject({ kind: 'external', title: FORM.courseTitle, audience: { kind: 'staff', staffIds: ['ada'] }, startsAt: '2027-01-12T09:00:00.000Z' });
    const list = await runCommand(w.deps, w.actor('ada'), 'sessions');
    expect(JSON.stringify(list)).toContain(FORM.courseTitle);
  });

  test('requests: the requester sees theirs, the approver what waits for them, a stranger nothing, the lead all', async () => {
    const w = await world();
    await submitted(w);
    const mine = await runCommand(w.deps, w.actor('ada'), 'requests');
    expect(mine).toMatchObject({ kind: 'cpd-request-list', rows: [{ courseTitle: FORM.courseTitle, waitingForYou: false }] });
    const manager = await runCommand(w.deps, w.actor('manager'), 'requests');
    expect(manager).toMatchObject({ rows: [{ waitingForYou: true }] });
    expect(await runCommand(w.deps, w.actor('head'), 'requests')).toMatchObject({ rows: [] });
    expect(await runCommand(w.deps, w.actor('ben'), 'requests')).toMatchObject({ rows: [] });
    expect(await runCommand(w.deps, w.actor('lead'), 'requests all')).toMatchObject({ rows: [{ requesterName: 'Ada Teacher' }] });
  });

  test('the lead’s list reads the newest requests a page at a time and stops when full; a budget reads only its year’s requests', async () => {
    const w = await world();
    // 70 old requests from 2024-25 (declined), then 5 this year (submitted), each a minute apart.
    for (let i = 0; i < 75; i++) {
      const old = i < 70;
      const at = new Date(Date.parse('2026-01-01T09:00:00.000Z') + i * 60_000).toISOString();
      await w.store.cpdRequests.put(
        cpdRequest('t1', `req-${String(i).padStart(2, '0')}`, {
          requesterId: 'ada',
          status: old ? 'declined' : 'submitted',
          createdAt: at,
          details: CpdRequestDetails.parse(courseDetails({ courseTitle: `Course ${i}`, startDate: old ? '2025-03-01' : '2027-01-12', endDate: old ? '2025-03-01' : '2027-01-12' })),
        }),
      );
    }
    const read = { docs: 0 };
    const inner = w.store.cpdRequests;
    const counted: Collection<CpdRequest> = {
      ...inner,
      find: async (t, q) => {
        const rows = await inner.find(t, q);
        read.docs += rows.length;
        return rows;
      },
      iterate: (t, q, o) =>
        (async function* () {
          for await (const row of inner.iterate(t, q, o)) {
            read.docs += 1;
            yield row;
          }
        })(),
    };
    const deps = { ...w.deps, store: { ...w.store, cpdRequests: counted } };
    const all = await runCommand(deps, w.actor('lead'), 'requests all');
    expect(all).toMatchObject({ kind: 'cpd-request-list' });
    expect(all.kind === 'cpd-request-list' && all.rows.map((r) => r.courseTitle)).toEqual(Array.from({ length: 30 }, (_, i) => `Course ${74 - i}`));
    expect(read.docs).toBe(30);
    read.docs = 0;
    const declined = await runCommand(deps, w.actor('lead'), 'requests declined');
    expect(declined.kind === 'cpd-request-list' && declined.rows.map((r) => r.courseTitle)).toEqual(Array.from({ length: 30 }, (_, i) => `Course ${69 - i}`));
    expect(read.docs).toBe(35);
    read.docs = 0;
    const budget = await runCommand(deps, w.actor('lead'), 'budget 2026-27');
    expect(budget).toMatchObject({ kind: 'cpd-budget', rows: [{ name: 'Huntingdon Academy', budgetText: 'Not set' }] });
    expect(read.docs).toBe(5);
  });

  test('budget: set by the lead in chat; the approver sees what is left and an over-budget flag; the lead sees committed vs spent', async () => {
    const w = await world();
    expect(await runCommand(w.deps, w.actor('ada'), 'budget set Huntingdon Academy 500')).toMatchObject({ notice: { text: expect.stringMatching(/Only CPD leads/) } });
    expect(await runCommand(w.deps, w.actor('lead'), 'budget set Nowhere School 500')).toMatchObject({ notice: { tone: 'attention', text: expect.stringMatching(/No school called/) } });
    expect(await runCommand(w.deps, w.actor('lead'), 'budget set Huntingdon Academy 500 2026-27')).toMatchObject({ notice: { tone: 'good', text: 'CPD budget for Huntingdon Academy, 2026-27: £500.00.' } });

    const first = await submitted(w);
    await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: first.id });
    await handleCardAction(w.deps, w.actor('head'), { verb: 'request.approve', requestId: first.id });
    // £268.40 approved of £500: a second course of £268.40 would exceed what is left.
    const second = await submitted(w, { ...FORM, courseTitle: 'Phonics leadership' });
    const card = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.open', requestId: second.id });
    expect(card.view).toMatchObject({ kind: 'cpd-request', overBudget: true, context: expect.arrayContaining([{ label: 'Budget left 2026-27', value: '£231.60 — this request would exceed it' }]) });

    await handleCardAction(w.deps, w.actor('lead'), { verb: 'request.book', requestId: first.id }, { actualCost: '240', reference: 'FEH-1' });
    const view = await runCommand(w.deps, w.actor('lead'), 'budget 2026-27');
    expect(view).toMatchObject({ kind: 'cpd-budget', rows: [{ name: 'Huntingdon Academy', budgetText: '£500.00', committedText: '£0.00', spentText: '£240.00', leftText: '£260.00', coverHalfDays: 2 }] });

    // Cancelling the booked course frees its cost and cancels its session.
    const cancelled = await handleCardAction(w.deps, w.actor('lead'), { verb: 'request.cancel', requestId: first.id });
    expect(cancelled.ok).toBe(true);
    expect(await runCommand(w.deps, w.actor('lead'), 'budget 2026-27')).toMatchObject({ rows: [{ spentText: '£0.00', leftText: '£500.00' }] });
    expect((await w.store.sessions.get('t1', externalSessionId(first.id)))?.value.status).toBe('cancelled');
    const refused = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.cancel', requestId: second.id });
    expect(refused.ok).toBe(false);
  });

  test('CLI: budget set, and the requests CSV for the finance office (pounds, costs counted only once approved)', async () => {
    const w = await world();
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store: w.store, clock: w.clock, defaultTenantId: 't1', print: (t) => lines.push(t) });
    expect(await cli('budget', 'set', 'trust', '12,000', '--year', '2026-27')).toBe(0);
    expect((await w.store.cpdBudgets.get('t1', budgetId('2026-27')))?.value.amountPence).toBe(1_200_000);
    expect(await cli('budget', 'set', 'trust', 'lots')).toBe(1);
    const request = await submitted(w);
    await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: request.id });
    await handleCardAction(w.deps, w.actor('head'), { verb: 'request.approve', requestId: request.id });
    await submitted(w, { ...FORM, courseTitle: 'Still waiting', fee: '99' });
    lines.length = 0;
    expect(await cli('export', 'requests', '--year', '2026-27')).toBe(0);
    const [header, ...rows] = lines.join('\n').trim().split('\n');
    expect(header).toContain('request_id,academic_year,requester');
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('Leading early reading'))).toContain('"Approved, to be booked",250.00,18.40,,268.40,2,');
    expect(rows.find((r) => r.includes('Still waiting'))).toContain(',0.00,');
  });

  test('ask a question: only the waiting approver; the requester is sent it; the request keeps waiting', async () => {
    const w = await world();
    const request = await submitted(w);
    const form = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.ask.open', requestId: request.id });
    expect(form.view).toMatchObject({ kind: 'cpd-request-reply', mode: 'ask' });
    expect((await handleCardAction(w.deps, w.actor('head'), { verb: 'request.ask.open', requestId: request.id })).ok).toBe(false);
    expect((await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.ask', requestId: request.id }, { question: '' })).view).toMatchObject({ errors: { question: expect.any(String) } });
    const asked = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.ask', requestId: request.id }, { question: 'Could you go in the spring term instead?' });
    expect(asked.ok).toBe(true);
    const stored = (await w.store.cpdRequests.get('t1', request.id))!.value;
    expect(stored).toMatchObject({ status: 'submitted', questions: [{ by: 'manager', text: 'Could you go in the spring term instead?' }] });
    const delivery = (await w.store.deliveries.get('t1', deliveryId('request-update', 'ada', request.id, 'question-0')))!.value;
    const composed = await composeMessage(w.deps, delivery);
    expect(composed.ok && composed.message.text).toBe('A question about "Leading early reading": Could you go in the spring term instead?');
  });

  test('withdraw: only the requester, before booking; the approver can then decide nothing', async () => {
    const w = await world();
    const request = await submitted(w);
    expect((await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.withdraw', requestId: request.id })).ok).toBe(false);
    const withdrawn = await handleCardAction(w.deps, w.actor('ada'), { verb: 'request.withdraw', requestId: request.id });
    expect(withdrawn).toMatchObject({ ok: true, view: { kind: 'cpd-request', status: 'withdrawn', canWithdraw: false } });
    const late = await handleCardAction(w.deps, w.actor('manager'), { verb: 'request.approve', requestId: request.id });
    expect(late).toMatchObject({ ok: false, view: { notice: { text: 'This request is already withdrawn.' } } });
  });
});
