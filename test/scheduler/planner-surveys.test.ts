import { ManualClock, SchoolCalendar, deliveryId, receiptId, type Delivery, type Questionnaire } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { planDeliveries, type PlanningInput } from '../../src/scheduler/plan/planner';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { mathsAuditSurvey, staff, tenant } from '../support/fixtures';

const T = 't1';
const people = [
  staff(T, 's1', { department: 'Maths' }),
  staff(T, 's2', { department: 'English' }),
  staff(T, 's3', { department: 'maths' }),
  staff(T, 'lead', { roles: ['cpd-lead'] }),
  staff(T, 'gone', { department: 'Maths', active: false }),
];

/** The staff audit to the Maths department, sent Monday 23 November at 19:00 (quiet hours), closing at the end of Friday 4 December. */
const survey = (extra: Partial<Questionnaire> = {}): Questionnaire => mathsAuditSurvey(T, extra);

function input(now: string, extra: Partial<PlanningInput> = {}): PlanningInput {
  return {
    tenant: tenant(T),
    calendar: SchoolCalendar.parse({ tenantId: T }),
    sessions: [],
    participations: [],
    questionnaires: [survey()],
    templates: [],
    receipts: [],
    gapTasks: [],
    staff: people,
    pending: [],
    now: new Date(now),
    ...extra,
  };
}
const of = (ds: Delivery[], kind: Delivery['kind']) => ds.filter((d) => d.kind === kind);
/** Messages about the survey (the planner also plans the week's digests, which are not the subject here). */
const aboutSurveys = (plan: { deliveries: Delivery[] }) => plan.deliveries.filter((d) => d.subject.questionnaireId !== undefined);
const who = (ds: Delivery[]) => ds.map((d) => d.recipientId).sort();
const receipt = (staffId: string) => ({ tenantId: T, id: receiptId('srv-audit', staffId), questionnaireId: 'srv-audit', staffId });

describe('planDeliveries: surveys', () => {
  it('asks only the active staff in the audience, once each (deterministic ids), after quiet hours', () => {
    const a = planDeliveries(input('2026-11-23T19:01:00.000Z'));
    const b = planDeliveries(input('2026-11-23T19:30:00.000Z'));
    expect(who(of(a.deliveries, 'survey'))).toEqual(['s1', 's3']);
    expect(aboutSurveys(a).map((d) => d.id)).toEqual(aboutSurveys(b).map((d) => d.id));
    expect(aboutSurveys(a).map((d) => d.id)).toEqual(['s1', 's3'].map((id) => deliveryId('survey', id, 'srv-audit')));
    // Sent in the evening: it arrives at 07:30 the next morning, not at night.
    expect(of(a.deliveries, 'survey').map((d) => d.dueAt)).toEqual(['2026-11-24T07:30:00.000Z', '2026-11-24T07:30:00.000Z']);
    expect(aboutSurveys(a).every((d) => d.subject.questionnaireId === 'srv-audit' && d.subject.sessionId === undefined)).toBe(true);
  });

  it('waits over the weekend: sent on a Friday evening, it arrives on Monday morning', () => {
    const friday = survey({ opensAt: '2026-11-27T18:30:00.000Z', closesAt: '2026-12-11T23:59:59.999Z' });
    const plan = planDeliveries(input('2026-11-27T18:31:00.000Z', { questionnaires: [friday] }));
    expect(of(plan.deliveries, 'survey').map((d) => d.dueAt)).toEqual(['2026-11-30T07:30:00.000Z', '2026-11-30T07:30:00.000Z']);
  });

  it('asks someone who joins the audience while it is open, from the moment they join', () => {
    const joined = [...people, staff(T, 's4', { department: 'Maths' })];
    const plan = planDeliveries(input('2026-11-25T12:00:00.000Z', { staff: joined }));
    const late = of(plan.deliveries, 'survey').find((d) => d.recipientId === 's4');
    expect(late?.dueAt).toBe('2026-11-25T12:00:00.000Z');
    expect(who(of(plan.deliveries, 'survey'))).toEqual(['s1', 's3', 's4']);
  });

  it('leaves out whoever has answered, and cancels their pending survey', () => {
    const pending: Delivery = { ...aboutSurveys(planDeliveries(input('2026-11-23T19:01:00.000Z'))).find((d) => d.recipientId === 's1')!, status: 'pending' };
    const plan = planDeliveries(input('2026-11-24T07:00:00.000Z', { receipts: [receipt('s1')], pending: [pending] }));
    expect(who(of(plan.deliveries, 'survey'))).toEqual(['s3']);
    expect(plan.cancellations).toEqual([{ ...pending, status: 'cancelled', lastError: 'already answered' }]);
  });

  it('reminds those who have not answered, once, two days before it closes (after quiet hours, before it closes)', () => {
    expect(of(planDeliveries(input('2026-12-02T12:00:00.000Z')).deliveries, 'questionnaire-reminder')).toEqual([]);
    const plan = planDeliveries(input('2026-12-03T08:00:00.000Z', { receipts: [receipt('s3')] }));
    const reminders = of(plan.deliveries, 'questionnaire-reminder');
    expect(who(reminders)).toEqual(['s1']);
    // Its rule time falls in quiet hours (so 07:30 at the earliest); planned at 08:00, it is due then, never earlier.
    expect(reminders[0]).toMatchObject({ id: deliveryId('questionnaire-reminder', 's1', 'srv-audit'), dueAt: '2026-12-03T08:00:00.000Z' });
  });

  it('plans nothing once closed (or closed early), and cancels what is still pending', () => {
    const pending: Delivery = { ...aboutSurveys(planDeliveries(input('2026-11-23T19:01:00.000Z')))[0]!, status: 'pending' };
    const closed = planDeliveries(input('2026-12-05T09:00:00.000Z', { pending: [pending] }));
    expect(aboutSurveys(closed)).toEqual([]);
    expect(closed.cancellations.map((c) => c.lastError)).toEqual(['survey closed']);
    const early = planDeliveries(input('2026-11-25T09:00:00.000Z', { questionnaires: [survey({ closedEarlyAt: '2026-11-25T08:00:00.000Z' })], pending: [pending] }));
    expect(aboutSurveys(early)).toEqual([]);
    expect(early.cancellations.map((c) => c.lastError)).toEqual(['survey closed']);
  });

  it('drops a message that quiet hours and the weekend would push past closing', () => {
    const lastMinute = survey({ opensAt: '2026-11-27T19:00:00.000Z', closesAt: '2026-11-29T23:59:59.999Z' });
    expect(aboutSurveys(planDeliveries(input('2026-11-27T19:01:00.000Z', { questionnaires: [lastMinute] })))).toEqual([]);
  });

  it('a reaction questionnaire is not a survey: no survey messages for it', () => {
    const reaction = survey({ purpose: 'reaction', sessionId: 'ses-1' });
    expect(aboutSurveys(planDeliveries(input('2026-11-23T19:01:00.000Z', { questionnaires: [reaction] })))).toEqual([]);
  });
});

describe('planTenant: surveys (embedded store)', () => {
  it('finds open surveys in the store and writes each message once: planning twice creates nothing twice', async () => {
    const clock = new ManualClock('2026-11-24T09:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    await store.tenants.create(tenant(T));
    for (const p of people) await store.staff.create(p);
    await store.questionnaires.create(survey());
    await store.questionnaires.create(survey({ id: 'srv-old', opensAt: '2026-10-01T09:00:00.000Z', closesAt: '2026-10-09T23:59:59.999Z' }));
    await planTenant({ store, clock }, T);
    expect(await planTenant({ store, clock }, T)).toEqual({ created: 0, cancelled: 0, questionnaires: 0, gapTasks: 0 });
    const stored = await store.deliveries.find(T, { where: { kind: 'survey' } });
    expect(stored.map((d) => [d.value.recipientId, d.value.subject.questionnaireId, d.value.dueAt]).sort()).toEqual([
      ['s1', 'srv-audit', '2026-11-24T09:00:00.000Z'],
      ['s3', 'srv-audit', '2026-11-24T09:00:00.000Z'],
    ]);
    // Someone joins the department: the next run asks them, and only them.
    await store.staff.create(staff(T, 's4', { department: 'Maths' }));
    clock.set('2026-11-24T09:01:00.000Z');
    expect((await planTenant({ store, clock }, T)).created).toBe(1);
    expect(await store.deliveries.count(T, { kind: 'survey' })).toBe(3);
    await store.close();
  });
});
