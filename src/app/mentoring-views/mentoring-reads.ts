import type { MentoringMeeting, ProgressReview, Staff } from '../../domain';
import { findWhereIn } from '../../store/find-in';
import type { Store } from '../../store/store';

/**
 * The reads the mentoring views make besides the links (those, and the early-career teachers, are
 * read through `../mentoring`), each by an indexed field and bounded by the people it is given.
 */

export function meetingsOfMentees(store: Store, tenantId: string, menteeIds: readonly string[]): Promise<MentoringMeeting[]> {
  return findWhereIn(store.mentoringMeetings, tenantId, 'menteeId', menteeIds);
}

export function reviewsOfMentees(store: Store, tenantId: string, menteeIds: readonly string[]): Promise<ProgressReview[]> {
  return findWhereIn(store.progressReviews, tenantId, 'menteeId', menteeIds);
}

export function staffByIds(store: Store, tenantId: string, ids: readonly string[]): Promise<Staff[]> {
  return findWhereIn(store.staff, tenantId, 'id', ids);
}
