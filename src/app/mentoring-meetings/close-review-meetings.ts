import { MentoringMeeting, SchoolCalendar, termsOfYear, type ProgressReview } from '../../domain';
import type { AppDeps } from '../deps';

/**
 * A recorded progress review is the term's `progress-review` meeting held: without this the
 * meeting stayed planned and the induction digest and `mentees` counted it overdue once its week
 * ended. It is marked held with no meeting record (the review is its record, and no minutes are
 * guessed onto the person's CPD record). Each write is under its ETag; a meeting changed at the
 * same moment is read again once, and left alone if it is no longer planned.
 */
export async function closeReviewMeetings(deps: Pick<AppDeps, 'store'>, review: ProgressReview): Promise<number> {
  const { store } = deps;
  const calendar = (await store.calendars.get(review.tenantId, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId: review.tenantId });
  const term = termsOfYear(calendar, review.year)[review.term - 1]!;
  const inTerm = (m: MentoringMeeting) => m.kind === 'progress-review' && m.status === 'planned' && term.start <= m.weekStart && m.weekStart <= term.end;
  let closed = 0;
  for (const row of await store.mentoringMeetings.find(review.tenantId, { where: { menteeId: review.menteeId } })) {
    let read: { value: MentoringMeeting; version: string } | undefined = row;
    for (let attempt = 0; attempt < 2 && read && inTerm(read.value); attempt++) {
      const put = await store.mentoringMeetings.put(MentoringMeeting.parse({ ...read.value, status: 'held', updatedAt: review.recordedAt }), { ifVersion: read.version });
      if (put.ok) {
        closed++;
        break;
      }
      read = await store.mentoringMeetings.get(review.tenantId, read.value.id);
    }
  }
  return closed;
}
