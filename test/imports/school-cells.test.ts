import fc from 'fast-check';
import { parseSchoolTime, parseTimeRange, SchoolDateCell } from '../../src/imports/school-cells';
import { parseSchoolDate } from '../../src/imports/calendar-entries';

describe('dates and times as a school spreadsheet gives them', () => {
  it('reads the times schools write: 24-hour with a colon, dot or seconds, four digits, am / pm, noon', () => {
    const cases: [string, string | undefined][] = [
      ['16:00', '16:00'],
      ['9:05', '09:05'],
      ['16.00', '16:00'],
      ['16:00:00', '16:00'],
      ['1545', '15:45'],
      ['4pm', '16:00'],
      ['4 PM', '16:00'],
      ['3.45pm', '15:45'],
      ['3:45 p.m.', '15:45'],
      ['12pm', '12:00'],
      ['12am', '00:00'],
      ['noon', '12:00'],
      ['25:00', undefined],
      ['13pm', undefined],
      ['4:75', undefined],
      ['after school', undefined],
      ['', undefined],
    ];
    expect(cases.map(([text]) => [text, parseSchoolTime(text)])).toEqual(cases);
  });

  it('every HH:MM reads as itself, and as the same time written with am / pm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (hour, minute) => {
        const hhmm = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const twelve = `${hour % 12 === 0 ? 12 : hour % 12}.${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`;
        expect(parseSchoolTime(hhmm)).toBe(hhmm);
        expect(parseSchoolTime(twelve)).toBe(hhmm);
      }),
    );
  });

  it('reads a session\'s times from one cell: "15:45-17:00", "3.45pm – 5pm", "3.45 - 5pm", "11 - 1pm", "4pm to 5.30pm"', () => {
    expect(parseTimeRange('15:45-17:00')).toEqual({ start: '15:45', end: '17:00' });
    expect(parseTimeRange('3.45pm – 5pm')).toEqual({ start: '15:45', end: '17:00' });
    expect(parseTimeRange('3.45 - 5pm')).toEqual({ start: '15:45', end: '17:00' });
    expect(parseTimeRange('11 - 1pm')).toEqual({ start: '11:00', end: '13:00' });
    expect(parseTimeRange('4pm to 5.30pm')).toEqual({ start: '16:00', end: '17:30' });
    expect(parseTimeRange('15:45')).toBeUndefined();
    expect(parseTimeRange('after school - late')).toBeUndefined();
  });

  it('reads the dates schools write, with the midnight Excel adds to a date-and-time cell', () => {
    for (const text of ['2026-11-24', '24/11/2026', '24/11/26', '24-11-2026', '24.11.2026', '24 November 2026', 'Tue 24 Nov 2026', 'Tuesday 24th November 2026', '24/11/2026 00:00', '24/11/2026 00:00:00', '2026-11-24T00:00:00', '2026-11-24 00:00:00.000']) {
      expect([text, parseSchoolDate(text)]).toEqual([text, '2026-11-24']);
    }
    expect(parseSchoolDate('24/11/2026 14:30')).toBeUndefined();
    expect(parseSchoolDate('31/02/2026')).toBeUndefined();
  });

  it('a date cell refuses what is not a date, and a slip of a year, saying what it takes', () => {
    const bad = SchoolDateCell.safeParse('next Tuesday');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"next Tuesday" is not a date (use 24/11/2026, 2026-11-24 or 24 November 2026)');
    expect(SchoolDateCell.safeParse('24/11/1826').success).toBe(false);
    expect(SchoolDateCell.parse('24/11/2026')).toBe('2026-11-24');
  });
});
