import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  builtInProgrammes,
  expandAssignment,
  mondayOfProgrammeWeek,
  programmeAssignmentId,
  schoolWeeksOf,
  type MentorRole,
  type SchoolCalendar,
} from '../../src/domain';

/**
 * Properties of school-week counting and programme expansion (issue 30) over random calendars. The oracle
 * restates the rule on its own, without school-weeks.ts: a week (Monday to Friday) is a school week when
 * one of its weekdays is in a term and in no holiday.
 */

type Cal = Pick<SchoolCalendar, 'terms' | 'holidays'>;
const day = (iso: string, plus: number) => DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days: plus }).toISODate()!;

function oracleSchoolWeek(cal: Cal, monday: string): boolean {
  return [0, 1, 2, 3, 4].some((i) => {
    const d = day(monday, i);
    return cal.terms.some((t) => t.start <= d && d <= t.end) && !cal.holidays.some((h) => h.start <= d && d <= h.end);
  });
}

/** Three terms of 2026-27 with wobbling dates, and holidays anywhere (half terms, odd days, a long closure). */
const calendar: fc.Arbitrary<Cal> = fc
  .record({
    autumn: fc.integer({ min: 0, max: 12 }),
    spring: fc.integer({ min: 0, max: 10 }),
    summer: fc.integer({ min: 0, max: 14 }),
    holidays: fc.array(fc.record({ at: fc.integer({ min: 0, max: 330 }), length: fc.integer({ min: 0, max: 25 }) }), { maxLength: 8 }),
  })
  .map(({ autumn, spring, summer, holidays }) => ({
    terms: [
      { start: day('2026-09-01', autumn), end: '2026-12-18' },
      { start: day('2027-01-04', spring), end: '2027-03-26' },
      { start: day('2027-04-12', summer), end: '2027-07-21' },
    ],
    holidays: holidays.map((h) => ({ start: day('2026-09-01', h.at), end: day('2026-09-01', h.at + h.length) })),
  }));

describe('school weeks', () => {
  it('are Mondays, strictly increasing, each a school week by the oracle, and none left out; week 1 holds the first autumn day', () => {
    fc.assert(
      fc.property(calendar, (cal) => {
        const weeks = schoolWeeksOf(cal, '2026-27');
        if (!weeks.ok) throw new Error(weeks.reason);
        const { mondays } = weeks;
        for (let i = 1; i < mondays.length; i++) expect(mondays[i]! > mondays[i - 1]!).toBe(true);
        for (const m of mondays) {
          expect(DateTime.fromISO(m, { zone: 'UTC' }).weekday).toBe(1);
          expect(oracleSchoolWeek(cal, m)).toBe(true);
        }
        // Completeness: every school week from the autumn term's to the summer term's end is counted.
        const first = DateTime.fromISO(cal.terms[0]!.start, { zone: 'UTC' });
        const firstMonday = first.minus({ days: first.weekday - 1 }).toISODate()!;
        for (let m = firstMonday; m <= '2027-07-21'; m = day(m, 7)) expect(mondays.includes(m)).toBe(oracleSchoolWeek(cal, m));
        if (oracleSchoolWeek(cal, firstMonday)) expect(mondays[0]).toBe(firstMonday);
      }),
      { numRuns: 100 },
    );
  });

  it('map programme weeks to Mondays strictly increasingly (week n+1 always after week n)', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: 1, max: 44 }), (cal, n) => {
        const a = mondayOfProgrammeWeek(cal, '2026-27', { year: 1, schoolWeek: n });
        const b = mondayOfProgrammeWeek(cal, '2026-27', { year: 1, schoolWeek: n + 1 });
        if (a.ok && b.ok) expect(b.weekStart > a.weekStart).toBe(true);
        // A later week is never placed when an earlier one is not.
        if (!a.ok) expect(b.ok).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('a calendar with no autumn term says so instead of planning nothing', () => {
    const weeks = schoolWeeksOf({ terms: [{ start: '2027-01-04', end: '2027-03-26' }], holidays: [] }, '2026-27');
    expect(weeks).toEqual({ ok: false, year: '2026-27', reason: expect.stringMatching(/no autumn term for 2026-27/) });
  });
});

describe('expanding a programme', () => {
  const NOW = new Date('2026-09-01T08:00:00Z');
  const mentors: Partial<Record<MentorRole, string>> = { 'subject-mentor': 'mentor-a', 'induction-tutor': 'tutor-b' };

  it("never puts a meeting in a holiday week, places or explains every item, and gives the same ids twice (and after the calendar changes)", () => {
    fc.assert(
      fc.property(calendar, calendar, fc.constantFrom(...builtInProgrammes('t1')), (cal, otherCal, programme) => {
        const assignment = { tenantId: 't1', id: programmeAssignmentId('ect-1', programme.id, '2026-27'), menteeId: 'ect-1', firstYear: '2026-27' };
        const once = expandAssignment(programme, assignment, cal, (r) => mentors[r], NOW);
        const twice = expandAssignment(programme, assignment, cal, (r) => mentors[r], NOW);
        expect(twice).toEqual(once);
        expect(once.meetings.length + once.unplaced.length).toBe(programme.items.length);
        expect(new Set(once.meetings.map((m) => m.id)).size).toBe(once.meetings.length);
        for (const m of once.meetings) expect(oracleSchoolWeek(cal, m.weekStart)).toBe(true);
        for (const u of once.unplaced) expect(u.reason).not.toBe('');
        // A new calendar moves meetings, never renames them: the ones both place are the same meetings.
        const moved = expandAssignment(programme, assignment, otherCal, (r) => mentors[r], NOW);
        const ids = new Set(once.meetings.map((m) => m.id));
        for (const m of moved.meetings) if (programme.years === 1) expect(ids.has(m.id) || once.unplaced.some((u) => m.itemKey === u.item.key)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("seed 000's first term: weeks 2, 3, 4, 8 and 10 with their foci and the subject mentor", () => {
    const cal: Cal = {
      terms: [
        { start: '2026-09-02', end: '2026-12-18' },
        { start: '2027-01-04', end: '2027-03-26' },
        { start: '2027-04-12', end: '2027-07-21' },
      ],
      holidays: [{ start: '2026-10-26', end: '2026-10-30', name: 'October half term' }],
    };
    const programme = builtInProgrammes('t1').find((p) => p.id === 'builtin-new-teacher')!;
    const { meetings, unplaced } = expandAssignment(programme, { tenantId: 't1', id: 'a1', menteeId: 'ect-1', firstYear: '2026-27' }, cal, (r) => mentors[r], NOW);
    expect(unplaced).toEqual([]);
    expect(meetings.slice(0, 5).map((m) => [m.weekStart, m.focus.slice(0, 20), m.mentorId])).toEqual([
      ['2026-09-07', 'Settling in. Q&A. Su', 'mentor-a'],
      ['2026-09-14', 'Classroom climate an', 'mentor-a'],
      ['2026-09-21', 'Using pupil data to ', 'mentor-a'],
      // Week 1 is the week of 2 September (from Monday 31 August); week 10 comes after the half term (26 October is no school week).
      ['2026-10-19', 'Marking and feedback', 'mentor-a'],
      ['2026-11-09', 'Pastoral role in pro', 'mentor-a'],
    ]);
  });

  it('the two-year induction places year 2 only once next year has term dates, and says why until then', () => {
    const cal: Cal = { terms: [{ start: '2026-09-02', end: '2026-12-18' }, { start: '2027-01-04', end: '2027-03-26' }, { start: '2027-04-12', end: '2027-07-21' }], holidays: [] };
    const programme = builtInProgrammes('t1').find((p) => p.id === 'builtin-ect-induction')!;
    const { meetings, unplaced } = expandAssignment(programme, { tenantId: 't1', id: 'a1', menteeId: 'ect-1', firstYear: '2026-27' }, cal, (r) => mentors[r], NOW);
    expect(meetings.every((m) => m.weekStart < '2027-08-01')).toBe(true);
    expect(meetings.filter((m) => m.kind === 'meeting')).toHaveLength(37);
    expect(meetings.filter((m) => m.kind === 'progress-review').map((m) => m.mentorId)).toEqual(['tutor-b', 'tutor-b', 'tutor-b']);
    expect(unplaced.length).toBe(programme.items.length - meetings.length);
    expect(unplaced.every((u) => u.item.at.year === 2 && /no autumn term for 2027-28/.test(u.reason))).toBe(true);
  });
});
