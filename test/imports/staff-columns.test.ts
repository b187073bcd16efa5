import { Staff } from '../../src/domain';
import { FIELD_LABELS, type RosterField } from '../../src/imports/roster-headings';
import { STAFF_FIELD_COLUMNS } from '../../src/imports/staff-columns';
import { MENTOR_COLUMNS } from '../../src/imports/roster-mentor-columns';

describe('which roster column fills each staff field', () => {
  test('names every field of a staff record, and only those', () => {
    expect(Object.keys(STAFF_FIELD_COLUMNS).sort()).toEqual(Object.keys(Staff.shape).sort());
  });

  test('every roster column fills some staff field (first and last names make the name)', () => {
    const used = new Set(Object.values(STAFF_FIELD_COLUMNS).flatMap((source) => ('column' in source ? [source.column] : [])));
    // Mentoring columns fill a MentoringLink instead (src/imports/roster-mentor-columns.ts).
    const links = new Set<RosterField>(Object.values(MENTOR_COLUMNS));
    const unused = (Object.keys(FIELD_LABELS) as RosterField[]).filter((field) => !used.has(field) && !links.has(field));
    expect(unused.sort()).toEqual(['lastName']);
  });
});
