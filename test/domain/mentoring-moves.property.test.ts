import fc from 'fast-check';
import { addLocalDays } from '../../src/domain/school-time';
import { isHolidayWeek, moveMeeting, mondayOf, type MentoringMeeting } from '../../src/domain';
import { AUTUMN_2026, meeting } from '../app/mentoring-meetings/mentoring-world';

const start = meeting('t1', 'mmeet-1', { weekStart: '2026-09-07', focus: 'Settling in' });

describe('moving a mentoring meeting (domain/mentoring-chat.ts, fast-check)', () => {
  it('never loses it: each move that succeeds adds one step to an unbroken history, never into a holiday week or the past', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ daysOn: fc.integer({ min: -20, max: 120 }), todayOn: fc.integer({ min: 0, max: 6 }), reason: fc.oneof(fc.constant(''), fc.constant('   '), fc.string({ minLength: 1, maxLength: 40 })) }), { maxLength: 30 }),
        (steps) => {
          let current: MentoringMeeting = start;
          let today = '2026-09-07';
          for (const step of steps) {
            today = addLocalDays(today, step.todayOn);
            const toDate = addLocalDays(today, step.daysOn);
            const result = moveMeeting(current, { toDate, reason: step.reason, movedBy: 'ben', movedAt: `${today}T10:00:00.000Z`, today }, AUTUMN_2026);
            if (!result.ok) {
              expect(['toWeek', 'reason']).toContain(result.field);
              continue;
            }
            const next = result.meeting;
            expect(next.moves).toHaveLength(current.moves.length + 1);
            expect(next.moves.slice(0, -1)).toEqual(current.moves);
            expect(next.moves.at(-1)).toMatchObject({ fromWeekStart: current.weekStart, toWeekStart: next.weekStart });
            expect(next.weekStart).toBe(mondayOf(toDate));
            expect(next.weekStart >= mondayOf(today)).toBe(true);
            expect(isHolidayWeek(AUTUMN_2026, next.weekStart)).toBe(false);
            expect({ ...next, weekStart: undefined, moves: undefined, updatedAt: undefined }).toEqual({ ...current, weekStart: undefined, moves: undefined, updatedAt: undefined });
            current = next;
          }
          // The history reads as one chain from the first week to the one it is in now.
          current.moves.forEach((m, i) => expect(m.fromWeekStart).toBe(i === 0 ? start.weekStart : current.moves[i - 1]!.toWeekStart));
          if (current.moves.length) expect(current.moves.at(-1)!.toWeekStart).toBe(current.weekStart);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a recorded meeting, the same week, a past week, a holiday week and a blank reason, each beside its field', () => {
    const at = { movedBy: 'ben', movedAt: '2026-09-08T10:00:00.000Z', today: '2026-09-08' };
    expect(moveMeeting({ ...start, status: 'held' }, { ...at, toDate: '2026-09-16', reason: 'x' }, AUTUMN_2026)).toMatchObject({ ok: false, field: 'toWeek' });
    expect(moveMeeting(start, { ...at, toDate: '2026-09-09', reason: 'x' }, AUTUMN_2026)).toMatchObject({ ok: false, field: 'toWeek', message: 'That is the week it is in already. Choose another week.' });
    expect(moveMeeting(start, { ...at, toDate: '2026-08-31', reason: 'x' }, AUTUMN_2026)).toMatchObject({ ok: false, field: 'toWeek', message: 'Choose this week or a later one.' });
    expect(moveMeeting(start, { ...at, toDate: '2026-10-27', reason: 'x' }, AUTUMN_2026)).toMatchObject({ ok: false, field: 'toWeek', message: 'That week is a school holiday. Choose a week in term.' });
    expect(moveMeeting(start, { ...at, toDate: '2026-09-16', reason: '  ' }, AUTUMN_2026)).toMatchObject({ ok: false, field: 'reason' });
  });
});
