import type { MentoringLink, MentoringMeeting, ProgressReview, Staff } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import type { Store } from '../../store/store';

/**
 * The few reads the mentoring views make, each by an indexed field (the lead merges these with
 * the relationship feature's own readers later). Every reader is bounded by the people it is given.
 */

/** Every link (current or not) in which a person supports someone, in any role. */
export async function linksOfMentor(store: Store, tenantId: string, mentorId: string): Promise<MentoringLink[]> {
  return (await store.mentoringLinks.find(tenantId, { where: { mentorId } })).map((v) => v.value);
}

/** Every link (current or not) of the given people as mentees. */
export function linksOfMentees(store: Store, tenantId: string, menteeIds: readonly string[]): Promise<MentoringLink[]> {
  return findWhereIn(store.mentoringLinks, tenantId, 'menteeId', menteeIds);
}

export function meetingsOfMentees(store: Store, tenantId: string, menteeIds: readonly string[]): Promise<MentoringMeeting[]> {
  return findWhereIn(store.mentoringMeetings, tenantId, 'menteeId', menteeIds);
}

export function reviewsOfMentees(store: Store, tenantId: string, menteeIds: readonly string[]): Promise<ProgressReview[]> {
  return findWhereIn(store.progressReviews, tenantId, 'menteeId', menteeIds);
}

export function staffByIds(store: Store, tenantId: string, ids: readonly string[]): Promise<Staff[]> {
  return findWhereIn(store.staff, tenantId, 'id', ids);
}

/** The active early-career teachers (pathway 'ect') of the whole tenant. */
export async function activeEcts(store: Store, tenantId: string): Promise<Staff[]> {
  return (await store.staff.find(tenantId, { where: { pathway: 'ect', active: true } })).map((v) => v.value);
}
