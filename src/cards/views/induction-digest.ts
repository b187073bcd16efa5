/** One early-career teacher an induction tutor is tutor for: counts, the latest review's outcome, no notes. */
export interface InductionDigestRow {
  staffId: string;
  name: string;
  /** Meetings held, against those whose week has begun, of all the programme's. */
  held: number;
  dueSoFar: number;
  planned: number;
  overdueMeetings: number;
  overdueActions: number;
  /** The latest progress review: its outcome in words and its term, e.g. "on track (2026-27, term 1)". */
  latestReview?: { outcomeText: string; termText: string; atRisk: boolean };
  /** No subject or professional mentor now: the tutor must find one. */
  noMentor: boolean;
  /** Linked to this tutor, but not on the early-career pathway in the staff list. */
  notOnEctPathway: boolean;
}

/** The induction tutor's fortnightly digest (docs/mentoring.md, "Who sees what"). */
export interface InductionDigestView {
  kind: 'induction-digest';
  tutorName: string;
  /** e.g. "Monday 7 December 2026" */
  dateText: string;
  ects: InductionDigestRow[];
  /** Early-career teachers of the tutor's school with no subject or professional mentor. */
  unmentored: { staffId: string; name: string }[];
  /** Why the unmentored list could not be made (the tutor's school is not in the staff list). */
  unmentoredNote?: string;
}
