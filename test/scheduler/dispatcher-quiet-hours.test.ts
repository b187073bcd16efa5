import { SchoolCalendar, type Delivery } from '../../src/domain';
import { sessionSendExemption } from '../../src/domain/send-exemption';
import { delivery, session, tenant } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/** Whatever made the record, the dispatcher sends nothing in quiet hours, at a weekend or in a holiday unless the record allows it. */
describe('Dispatcher: quiet hours, weekends and holidays (embedded store, manual clock)', () => {
  const stored = async (w: ReturnType<typeof world>, id: string) => (await w.store.deliveries.get(T, id))!.value;

  it('defers an old record claimed at 02:00 after downtime to 07:30, then sends it once', async () => {
    // Tuesday 24 November 2026, 02:00 GMT; the record was due on Monday afternoon.
    const w = world([], 1, '2026-11-24T02:00:00.000Z');
    const d = delivery(T, 's0', { dueAt: '2026-11-23T15:00:00.000Z' });
    await w.store.deliveries.create(d);
    const night = await w.make('a').dispatchUntilIdle();
    expect(night).toMatchObject({ claimed: 1, deferred: 1, sent: 0 });
    expect(w.teams.sends).toEqual([]);
    expect(await stored(w, d.id)).toMatchObject({ status: 'pending', dueAt: '2026-11-24T07:30:00.000Z', attempts: 0 });
    expect((await stored(w, d.id)).leaseOwner).toBeUndefined();
    w.clock.set('2026-11-24T07:29:59.999Z');
    expect((await w.make('a').dispatchUntilIdle()).claimed).toBe(0);
    w.clock.set('2026-11-24T07:30:00.000Z');
    expect((await w.make('b').dispatchUntilIdle()).sent).toBe(1);
    expect(w.teams.sends.map((s) => new Date(s.at).toISOString())).toEqual(['2026-11-24T07:30:00.000Z']);
  });

  it('does not send a day-before reminder on Saturday for a Monday session: it waits for Monday 07:30', async () => {
    const w = world([], 1, '2026-11-28T15:00:00.000Z');
    const monday = session(T, 'ses-mon', { startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-11-30T17:30:00.000Z' });
    const sendExemption = sessionSendExemption(monday, tenant(T).settings);
    const d = delivery(T, 's0', { kind: 'reminder-day-before', subject: { sessionId: 'ses-mon' }, dueAt: '2026-11-28T15:00:00.000Z', sendExemption });
    await w.store.deliveries.create(d);
    expect((await w.make('a').dispatchUntilIdle()).deferred).toBe(1);
    expect((await stored(w, d.id)).dueAt).toBe('2026-11-30T07:30:00.000Z');
    expect(w.teams.sends).toEqual([]);
  });

  it('sends the hour-before reminder of a 16:00 session at 15:00, and of an evening session in quiet hours, as their records allow', async () => {
    const w = world([], 2, '2026-11-24T15:00:00.000Z');
    const afternoon = session(T, 'ses-pm', { startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T17:00:00.000Z' });
    await w.store.deliveries.create(
      delivery(T, 's0', { kind: 'reminder-hour-before', subject: { sessionId: 'ses-pm' }, dueAt: '2026-11-24T15:00:00.000Z', sendExemption: sessionSendExemption(afternoon, tenant(T).settings) }),
    );
    expect((await w.make('a').dispatchUntilIdle()).sent).toBe(1);
    const evening = session(T, 'ses-eve', { startsAt: '2026-11-24T19:00:00.000Z', endsAt: '2026-11-24T20:00:00.000Z' });
    w.clock.set('2026-11-24T18:10:00.000Z');
    await w.store.deliveries.create(
      delivery(T, 's1', { kind: 'reminder-hour-before', subject: { sessionId: 'ses-eve' }, dueAt: '2026-11-24T18:00:00.000Z', sendExemption: sessionSendExemption(evening, tenant(T).settings) }),
    );
    expect(await w.make('a').dispatchUntilIdle()).toMatchObject({ sent: 1, deferred: 0 });
    expect(w.teams.sends.map((s) => [s.recipientId, new Date(s.at).toISOString()])).toEqual([
      ['s0', '2026-11-24T15:00:00.000Z'],
      ['s1', '2026-11-24T18:10:00.000Z'],
    ]);
  });

  it('skips a session message whose next allowed time is after the session has begun', async () => {
    // 18:10, session at 07:00 tomorrow: its hour-before span opens at 06:00, quiet hours end at 07:30.
    const w = world([], 1, '2026-11-24T18:10:00.000Z');
    const early = session(T, 'ses-early', { startsAt: '2026-11-25T07:00:00.000Z', endsAt: '2026-11-25T08:00:00.000Z' });
    const d = delivery(T, 's0', { kind: 'invitation', subject: { sessionId: 'ses-early' }, dueAt: '2026-11-24T16:00:00.000Z', sendExemption: sessionSendExemption(early, tenant(T).settings) });
    await w.store.deliveries.create(d);
    // The invitation may go at 06:00, when the span before the session opens: deferred, not skipped.
    expect((await w.make('a').dispatchUntilIdle()).deferred).toBe(1);
    expect((await stored(w, d.id)).dueAt).toBe('2026-11-25T06:00:00.000Z');
    // With reminders 0 minutes before, the first allowed time is the start itself: too late.
    const late = delivery(T, 's0', {
      id: 'dlv-late',
      subject: { sessionId: 'ses-early' },
      dueAt: '2026-11-24T16:00:00.000Z',
      sendExemption: sessionSendExemption(early, { ...tenant(T).settings, reminderMinutesBefore: 0 }),
    });
    await w.store.deliveries.create(late);
    expect((await w.make('a').dispatchUntilIdle()).skipped).toBe(1);
    expect(await stored(w, 'dlv-late')).toMatchObject({ status: 'skipped', lastError: 'quiet hours: the next allowed time is after the session starts' });
    expect(w.teams.sends).toEqual([]);
  });

  it("uses the tenant's own calendar: a holiday defers to the first school day, in the tenant's zone", async () => {
    const w = world([], 1, '2026-12-22T10:00:00.000Z');
    await w.store.tenants.put(tenant(T));
    await w.store.calendars.put(SchoolCalendar.parse({ tenantId: T, holidays: [{ start: '2026-12-21', end: '2027-01-04' }] }));
    const d = delivery(T, 's0', { kind: 'gap-report-nudge', subject: { gapTaskId: 'gt-1' }, dueAt: '2026-12-22T10:00:00.000Z' });
    await w.store.deliveries.create(d);
    expect((await w.make('a').dispatchUntilIdle()).deferred).toBe(1);
    expect((await stored(w, d.id)).dueAt).toBe('2027-01-05T07:30:00.000Z');
  });

  it('defers a send whose rate-limit wait ran into quiet hours', async () => {
    // Throttled at 17:59:58 with Retry-After 5 s: the retry would go at 18:00:03.
    const w = world([{ status: 'throttled', retryAfterMs: 5000 }], 1, '2026-11-24T17:59:58.000Z');
    const d: Delivery = delivery(T, 's0', { kind: 'survey', subject: { questionnaireId: 'q-1' }, dueAt: '2026-11-24T17:59:00.000Z' });
    await w.store.deliveries.create(d);
    const s = await w.make('a').dispatchUntilIdle();
    expect(s).toMatchObject({ throttled: 1, deferred: 1, sent: 0 });
    expect(w.teams.sends).toHaveLength(1);
    expect(await stored(w, d.id)).toMatchObject({ status: 'pending', dueAt: '2026-11-25T07:30:00.000Z' });
  });
});
