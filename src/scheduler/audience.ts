import type { Audience, Staff } from '../domain';

/** Who a session is for: active staff matching the audience (trust, school, pathway, department or named). */
export function resolveAudience(audience: Audience, staff: readonly Staff[]): Staff[] {
  const active = staff.filter((s) => s.active);
  switch (audience.kind) {
    case 'trust':
      return active;
    case 'school':
      return active.filter((s) => s.schoolId === audience.schoolId);
    case 'pathway':
      return active.filter((s) => s.pathway === audience.pathway);
    case 'department': {
      const wanted = audience.department.toLowerCase();
      return active.filter((s) => s.department?.toLowerCase() === wanted);
    }
    case 'staff': {
      const named = new Set(audience.staffIds);
      return active.filter((s) => named.has(s.id));
    }
  }
}
