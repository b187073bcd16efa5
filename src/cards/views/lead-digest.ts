import type { UndeliveredSummary } from './setup';

/** A session of the week the lead digest reports on; the figures are those `report <title>` gives. */
export interface LeadDigestHeldSession {
  sessionId: string;
  title: string;
  whenText: string;
  invited: number;
  accepted: number;
  attended: number;
  responses: number;
  responseRate?: number;
  registerTaken: boolean;
}

export interface LeadDigestComingSession {
  sessionId: string;
  title: string;
  whenText: string;
  placesTaken: number;
  capacity?: number;
  waitlist: number;
}

export interface LeadDigestQuestionnaire {
  questionnaireId: string;
  title: string;
  responses: number;
  /** Those it went to: a session's attendees, or a survey's recipients. */
  asked: number;
  responseRate?: number;
  closesText: string;
}

/** One week of the programme digest's trend: attendances and the response rate. */
export interface LeadDigestWeek {
  /** The week's Monday, e.g. "16 Nov". */
  label: string;
  sessions: number;
  attended: number;
  responseRate?: number;
}

/** Something the lead can act on, and the command that shows more when there is one. */
export interface LeadDigestAttention {
  text: string;
  command?: string;
}

/** One school's mentoring this school year (docs/mentoring.md): counts only, like the rest of the digest. */
export interface LeadDigestMentoringLine {
  school: string;
  /** Mentoring meetings held this school year, against those due so far (their week has begun). */
  held: number;
  dueSoFar: number;
  /** Active staff on the early-career pathway with no subject or professional mentor today. */
  ectsWithoutMentor: number;
}

/** The CPD lead's weekly programme digest: programme aggregates only, never a named person. */
export interface LeadDigestView {
  kind: 'lead-digest';
  leadName: string;
  /** The week reported on, e.g. "16–22 November 2026". */
  weekText: string;
  /** The days "coming up" covers, e.g. "23–29 November 2026". */
  comingText: string;
  attention: LeadDigestAttention[];
  held: LeadDigestHeldSession[];
  /** Reaction averages over the week's sessions, or why there are none. */
  reactionSummary: { text: string } | { withheld: string };
  coming: LeadDigestComingSession[];
  openQuestionnaires: LeadDigestQuestionnaire[];
  /** Rows left out of the lists above to keep the message short. */
  notShown: { attention: number; held: number; coming: number; openQuestionnaires: number };
  gapTasks: { open: number; awaitingPlan: number; dueSoon: number; overdue: number; reportedThisWeek: number };
  /** "Yes" answers to the further-CPD question given this week. */
  furtherCpdRequests: number;
  /** Impact follow-ups (docs/evaluation.md) still due: from the person, and then from their line manager. */
  impactFollowUps?: { awaitingAnswer: number; awaitingManager: number };
  moreCommands: { command: string; text: string }[];
  /** Signed link to the lead's full report page (the year, charts and tables), when links are on. */
  fullReportUrl?: string;
  /** The last few weeks, oldest first, ending with `weekText`'s: the attendance and response-rate trend. */
  weeks?: LeadDigestWeek[];
  /** Slack only: chart id → signed PNG link (Block Kit has no chart element). */
  chartImages?: Record<string, string>;
  /** A school's own CPD lead's digest (issue 26): the school it covers, e.g. "Huntingdon Academy only: …". */
  scopeText?: string;
  /** Messages of the week that could not be delivered, and why: counts only, like the rest of the digest. */
  undelivered?: UndeliveredSummary;
  /** A line per school once mentoring is in use (meetings this year, or early-career teachers). */
  mentoring?: LeadDigestMentoringLine[];
}
