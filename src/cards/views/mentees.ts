/** One of a mentor's current mentees: counts of their meetings and actions, never another mentor's notes. */
export interface MenteeRow {
  staffId: string;
  name: string;
  /** The mentor's role for them, e.g. "subject mentor". */
  roleText: string;
  /** e.g. "week of Monday 7 December: Behaviour routines"; absent when none is planned. */
  nextMeetingText?: string;
  held: number;
  /** Meetings of the programme not cancelled, past and to come. */
  planned: number;
  /** Planned meetings whose week ended without them. */
  overdue: number;
  openActions: number;
  overdueActions: number;
}

/** A mentor's `mentees`: only the people they mentor, coach or are induction tutor for now. */
export interface MenteesView {
  kind: 'mentees';
  mentorName: string;
  /** e.g. "Friday 20 November" */
  todayText: string;
  mentees: MenteeRow[];
}
