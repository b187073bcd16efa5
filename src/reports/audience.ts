import type { Audience, Staff } from '../domain';

/** Whether a member of staff is in a session's audience (the people invited). */
export function isInAudience(person: Pick<Staff, 'id' | 'schoolId' | 'pathway' | 'department' | 'active'>, audience: Audience): boolean {
  if (!person.active) return false;
  switch (audience.kind) {
    case 'trust':
      return true;
    case 'school':
      return person.schoolId === audience.schoolId;
    case 'pathway':
      return person.pathway === audience.pathway;
    case 'department':
      return person.department?.toLowerCase() === audience.department.toLowerCase();
    case 'staff':
      return audience.staffIds.includes(person.id);
  }
}
