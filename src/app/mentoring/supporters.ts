import { MENTOR_ROLE_LABELS, MentorRole, type MentoringLink } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import type { AppDeps } from '../deps';
import { currentLinksOf } from './mentoring-links';

/** One of a person's supporters as `my cpd` and `staff show` say it. */
export interface SupporterLine {
  role: MentorRole;
  roleLabel: string;
  name: string;
  email?: string;
  since: string;
  source: MentoringLink['source'];
}

/** A person's current supporters, named, in the order of the roles (subject mentor first). */
export async function supportersOf(deps: Pick<AppDeps, 'store'>, tenantId: string, menteeId: string, onDate: string): Promise<SupporterLine[]> {
  const links = await currentLinksOf(deps, tenantId, menteeId, onDate);
  if (links.length === 0) return [];
  const people = new Map((await findWhereIn(deps.store.staff, tenantId, 'id', links.map((l) => l.mentorId))).map((s) => [s.id, s]));
  const order = MentorRole.options;
  return links
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((l) => {
      const person = people.get(l.mentorId);
      return { role: l.role, roleLabel: MENTOR_ROLE_LABELS[l.role], name: person?.name ?? 'someone no longer in the staff list', ...(person ? { email: person.email } : {}), since: l.startOn, source: l.source };
    });
}

/** Names of people by id (mentors on a record), one query. */
export async function namesOf(deps: Pick<AppDeps, 'store'>, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await findWhereIn(deps.store.staff, tenantId, 'id', ids)).map((s) => [s.id, s.name]));
}
