import { composeMessage } from '../../src/app/compose-message';
import { runCli } from '../../src/cli/run-cli';
import { gapTaskId, ManualClock, participationId } from '../../src/domain';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { alwaysOpenCalendar, delivery, gapTask, session, staff, tenant } from '../support/fixtures';

const T = 't1';

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`away periods (${label})`, () => {
    afterAll(done);
    it('away until a date: no reminders or nudges until then, gap-task due dates move with it, nudges resume on return', async () => {
      const clock = new ManualClock('2026-11-25T10:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      await store.calendars.put(alwaysOpenCalendar(T));
      for (const id of ['s1', 's2']) await store.staff.put(staff(T, id));
      await store.sessions.put(session(T, 'ses-1', { publishedAt: '2026-11-16T09:00:00.000Z', gapTask: { intent: 'Retrieval', task: 'Three quizzes' } }));
      for (const id of ['s1', 's2']) await store.gapTasks.put(gapTask(T, 'ses-1', id, { status: 'planned' }));
      // A twilight on 10 December both said yes to.
      await store.sessions.put(session(T, 'ses-2', { startsAt: '2026-12-10T16:00:00.000Z', endsAt: '2026-12-10T17:00:00.000Z', publishedAt: '2026-11-16T09:00:00.000Z' }));
      for (const id of ['s1', 's2']) await store.participations.put({ tenantId: T, id: participationId('ses-2', id), sessionId: 'ses-2', staffId: id, rsvp: 'yes' });
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });

      expect(await run('staff', 'away', 's1@school.example', '--until', 'next week')).toBe(1);
      expect(lines.at(-1)).toBe('"next week" is not a date: give the day they are back, e.g. 2027-01-04, 4/1/2027 or 4 January.');
      expect(await run('staff', 'away', 's1@school.example', '--until', '04/01/2027')).toBe(0);
      expect(lines.slice(-2)).toEqual(['Person s1 is away until 2027-01-04: no reminders or nudges before then.', '  gap task due 2026-12-08 now due 2027-01-17']);
      expect(await run('staff', 'away', 's1@school.example', '--until', '2027-01-04')).toBe(0);
      expect(lines.at(-1)).toBe('Person s1 is away until 2027-01-04: no reminders or nudges before then.');
      const task = (await store.gapTasks.get(T, gapTaskId('ses-1', 's1')))!.value;
      expect([task.dueAt, task.originalDueAt]).toEqual(['2027-01-17T16:00:00.000Z', '2026-12-08T16:00:00.000Z']);

      // A nudge planned before they went away is not sent.
      const early = delivery(T, 's1', { kind: 'gap-report-nudge', subject: { sessionId: 'ses-1', gapTaskId: gapTaskId('ses-1', 's1') } });
      expect(await composeMessage({ store, clock }, early)).toEqual({ ok: false, reason: 'recipient away until 2027-01-04' });

      // 9 December: s2 gets the day-before reminder and the last nudge; s1 nothing.
      clock.set('2026-12-09T16:00:00.000Z');
      await planTenant({ store, clock }, T);
      const kindsFor = async (id: string) => (await store.deliveries.find(T, { where: { recipientId: id } })).map((d) => d.value.kind).sort();
      expect(await kindsFor('s2')).toEqual(expect.arrayContaining(['gap-report-nudge', 'reminder-day-before']));
      expect((await kindsFor('s1')).filter((k) => k === 'gap-report-nudge' || k.startsWith('reminder'))).toEqual([]);

      // Back: a week before the moved due date, the nudges start again.
      clock.set('2027-01-11T09:00:00.000Z');
      await planTenant({ store, clock }, T);
      expect(await kindsFor('s1')).toContain('gap-report-nudge');
    });
  });
}

onBothStores('away', suite);
