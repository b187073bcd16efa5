import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import { composeMessage } from '../../../src/app/compose-message';
import type { AppDeps } from '../../../src/app/deps';
import type { Actor } from '../../../src/app/people/actor';
import { bookExternalSession, externalSessionId } from '../../../src/app/requests/request-booking';
import { markAttendance } from '../../../src/app/register/mark-attendance';
import { courseHours, CpdRequestDetails, deliveryId, gapTaskId, ManualClock, participationId, PROVIDER_CANCELLED_REASON, type Staff, type Tenant } from '../../../src/domain';
import { exportRecordsCsv } from '../../../src/exports/records-csv';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { staff, tenant } from '../../support/fixtures';

/** Issue 26 item 1: whether a booked course took place, answered by the person or marked by the lead. */
onBothStores('course-attendance', (label, open, done) => {
  describe(`a booked course after its last day (${label})`, () => {
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    let store: Store;
    let deps: AppDeps;
    let t: Tenant;
    const people: Record<string, Staff> = {};
    const actor = (id: string): Actor => ({ tenant: t, staff: people[id]! });
    let n = 0;

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      t = tenant('t1');
      await store.tenants.put(t);
      Object.assign(people, {
        ada: staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', lineManagerId: 'lm' }),
        lm: staff('t1', 'lm', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
        lead: staff('t1', 'lead', { name: 'Lena Lead', roles: ['staff', 'cpd-lead'] }),
        ben: staff('t1', 'ben', { name: 'Ben Teacher', schoolId: 'sch-1' }),
      });
      for (const p of Object.values(people)) await store.staff.put(p);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    /** A fresh booked course for Ada (booked by the lead, approved by her line manager), over on 12 January 2027 at 15:30. */
    async function booked(details = {}): Promise<{ requestId: string; sessionId: string }> {
      clock.set('2026-11-23T10:00:00.000Z');
      const requestId = `req-${++n}`;
      const at = clock.now().toISOString();
      const request = cpdRequest('t1', requestId, {
        requesterId: 'ada',
        status: 'booked',
        details: CpdRequestDetails.parse(courseDetails({ courseTitle: `Course ${n}`, ...details })),
        steps: [{ role: 'line-manager', approverId: 'lm', reachedAt: at, decision: { outcome: 'approved', by: 'lm', at } }],
        booking: { by: 'lead', at, actualCostPence: 24000, reference: `REF-${n}`, sessionId: externalSessionId(requestId) },
      });
      await store.cpdRequests.create(request);
      const sessionId = await bookExternalSession(deps, t, request);
      return { requestId, sessionId };
    }
    const statusOf = async (id: string) => (await store.cpdRequests.get('t1', id))!.value.status;
    const press = (who: string, verb: string, requestId: string) => handleCardAction(deps, actor(who), { verb, requestId } as never, {});

    it('before its last day has ended nobody can say it took place, and nobody is asked', async () => {
      const { requestId, sessionId } = await booked();
      clock.set('2027-01-12T15:00:00.000Z');
      expect(await press('ada', 'request.attended', requestId)).toMatchObject({ ok: false, view: { kind: 'notice', notice: { text: 'You can say whether you attended once the course has ended.' } } });
      await planTenant(deps, 't1');
      expect(await store.deliveries.get('t1', deliveryId('course-attendance', 'ada', sessionId))).toBeUndefined();
      expect(await statusOf(requestId)).toBe('booked');
      expect((await store.participations.get('t1', participationId(sessionId, 'ada')))!.value.attended).toBeUndefined();
    });

    it('someone with no part in it learns nothing; the approving line manager cannot mark it', async () => {
      const { requestId, sessionId } = await booked();
      clock.set('2027-01-13T09:00:00.000Z');
      expect(await press('ben', 'request.attended', requestId)).toMatchObject({ ok: false, view: { notice: { text: "I can't find that request among those you can see." } } });
      expect(await press('lm', 'request.attended', requestId)).toMatchObject({ ok: false, view: { notice: { text: 'Only the person booked on the course, its booker or the CPD lead can say whether it took place.' } } });
      expect(await statusOf(requestId)).toBe('booked');
      expect((await store.participations.get('t1', participationId(sessionId, 'ada')))!.value.attended).toBeUndefined();
      // The card the line manager sees offers no attendance buttons; the person's and the lead's do.
      const cardFor = async (who: string) => (await press(who, 'request.open', requestId)).view as { canAnswerAttendance?: boolean };
      expect((await cardFor('lm')).canAnswerAttendance).toBeUndefined();
      expect((await cardFor('ada')).canAnswerAttendance).toBe(true);
      expect((await cardFor('lead')).canAnswerAttendance).toBe(true);
    });

    it("Attended: on her record, the records export and the hours; pressing again changes nothing; the pending ask is withdrawn", async () => {
      const { requestId, sessionId } = await booked({ endDate: '2027-01-14' });
      clock.set('2027-01-14T17:00:00.000Z');
      await planTenant(deps, 't1');
      const ask = deliveryId('course-attendance', 'ada', sessionId);
      expect((await store.deliveries.get('t1', ask))!.value.status).toBe('pending');
      expect(await press('ada', 'request.attended', requestId)).toMatchObject({ ok: true, view: { status: 'attended', notice: { tone: 'good' } } });
      expect(await press('ada', 'request.attended', requestId)).toMatchObject({ ok: false, view: { notice: { text: 'This request is already attended.' } } });
      // Three days of 09:00–15:30: 19.5 hours, not the 54.5 from the first morning to the last afternoon.
      expect(courseHours(courseDetails({ endDate: '2027-01-14' }))).toBe(19.5);
      const record = await runCommand(deps, actor('ada'), 'my cpd');
      expect(record).toMatchObject({ kind: 'my-record', rows: [{ cpd: `Course ${n} (External course: Fenland English Hub, Teaching & learning, £240.00)`, hours: 19.5 }] });
      const csv = await exportRecordsCsv(deps, 't1', clock.now(), 'ada');
      expect(csv).toContain(`Course ${n} (External course: Fenland English Hub, Teaching & learning, £240.00)`);
      expect(csv).toMatch(/2026-27,19\.5/);
      await planTenant(deps, 't1');
      expect((await store.deliveries.get('t1', ask))!.value).toMatchObject({ status: 'cancelled', lastError: 'attendance already recorded' });
      // Her own answer tells nobody else; the lead marking it would tell her.
      expect(await store.deliveries.get('t1', deliveryId('request-update', 'ada', requestId, 'attendance'))).toBeUndefined();
    });

    it('the lead marks Did not attend: off the record, its cost still counts, and she is told', async () => {
      const { requestId, sessionId } = await booked();
      clock.set('2027-01-13T09:00:00.000Z');
      expect(await press('lead', 'request.not-attended', requestId)).toMatchObject({ ok: true, view: { status: 'not-attended', notice: { text: 'Marked not attended: it is not on their record, and its cost still counts.' } } });
      expect((await store.cpdRequests.get('t1', requestId))!.value).toMatchObject({ status: 'not-attended', closedBy: 'lead' });
      expect((await store.participations.get('t1', participationId(sessionId, 'ada')))!.value).toMatchObject({ attended: false, attendanceMarkedBy: 'lead' });
      expect(await store.deliveries.get('t1', deliveryId('request-update', 'ada', requestId, 'attendance'))).toBeDefined();
      const record = (await runCommand(deps, actor('ada'), 'my cpd')) as { rows: { cpd: string }[] };
      expect(record.rows.map((r) => r.cpd).filter((c) => c.startsWith(`Course ${n} `))).toEqual([]);
      const budget = (await runCommand(deps, actor('lead'), 'requests all')) as { rows?: { statusText: string }[] };
      expect(JSON.stringify(budget)).toContain('Booked, not attended');
      // Neither the questionnaire nor the "share what you learned" task reaches someone who did not go.
      await planTenant(deps, 't1');
      expect(await store.gapTasks.get('t1', gapTaskId(sessionId, 'ada'))).toBeUndefined();
      expect((await store.deliveries.find('t1', { where: { kind: 'questionnaire', recipientId: 'ada' } })).filter((d) => d.value.subject.sessionId === sessionId)).toEqual([]);
    });

    it('she says it was cancelled: its session is cancelled, its cost no longer counts, and the booker is told', async () => {
      const { requestId, sessionId } = await booked();
      clock.set('2027-01-13T09:00:00.000Z');
      expect(await press('ada', 'request.course-cancelled', requestId)).toMatchObject({ ok: true });
      expect((await store.cpdRequests.get('t1', requestId))!.value).toMatchObject({ status: 'cancelled', closedBy: 'ada', closedReason: PROVIDER_CANCELLED_REASON });
      expect((await store.sessions.get('t1', sessionId))!.value.status).toBe('cancelled');
      const told = (await store.deliveries.get('t1', deliveryId('request-update', 'lead', requestId, 'attendance')))!.value;
      const composed = await composeMessage(deps, told);
      expect(composed.ok && composed.message.text).toBe(`Ada Teacher says "Course ${n}" did not take place: the course was cancelled. Its cost no longer counts against the budget; ask the provider for a refund.`);
    });

    it('through the outbox as any message: an evening course is asked about after quiet hours; while she is away nothing is planned, then it is', async () => {
      const evening = await booked({ startTime: '18:00', endTime: '20:30' });
      clock.set('2027-01-12T21:00:00.000Z');
      await planTenant(deps, 't1');
      // Quiet hours (18:00–07:30) hold it to the next morning.
      expect((await store.deliveries.get('t1', deliveryId('course-attendance', 'ada', evening.sessionId)))!.value.dueAt).toBe('2027-01-13T07:30:00.000Z');

      const away = await booked();
      await store.staff.put({ ...people.ada!, awayUntil: '2027-01-20' });
      clock.set('2027-01-13T09:00:00.000Z');
      await planTenant(deps, 't1');
      expect(await store.deliveries.get('t1', deliveryId('course-attendance', 'ada', away.sessionId))).toBeUndefined();
      clock.set('2027-01-20T09:00:00.000Z');
      await planTenant(deps, 't1');
      expect((await store.deliveries.get('t1', deliveryId('course-attendance', 'ada', away.sessionId)))!.value).toMatchObject({ status: 'pending', dueAt: '2027-01-20T09:00:00.000Z' });
      await store.staff.put(people.ada!);
    });

    it("the lead's register marks her present: the planner moves the request on to attended and asks her nothing", async () => {
      const { requestId, sessionId } = await booked();
      clock.set('2027-01-12T14:00:00.000Z');
      expect(await markAttendance(deps, actor('lead'), { sessionId, marks: [{ staffId: 'ada', present: true }] })).toMatchObject({ ok: true, present: 1 });
      clock.set('2027-01-12T17:00:00.000Z');
      await planTenant(deps, 't1');
      expect(await statusOf(requestId)).toBe('attended');
      expect(await store.deliveries.get('t1', deliveryId('course-attendance', 'ada', sessionId))).toBeUndefined();
    });
  });
});
