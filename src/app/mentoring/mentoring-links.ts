import { currentLinkOf, type MentoringLink, type MentorRole, type Staff } from '../../domain';
import { currentLinks } from '../../domain/mentoring-progress';
import { findWhereIn } from '../../store/find-in';
import type { AppDeps } from '../deps';
import type { Filter } from '../../store/port';

/**
 * The store reads of who supports whom (issue 30). Every mentoring feature (the roster, the lead's
 * `mentor` command, `my cpd`, the reminders, the tutor's digest, `mentees`, the lead's digest line)
 * reads links through these, and picks among them with the domain's rules (`linkHoldsOn`, `currentLinks`,
 * `currentLinkOf`), so "current on a day" means one thing everywhere (start and end inclusive).
 */

type LinkDeps = Pick<AppDeps, 'store'>;

/** Every link of a mentee, past and present, oldest first. */
export async function linksOf(deps: LinkDeps, tenantId: string, menteeId: string): Promise<MentoringLink[]> {
  const found = await deps.store.mentoringLinks.find(tenantId, { where: { menteeId } });
  return found.map((v) => v.value).sort(byStart);
}

/** Every link (current or not) of the given people as mentees, read by the indexed field in bounded batches. */
export function linksOfMentees(deps: LinkDeps, tenantId: string, menteeIds: readonly string[]): Promise<MentoringLink[]> {
  return findWhereIn(deps.store.mentoringLinks, tenantId, 'menteeId', menteeIds);
}

/** A mentee's links holding on a local day: at most one per role when written through `setMentor`. */
export async function currentLinksOf(deps: LinkDeps, tenantId: string, menteeId: string, onDate: string): Promise<MentoringLink[]> {
  return currentLinks(await linksOf(deps, tenantId, menteeId), onDate);
}

/** The mentee's supporter in one role on a day, if any. */
export async function currentLinkInRole(
  deps: LinkDeps,
  tenantId: string,
  menteeId: string,
  role: MentorRole,
  onDate: string,
): Promise<MentoringLink | undefined> {
  return currentLinkOf(await linksOf(deps, tenantId, menteeId), menteeId, role, onDate);
}

/** The links in which a person supports others on a day (optionally in one role): "my mentees". */
export async function currentMenteeLinksOf(
  deps: LinkDeps,
  tenantId: string,
  mentorId: string,
  onDate: string,
  role?: MentorRole,
): Promise<MentoringLink[]> {
  const found = await deps.store.mentoringLinks.find(tenantId, { where: role ? { mentorId, role } : { mentorId } });
  return currentLinks(found.map((v) => v.value), onDate).sort(byStart);
}

/** The ids of the people a person supports on a day (any role unless one is named), each once. */
export async function currentMenteesOf(deps: LinkDeps, tenantId: string, mentorId: string, onDate: string, role?: MentorRole): Promise<string[]> {
  return [...new Set((await currentMenteeLinksOf(deps, tenantId, mentorId, onDate, role)).map((l) => l.menteeId))];
}

/**
 * The early-career teachers (pathway 'ect', active) of a school, or of the whole tenant when `schoolId`
 * is undefined (a single-school tenant): whom an induction tutor sees.
 */
export async function earlyCareerTeachersOf(deps: LinkDeps, tenantId: string, schoolId?: string): Promise<Staff[]> {
  const where: Filter = schoolId === undefined ? { pathway: 'ect', active: true } : { pathway: 'ect', active: true, schoolId };
  const found = await deps.store.staff.find(tenantId, { where });
  return found.map((v) => v.value).sort((a, b) => a.name.localeCompare(b.name));
}

function byStart(a: MentoringLink, b: MentoringLink): number {
  return a.startOn.localeCompare(b.startOn) || a.role.localeCompare(b.role);
}
