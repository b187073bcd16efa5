import { CpdLogEntry, cpdLogEntryId } from '../../src/domain/cpd-record';
import { schoolWeeksAfter } from '../../src/domain/impact-follow-up';
import { academicYearOf } from '../../src/domain/budget';

describe('the whole CPD record (domain)', () => {
  test('school weeks skip weeks that are all holiday, not part-holiday ones', () => {
    expect(schoolWeeksAfter('2026-11-24', 6, { holidays: [] })).toBe('2027-01-05');
    const christmas = { holidays: [{ start: '2026-12-21', end: '2027-01-01' }] };
    expect(schoolWeeksAfter('2026-11-24', 6, christmas)).toBe('2027-01-12');
    expect(schoolWeeksAfter('2026-11-24', 1, christmas)).toBe('2026-12-01');
  });

  test('academic years start on 1 September', () => {
    expect(academicYearOf('2026-08-31')).toBe('2025-26');
    expect(academicYearOf('2026-09-01')).toBe('2026-27');
    expect(academicYearOf('2027-03-15')).toBe('2026-27');
    expect(academicYearOf('2099-12-01')).toBe('2099-00');
  });

  test('a logged entry id ignores case and spacing of the title, but not the person or the day', () => {
    expect(cpdLogEntryId('s1', '2026-10-05', ' Reading  Group ')).toBe(cpdLogEntryId('s1', '2026-10-05', 'reading group'));
    expect(cpdLogEntryId('s1', '2026-10-06', 'reading group')).not.toBe(cpdLogEntryId('s1', '2026-10-05', 'reading group'));
    expect(cpdLogEntryId('s2', '2026-10-05', 'reading group')).not.toBe(cpdLogEntryId('s1', '2026-10-05', 'reading group'));
  });

  test('an entry needs positive hours and one of the five types', () => {
    const entry = { tenantId: 't1', id: 'cpd-1', staffId: 's1', what: 'Book', on: '2026-10-05', hours: 2, type: 'reading', learned: 'x', loggedAt: '2026-10-05T09:00:00.000Z' };
    expect(CpdLogEntry.safeParse(entry).success).toBe(true);
    expect(CpdLogEntry.safeParse({ ...entry, hours: 0 }).success).toBe(false);
    expect(CpdLogEntry.safeParse({ ...entry, type: 'holiday' }).success).toBe(false);
  });
});
