import fc from 'fast-check';
import { DateTime } from 'luxon';
import { participationId, SchoolCalendar, type Delivery, type DeliveryKind, type Session } from '../../src/domain';
import { addLocalDays, atLocalTime } from '../../src/domain/school-time';
import { sessionSendExemption } from '../../src/domain/send-exemption';
import { planTenant } from '../../src/scheduler/plan/plan-tenant';
import { delivery, session, staff, tenant } from '../support/fixtures';
import { T, world } from './dispatcher-world';

/**
 * Properties over random instants, biased towards both 2026 clock changes (29 March, 25 October)
 * and the edges of the send window: whatever made a record and whenever it is claimed, nothing is
 * sent in quiet hours, at a weekend or in a holiday unless its rule allows it (a session then).
 * The oracle below restates the product rule on its own, without school-time.ts.
 */

const ZONE = 'Europe/London';
const CALENDAR = SchoolCalendar.parse({
  tenantId: T,
  holidays: [
    // Each starts the Monday after a clock change.
    { start: '2026-03-30', end: '2026-04-10', name: 'Easter' },
    { start: '2026-10-26', end: '2026-10-30', name: 'October half term' },
    { start: '2026-12-21', end: '2027-01-01', name: 'Christmas' },
  ],
});
const SESSION_KINDS: readonly DeliveryKind[] = ['invitation', 'reminder-day-before', 'reminder-hour-before', 'session-changed', 'session-cancelled', 'waitlist-promoted'];

interface Allowance {
  /** Local days of the session: weekends and holidays give way. */
  days: string[];
  /** The span before the session in which quiet hours give way too. */
  span?: { start: number; end: number };
}

/** What a message about this session is allowed, read from the session itself. */
function allowanceOf(s: Pick<Session, 'startsAt' | 'endsAt'>, minutesBefore = 60): Allowance {
  const start = Date.parse(s.startsAt);
  const days = [s.startsAt, s.endsAt].map((t) => DateTime.fromISO(t, { zone: ZONE }).toFormat('yyyy-LL-dd'));
  return { days, span: { start: start - minutesBefore * 60_000, end: start } };
}

/** The product rule, restated: 07:30–18:00 London time on a school day, unless the session is then. */
function allowed(at: number, allowance?: Allowance): boolean {
  if (allowance?.span && allowance.span.start <= at && at <= allowance.span.end) return true;
  const local = DateTime.fromMillis(at, { zone: ZONE });
  const day = local.toFormat('yyyy-LL-dd');
  const blockedDay = local.weekday >= 6 || CALENDAR.holidays.some((h) => h.start <= day && day <= h.end);
  if (blockedDay && !allowance?.days.includes(day)) return false;
  const hm = local.toFormat('HH:mm');
  return hm >= '07:30' && hm < '18:00';
}

const ms = (iso: string) => Date.parse(iso);
const inYear = fc.integer({ min: ms('2026-01-01T00:00:00Z'), max: ms('2027-01-10T00:00:00Z') });
const nearSpring = fc.integer({ min: ms('2026-03-27T00:00:00Z'), max: ms('2026-04-01T00:00:00Z') });
const nearAutumn = fc.integer({ min: ms('2026-10-23T00:00:00Z'), max: ms('2026-10-28T00:00:00Z') });
/** A random day's window edges in local time, a few seconds either side. */
const edge = fc
  .tuple(fc.integer({ min: 0, max: 370 }), fc.constantFrom('07:29', '07:30', '17:59', '18:00', '00:00', '23:59', '01:00', '02:00'), fc.integer({ min: 0, max: 59 }))
  .map(([day, time, seconds]) => atLocalTime(ZONE, addLocalDays('2026-01-01', day), time).getTime() + seconds * 1000);
const instant = fc.oneof(inYear, nearSpring, nearAutumn, edge);

describe('no message is ever sent in a forbidden window unless its rule allows it (fast-check)', () => {
  it('the dispatcher sends a record claimed at any instant only when allowed, else at the first allowed instant (or skips it once its session has begun)', async () => {
    const seen = { sent: 0, deferred: 0, skipped: 0 };
    const record = fc.record({
      now: instant,
      overdueMinutes: fc.integer({ min: 0, max: 5 * 24 * 60 }),
      // A session about which the message is, starting from 2 hours ago to 4 days ahead; or none.
      session: fc.option(fc.record({ inMinutes: fc.integer({ min: -120, max: 4 * 24 * 60 }), lengthMinutes: fc.integer({ min: 30, max: 180 }), minutesBefore: fc.constantFrom(0, 30, 60, 90) })),
    });
    await fc.assert(
      fc.asyncProperty(record, async ({ now, overdueMinutes, session: about }) => {
        const w = world([], 1, new Date(now).toISOString());
        await w.store.calendars.put(CALENDAR);
        let allowance: Allowance | undefined;
        let d: Delivery;
        if (about) {
          const startsAt = new Date(Math.floor(now / 60_000) * 60_000 + about.inMinutes * 60_000);
          const s = session(T, 'ses-p', { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + about.lengthMinutes * 60_000).toISOString() });
          allowance = allowanceOf(s, about.minutesBefore);
          const sendExemption = sessionSendExemption(s, { timezone: ZONE, reminderMinutesBefore: about.minutesBefore });
          d = delivery(T, 's0', { kind: 'invitation', subject: { sessionId: 'ses-p' }, dueAt: new Date(now - overdueMinutes * 60_000).toISOString(), sendExemption });
        } else {
          d = delivery(T, 's0', { kind: 'gap-report-nudge', subject: { gapTaskId: 'gt-p' }, dueAt: new Date(now - overdueMinutes * 60_000).toISOString() });
        }
        await w.store.deliveries.create(d);
        await w.make('a').dispatchUntilIdle();
        const after = (await w.store.deliveries.get(T, d.id))!.value;

        if (allowed(now, allowance)) {
          expect(after.status).toBe('sent');
          seen.sent++;
        } else if (after.status === 'pending') {
          seen.deferred++;
          expect(w.teams.sends).toEqual([]);
          const due = Date.parse(after.dueAt);
          // The first allowed instant: allowed then, not a millisecond before.
          expect(due).toBeGreaterThan(now);
          expect(allowed(due, allowance)).toBe(true);
          expect(allowed(due - 1, allowance)).toBe(false);
          if (allowance?.span) expect(due).toBeLessThan(allowance.span.end);
          w.clock.set(new Date(due));
          await w.make('b').dispatchUntilIdle();
          expect(w.teams.sends.map((s) => s.at)).toEqual([due]);
        } else {
          seen.skipped++;
          expect(after).toMatchObject({ status: 'skipped', lastError: expect.stringMatching(/after the session starts/) });
          // Nothing allowed from now until the session starts (checked every 5 minutes and at the span's start).
          const until = allowance!.span!.end;
          for (let t = now; t < until; t += 5 * 60_000) expect(allowed(t, allowance)).toBe(false);
          if (allowance!.span!.start >= now && allowance!.span!.start < until) expect(allowed(allowance!.span!.start, allowance)).toBe(false);
          expect(w.teams.sends).toEqual([]);
        }
        await w.store.close();
      }),
      { numRuns: 250 },
    );
    // Each branch was taken, so the property said something about each.
    expect(seen.sent).toBeGreaterThan(0);
    expect(seen.deferred).toBeGreaterThan(0);
    expect(seen.skipped).toBeGreaterThan(0);
  }, 60_000);

  it('planner and dispatcher together, from any first run through random ticks, send only in allowed times and each message once', async () => {
    let sentInAll = 0;
    const scenario = fc.record({
      start: instant,
      publishedMinutesBefore: fc.integer({ min: 0, max: 21 * 24 * 60 }),
      sessionInMinutes: fc.integer({ min: -24 * 60, max: 10 * 24 * 60 }),
      sessionLength: fc.integer({ min: 45, max: 150 }),
      compulsory: fc.boolean(),
      ticks: fc.array(fc.integer({ min: 1, max: 36 * 60 }), { minLength: 12, maxLength: 12 }),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const w = world([], 4, new Date(sc.start).toISOString());
        const { store, clock } = w;
        await store.tenants.put(tenant(T));
        await store.calendars.put(CALENDAR);
        await store.staff.put(staff(T, 's0', { roles: ['staff', 'cpd-lead'], teams: { aadObjectId: 'aad-0' } }));
        await store.staff.put(staff(T, 's1', { lineManagerId: 's2', teams: { aadObjectId: 'aad-1' } }));
        await store.staff.put(staff(T, 's2', { roles: ['staff', 'line-manager'], teams: { aadObjectId: 'aad-2' } }));
        await store.staff.put(staff(T, 's3', { teams: { aadObjectId: 'aad-3' } }));
        const startsAt = new Date(Math.floor(sc.start / 900_000) * 900_000 + sc.sessionInMinutes * 60_000);
        const s = session(T, 'ses-p', {
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + sc.sessionLength * 60_000).toISOString(),
          publishedAt: new Date(Math.min(sc.start, startsAt.getTime()) - sc.publishedMinutesBefore * 60_000).toISOString(),
          compulsory: sc.compulsory,
          gapTask: { intent: 'Retrieval practice', task: 'Three quizzes' },
        });
        await store.sessions.put(s);
        await store.participations.put({ tenantId: T, id: participationId('ses-p', 's1'), sessionId: 'ses-p', staffId: 's1', rsvp: 'yes' });
        const dispatcher = w.make('a');

        for (const tick of sc.ticks) {
          await planTenant({ store, clock }, T);
          await dispatcher.dispatchUntilIdle();
          const [next] = await store.deliveries.find(T, { where: { status: 'pending' }, orderBy: { field: 'dueAt', direction: 'asc' }, limit: 1 });
          const now = clock.now().getTime();
          // The next tick: a random while later, or exactly when the next record falls due.
          clock.set(new Date(Math.max(now + 1, Math.min(now + tick * 60_000, next ? Date.parse(next.value.dueAt) : Infinity))));
        }

        const ids = w.teams.sends.map((x) => x.deliveryId);
        expect(new Set(ids).size).toBe(ids.length);
        for (const sent of w.teams.sends) {
          const d = (await store.deliveries.get(T, sent.deliveryId))!.value;
          const allowance = SESSION_KINDS.includes(d.kind) ? allowanceOf(s) : undefined;
          expect({ kind: d.kind, at: new Date(sent.at).toISOString(), allowed: allowed(sent.at, allowance) }).toMatchObject({ allowed: true });
        }
        sentInAll += ids.length;
        await store.close();
      }),
      { numRuns: 60 },
    );
    expect(sentInAll).toBeGreaterThan(100);
  }, 120_000);
});
