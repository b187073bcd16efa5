import type { Audience } from '../domain';
import type { Filter } from './port';

/**
 * The indexed staff query that narrows to an audience's people (isInAudience still decides): a
 * department is matched without regard to case, so it reads every active person. Named staff are
 * read by id instead (findWhereIn).
 */
export function audienceStaffFilter(audience: Exclude<Audience, { kind: 'staff' }>): Filter {
  switch (audience.kind) {
    case 'school':
      return { active: true, schoolId: audience.schoolId };
    case 'pathway':
      return { active: true, pathway: audience.pathway };
    case 'trust':
    case 'department':
      return { active: true };
  }
}
