import { CpdLogEntry, academicYearOf, cpdLogEntryId } from '../../src/domain/cpd-record';

describe('the whole CPD record (domain)', () => {
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
