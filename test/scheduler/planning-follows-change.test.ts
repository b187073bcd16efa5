import { deliveryId, ManualClock, participationId, PLAN_NOW, planRequestId, receiptId, staffAuditTemplate, type Questionnaire, type Staff } from '../../src/domain';
import { planChanges } from '../../src/scheduler/plan/plan-requests';
import { withoutChangeLog } from '../../src/store/change-log';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { countingReads } from '../support/counting-reads';
import { alwaysOpenCalendar, session, staff, tenant } from '../support/fixtures';

const T = 't1';

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`planning follows change (${label})`, () => {
    afterAll(done);

    async function world() {
      // Monday 16 November 2026; two twilights on Tuesday 24th for two schools.
      const clock = new ManualClock('2026-11-16T09:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      await store.calendars.put(alwaysOpenCalendar(T));
      for (let i = 0; i < 30; i++) await store.staff.put(staff(T, `a${i}`, { schoolId: 'north' }));
      for (let i = 0; i < 30; i++) await store.staff.put(staff(T, `b${i}`, { schoolId: 'south' }));
      await store.sessions.put(session(T, 'ses-n', { audience: { kind: 'school', schoolId: 'north' }, publishedAt: '2026-11-16T09:00:00.000Z' }));
      await store.sessions.put(session(T, 'ses-s', { audience: { kind: 'school', schoolId: 'south' }, publishedAt: '2026-11-16T09:00:00.000Z' }));
      const pass = () => planChanges({ store, clock, instanceId: 'test' });
      const request = async (id: string) => (await store.planRequests.get(T, id))?.value;
      return { clock, store, pass, request };
    }

    it('a change records one request per subject; the planner plans it and records its next wake-up', async () => {
      const { store, pass, request } = await world();
      expect((await request('tenant'))?.availableAt).toBe(PLAN_NOW);
      expect((await request(planRequestId({ kind: 'session', sessionId: 'ses-n' })))?.availableAt).toBe(PLAN_NOW);
      const first = await pass();
      expect(first.subjects).toBe(3);
      expect(first.created).toBe(60); // every invitation, once
      // Next: the day-before reminder (15:00 on Monday 23rd), and the tenant at the next local midnight.
      expect((await request('session:ses-n'))?.availableAt).toBe('2026-11-23T15:00:00.000Z');
      expect((await request('tenant'))?.availableAt).toBe('2026-11-17T00:00:00.000Z');
      expect(await store.planRequests.count(T, { availableAt: { lte: PLAN_NOW } })).toBe(0);

      // An invitation recorded as sent changes no plan; an RSVP does.
      await store.participations.put({ tenantId: T, id: participationId('ses-n', 'a1'), sessionId: 'ses-n', staffId: 'a1', invitedAt: '2026-11-16T09:01:00.000Z' });
      expect((await request('session:ses-n'))?.availableAt).toBe('2026-11-23T15:00:00.000Z');
      await store.participations.put({ tenantId: T, id: participationId('ses-n', 'a1'), sessionId: 'ses-n', staffId: 'a1', rsvp: 'yes' });
      expect((await request('session:ses-n'))?.availableAt).toBe(PLAN_NOW);

      // A platform id linked changes no plan; a new line manager does.
      const a2 = (await store.staff.get(T, 'a2'))!.value;
      await store.staff.put({ ...a2, slack: { userId: 'U0A2', teamId: 'T0' } } as Staff);
      expect((await request('tenant'))?.availableAt).toBe('2026-11-17T00:00:00.000Z');
      await store.staff.put({ ...a2, lineManagerId: 'a3' });
      expect((await request('tenant'))?.availableAt).toBe(PLAN_NOW);

      // The planner's own writes are planned already.
      await withoutChangeLog(() => store.sessions.put(session(T, 'ses-x')));
      expect(await request('session:ses-x')).toBeUndefined();
    });

    it('an idle pass reads nothing but the one query for due requests; an edit reads only the session it touches', async () => {
      const { clock, store, pass } = await world();
      await pass();
      clock.set('2026-11-16T12:00:00.000Z');
      const counted = countingReads(store);
      const idle = await planChanges({ store: counted.store, clock, instanceId: 'test' });
      expect(idle.subjects).toBe(0);
      expect(counted.total()).toBe(0);

      // The north session moves: those coming are told, and only north's people are read.
      await store.participations.put({ tenantId: T, id: participationId('ses-n', 'a1'), sessionId: 'ses-n', staffId: 'a1', rsvp: 'yes' });
      const moved = (await store.sessions.get(T, 'ses-n'))!.value;
      await store.sessions.put({ ...moved, location: { place: 'Hall' }, revision: 1 });
      counted.reads.clear();
      const edited = await planChanges({ store: counted.store, clock, instanceId: 'test' });
      expect(edited.subjects).toBe(1);
      expect(edited.created).toBe(1);
      expect((await store.deliveries.find(T, { where: { kind: 'session-changed' } })).map((d) => d.value.recipientId)).toEqual(['a1']);
      expect(counted.reads.get('staff')).toBe(30);
      expect(counted.reads.get('deliveries')).toBe(30);
    });

    it('a wake-up plans the session alone when its time comes: the day-before reminder to those who said yes', async () => {
      const { clock, store, pass } = await world();
      await pass();
      await store.participations.put({ tenantId: T, id: participationId('ses-s', 'b7'), sessionId: 'ses-s', staffId: 'b7', rsvp: 'yes' });
      await pass();
      clock.set('2026-11-23T15:00:00.000Z');
      const due = await pass();
      // Both sessions' day-before reminders, and the tenant's daily plan (due since midnight on the 17th).
      expect(due.subjects).toBe(3);
      expect((await store.deliveries.find(T, { where: { kind: 'reminder-day-before' } })).map((d) => d.value.recipientId)).toEqual(['b7']);
    });

    it('an answer to a survey cancels what waits for that person, reading the survey and not the tenant', async () => {
      const { clock, store, pass } = await world();
      const template = staffAuditTemplate(T);
      const survey: Questionnaire = { tenantId: T, id: 'srv-1', title: template.name, purpose: 'survey', templateId: template.id, anonymous: true, questions: template.questions, opensAt: '2026-11-16T09:00:00.000Z', closesAt: '2026-11-27T23:59:59.999Z', audience: { kind: 'school', schoolId: 'north' } };
      await store.questionnaires.put(survey);
      await pass();
      const waiting = await store.deliveries.find(T, { where: { status: 'pending', 'subject.questionnaireId': 'srv-1' } });
      expect(waiting).toHaveLength(30);
      await store.receipts.put({ tenantId: T, id: receiptId('srv-1', 'a4'), questionnaireId: 'srv-1', staffId: 'a4' });
      clock.advance(60_000);
      const counted = countingReads(store);
      const answered = await planChanges({ store: counted.store, clock, instanceId: 'test' });
      expect(answered).toMatchObject({ subjects: 1, cancelled: 1 });
      expect((await store.deliveries.get(T, deliveryId('survey', 'a4', 'srv-1')))?.value.status).toBe('cancelled');
      expect(await store.deliveries.count(T, { status: 'pending', 'subject.questionnaireId': 'srv-1' })).toBe(29);
      expect(counted.reads.get('staff')).toBeUndefined();
    });

    it('two instances at once plan each subject once (leases)', async () => {
      const { clock, store } = await world();
      const [a, b] = await Promise.all([planChanges({ store, clock, instanceId: 'a' }), planChanges({ store, clock, instanceId: 'b' })]);
      expect(a.subjects + b.subjects).toBe(3);
      expect(a.created + b.created).toBe(60);
    });
  });
}

onBothStores('follows-change', suite);
