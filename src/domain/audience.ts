import type { Audience } from './session';
import type { Staff } from './staff';

/** Whether a person belongs to a session's audience. */
export function isInAudience(audience: Audience, staff: Pick<Staff, 'id' | 'schoolId' | 'pathway' | 'department' | 'active'>): boolean {
  if (!staff.active) return false;
  switch (audience.kind) {
    case 'trust':
      return true;
    case 'school':
      return staff.schoolId === audience.schoolId;
    case 'pathway':
      return staff.pathway === audience.pathway;
    case 'department':
      return staff.department?.toLowerCase() === audience.department.toLowerCase();
    case 'staff':
      return audience.staffIds.includes(staff.id);
  }
}

/** One text per audience whatever the order or case it was typed in, for deterministic ids. */
export function audienceKey(audience: Audience): string {
  switch (audience.kind) {
    case 'trust':
      return 'trust';
    case 'school':
      return `school:${audience.schoolId}`;
    case 'pathway':
      return `pathway:${audience.pathway}`;
    case 'department':
      return `department:${audience.department.toLowerCase()}`;
    case 'staff':
      return `staff:${[...new Set(audience.staffIds)].sort().join(',')}`;
  }
}
