import { linkHoldsOn, type MentoringLink, type MentoringMeeting, type ProgressReview, type ReviewOutcome, type Staff, type Tenant } from '../../domain';
import { hasMentorOn, latestReview, meetingProgress } from '../../domain/mentoring-progress';
import type { InductionDigestRow, InductionDigestView } from '../../cards/views/induction-digest';

const OUTCOME_TEXT: Record<ReviewOutcome, string> = { 'on-track': 'on track', 'some-concerns': 'some concerns', 'at-risk': 'at risk' };

export const SCHOOL_UNKNOWN_NOTE =
  'Your school is not given in the staff list, so early-career teachers without a mentor cannot be listed for you: ask the CPD lead to add it.';

/** Everything the digest may draw on. Extra records are harmless: the builder keeps only the tutor's own. */
export interface InductionDigestInput {
  tenant: Tenant;
  tutor: Staff;
  /** The tutor's links and those of every candidate (mentors are judged from them). */
  links: readonly MentoringLink[];
  /** Candidates: the tutor's early-career teachers and the tenant's; only the tutor's own and their school's are used. */
  staff: readonly Staff[];
  meetings: readonly MentoringMeeting[];
  reviews: readonly ProgressReview[];
  /** The local day (YYYY-MM-DD). */
  today: string;
  /** e.g. "Monday 7 December 2026" */
  dateText: string;
}

/** The people a tutor is induction tutor for today (a current 'induction-tutor' link), active, in name order. */
export function tuteesOf(tutor: Pick<Staff, 'id' | 'tenantId'>, links: readonly MentoringLink[], staff: readonly Staff[], today: string): Staff[] {
  const ids = new Set(links.filter((l) => l.tenantId === tutor.tenantId && l.mentorId === tutor.id && l.role === 'induction-tutor' && linkHoldsOn(l, today)).map((l) => l.menteeId));
  return staff.filter((s) => s.tenantId === tutor.tenantId && s.active && ids.has(s.id)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Whether a person is of the tutor's school: in a stand-alone school (no schools listed) everyone
 * is; in a trust, only those with the tutor's own school (undefined: the tutor's school is unknown).
 */
function sameSchool(tenant: Tenant, tutor: Staff): ((s: Staff) => boolean) | undefined {
  if (tenant.schools.length === 0) return () => true;
  if (!tutor.schoolId) return undefined;
  return (s) => s.schoolId === tutor.schoolId;
}

/**
 * The induction tutor's fortnightly digest (pure). Privacy: only the early-career teachers they are
 * induction tutor for, and the unmentored early-career teachers of their own school; counts and a
 * review's outcome, never a meeting's notes, a reflection or a review's summary.
 */
export function buildInductionDigest(input: InductionDigestInput): InductionDigestView {
  const { tenant, tutor, today } = input;
  const own = <T extends { tenantId: string }>(items: readonly T[]): T[] => items.filter((i) => i.tenantId === tenant.id);
  const links = own(input.links);
  const staff = tutor.tenantId === tenant.id ? own(input.staff) : [];
  const tutees = tuteesOf(tutor, links, staff, today);
  const ids = new Set(tutees.map((t) => t.id));
  const meetings = own(input.meetings).filter((m) => ids.has(m.menteeId));
  const reviews = own(input.reviews).filter((r) => ids.has(r.menteeId));

  const ects: InductionDigestRow[] = tutees.map((person) => {
    const progress = meetingProgress(meetings.filter((m) => m.menteeId === person.id), today);
    const review = latestReview(reviews.filter((r) => r.menteeId === person.id));
    return {
      staffId: person.id,
      name: person.name,
      held: progress.held,
      dueSoFar: progress.dueSoFar,
      planned: progress.planned,
      overdueMeetings: progress.overdue,
      overdueActions: progress.overdueActions,
      ...(review ? { latestReview: { outcomeText: OUTCOME_TEXT[review.outcome], termText: `${review.year}, term ${review.term}`, atRisk: review.outcome === 'at-risk' } } : {}),
      noMentor: !hasMentorOn(person.id, links, today),
      notOnEctPathway: person.pathway !== 'ect',
    };
  });

  const inSchool = sameSchool(tenant, tutor);
  const unmentored = inSchool
    ? staff
        .filter((s) => s.active && s.pathway === 'ect' && inSchool(s) && !hasMentorOn(s.id, links, today))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .map((s) => ({ staffId: s.id, name: s.name }))
    : [];
  return {
    kind: 'induction-digest',
    tutorName: tutor.name,
    dateText: input.dateText,
    ects,
    unmentored,
    ...(inSchool ? {} : { unmentoredNote: SCHOOL_UNKNOWN_NOTE }),
  };
}
