import { mondayOf } from './school-weeks';
import { linkHoldsOn, type AgreedAction, type MentoringLink, type MentoringMeeting, type MentorRole, type ProgressReview } from './mentoring';

/**
 * How far a person's mentoring has got, as the views that oversee it count it (issue 30 item 5,
 * docs/mentoring.md "Who sees what"): the mentor's `mentees`, the induction tutor's digest, the
 * lead's programme digest and the governors' counts all count with these, so they agree.
 */

/** The roles that make someone a person's mentor: a coach or an induction tutor alone is not one. */
export const MENTOR_ROLES: readonly MentorRole[] = ['subject-mentor', 'professional-mentor'];

/** The links that hold on a local day. */
export function currentLinks<T extends Pick<MentoringLink, 'startOn' | 'endOn'>>(links: readonly T[], today: string): T[] {
  return links.filter((l) => linkHoldsOn(l, today));
}

/** Whether a person has a subject or professional mentor on a local day. */
export function hasMentorOn(menteeId: string, links: readonly MentoringLink[], today: string): boolean {
  return links.some((l) => l.menteeId === menteeId && MENTOR_ROLES.includes(l.role) && linkHoldsOn(l, today));
}

/** A planned meeting whose school week has ended without it being held (or moved on). */
export function isMeetingOverdue(meeting: Pick<MentoringMeeting, 'status' | 'weekStart'>, today: string): boolean {
  return meeting.status === 'planned' && meeting.weekStart < mondayOf(today);
}

/** An agreed action not done by its day. */
export function isActionOverdue(action: AgreedAction, today: string): boolean {
  return action.doneAt === undefined && action.dueOn < today;
}

export interface MeetingProgress {
  /** Meetings recorded as held. */
  held: number;
  /** Meetings whose week has begun (or that were held early): what "held so far" is measured against. */
  dueSoFar: number;
  /** Every meeting of the programme not cancelled, past and to come. */
  planned: number;
  /** Planned meetings whose week ended without them. */
  overdue: number;
  /** Actions agreed at held meetings and not yet done. */
  openActions: number;
  overdueActions: number;
  /** The next planned meeting from this week on. */
  next?: MentoringMeeting;
}

/** One person's (or one role's) meetings counted on a local day. */
export function meetingProgress(meetings: readonly MentoringMeeting[], today: string): MeetingProgress {
  const live = meetings.filter((m) => m.status !== 'cancelled');
  const thisWeek = mondayOf(today);
  const held = live.filter((m) => m.status === 'held');
  const actions = held.flatMap((m) => m.record?.actions ?? []);
  const open = actions.filter((a) => a.doneAt === undefined);
  const next = live
    .filter((m) => m.status === 'planned' && m.weekStart >= thisWeek)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart) || a.id.localeCompare(b.id))[0];
  return {
    held: held.length,
    dueSoFar: live.filter((m) => m.status === 'held' || m.weekStart <= today).length,
    planned: live.length,
    overdue: live.filter((m) => isMeetingOverdue(m, today)).length,
    openActions: open.length,
    overdueActions: open.filter((a) => isActionOverdue(a, today)).length,
    ...(next ? { next } : {}),
  };
}

/** A person's latest progress review: the latest year and term, then the latest recorded. */
export function latestReview(reviews: readonly ProgressReview[]): ProgressReview | undefined {
  return [...reviews].sort((a, b) => b.year.localeCompare(a.year) || b.term - a.term || b.recordedAt.localeCompare(a.recordedAt))[0];
}
