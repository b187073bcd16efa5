import fc from 'fast-check';
import { DateTime } from 'luxon';
import { SchoolCalendar } from '../../src/domain/calendar';
import {
  atLocalTime,
  isHoliday,
  isQuietMinute,
  isWeekend,
  localDateOf,
  nextAllowedSendTime,
} from '../../src/domain/school-time';

const ZONE = 'Europe/London';
const calendar = SchoolCalendar.parse({
  tenantId: 't1',
  holidays: [
    { start: '2026-10-26', end: '2026-10-30', name: 'October half term' },
    { start: '2026-12-21', end: '2027-01-01', name: 'Christmas' },
  ],
});
const iso = (d: Date) => d.toISOString();

describe('atLocalTime', () => {
  it('reads wall-clock time in Europe/London with summer time', () => {
    expect(iso(atLocalTime(ZONE, '2026-07-01', '07:30'))).toBe('2026-07-01T06:30:00.000Z');
    expect(iso(atLocalTime(ZONE, '2026-12-01', '07:30'))).toBe('2026-12-01T07:30:00.000Z');
  });
  it('moves a time in the spring-forward gap on by the gap', () => {
    expect(iso(atLocalTime(ZONE, '2026-03-29', '01:30'))).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('nextAllowedSendTime', () => {
  it('leaves an allowed weekday time alone', () => {
    const at = new Date('2026-11-24T10:00:00.000Z');
    expect(nextAllowedSendTime(at, calendar)).toEqual(at);
  });

  it('defers an evening time to 07:30 the next school morning', () => {
    expect(iso(nextAllowedSendTime(new Date('2026-11-24T19:00:00.000Z'), calendar))).toBe('2026-11-25T07:30:00.000Z');
  });

  it('defers an early-morning time to 07:30 the same day', () => {
    expect(iso(nextAllowedSendTime(new Date('2026-11-24T06:00:00.000Z'), calendar))).toBe('2026-11-24T07:30:00.000Z');
  });

  it('defers Friday evening to Monday 07:30', () => {
    // Friday 27 November 2026, 18:30 → Monday 30 November 07:30 (GMT).
    expect(iso(nextAllowedSendTime(new Date('2026-11-27T18:30:00.000Z'), calendar))).toBe('2026-11-30T07:30:00.000Z');
  });

  it('defers a holiday to the first school day after it', () => {
    // Wednesday of October half term → Monday 2 November 07:30 GMT.
    expect(iso(nextAllowedSendTime(new Date('2026-10-28T10:00:00.000Z'), calendar))).toBe('2026-11-02T07:30:00.000Z');
  });

  it('allows a weekend or holiday when the session itself is then', () => {
    const saturday = new Date('2026-11-28T10:00:00.000Z');
    expect(nextAllowedSendTime(saturday, calendar, { sessionDays: ['2026-11-28'] })).toEqual(saturday);
    const halfTerm = new Date('2026-10-28T10:00:00.000Z');
    expect(nextAllowedSendTime(halfTerm, calendar, { sessionDays: ['2026-10-28'] })).toEqual(halfTerm);
  });

  it('waives quiet hours inside the session span (an evening session reminds before it starts)', () => {
    const start = new Date('2026-11-24T19:00:00.000Z');
    const span = { start: new Date('2026-11-24T17:30:00.000Z'), end: new Date('2026-11-24T20:00:00.000Z') };
    const reminder = new Date('2026-11-24T18:00:00.000Z');
    expect(nextAllowedSendTime(reminder, calendar, { sessionSpan: span })).toEqual(reminder);
    expect(nextAllowedSendTime(start, calendar, { sessionSpan: span })).toEqual(start);
  });

  it('does not jump over a session span that opens later on a blocked day (found by the dispatcher property)', () => {
    // Friday 30 October is in half term; a session at 00:30 on Saturday 31st has its hour-before span from 23:30 on the 30th.
    const span = { start: new Date('2026-10-30T23:30:00.000Z'), end: new Date('2026-10-31T00:30:00.000Z') };
    const options = { sessionDays: ['2026-10-31'], sessionSpan: span };
    expect(iso(nextAllowedSendTime(new Date('2026-10-30T20:00:00.000Z'), calendar, options))).toBe('2026-10-30T23:30:00.000Z');
  });

  it('is right across the March clock change (2026-03-29)', () => {
    // Saturday 28 March 19:00 GMT → Monday 30 March 07:30 BST = 06:30Z.
    expect(iso(nextAllowedSendTime(new Date('2026-03-28T19:00:00.000Z'), calendar))).toBe('2026-03-30T06:30:00.000Z');
    // Sunday night after the change, 23:30 BST → Monday 07:30 BST.
    expect(iso(nextAllowedSendTime(new Date('2026-03-29T22:30:00.000Z'), calendar))).toBe('2026-03-30T06:30:00.000Z');
  });

  it('is right across the October clock change (2026-10-25)', () => {
    const noHolidays = SchoolCalendar.parse({ tenantId: 't1' });
    // Friday 23 October 18:30 BST → Monday 26 October 07:30 GMT = 07:30Z (not 06:30Z).
    expect(iso(nextAllowedSendTime(new Date('2026-10-23T17:30:00.000Z'), noHolidays))).toBe('2026-10-26T07:30:00.000Z');
    // With half term the 26th–30th: on to Monday 2 November.
    expect(iso(nextAllowedSendTime(new Date('2026-10-23T17:30:00.000Z'), calendar))).toBe('2026-11-02T07:30:00.000Z');
    // The repeated hour 01:00–02:00 on the 25th is a Sunday: Monday morning.
    expect(iso(nextAllowedSendTime(new Date('2026-10-25T01:30:00.000Z'), noHolidays))).toBe('2026-10-26T07:30:00.000Z');
  });

  it('honours a tenant zone other than London', () => {
    const at = new Date('2026-11-24T12:00:00.000Z'); // 07:00 in New York: before 07:30.
    expect(iso(nextAllowedSendTime(at, calendar, { zone: 'America/New_York' }))).toBe('2026-11-24T12:30:00.000Z');
  });

  const instant = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(ms));

  it('never answers earlier than asked, nor in quiet hours, a weekend or a holiday (property)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const next = nextAllowedSendTime(at, calendar);
        const local = DateTime.fromJSDate(next, { zone: ZONE });
        const day = localDateOf(next, ZONE);
        expect(next.getTime()).toBeGreaterThanOrEqual(at.getTime());
        expect(isQuietMinute(calendar, local.hour * 60 + local.minute)).toBe(false);
        expect(isWeekend(day)).toBe(false);
        expect(isHoliday(calendar, day)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable: an allowed time maps to itself (property)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const next = nextAllowedSendTime(at, calendar);
        expect(nextAllowedSendTime(next, calendar)).toEqual(next);
      }),
      { numRuns: 1000 },
    );
  });

  it('defers to a quiet-hours end exactly, never to some other minute (property)', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const next = nextAllowedSendTime(at, calendar);
        if (next.getTime() !== at.getTime()) {
          expect(DateTime.fromJSDate(next, { zone: ZONE }).toFormat('HH:mm')).toBe('07:30');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
