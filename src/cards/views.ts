import { z } from 'zod';
import { Id, type FieldErrors, type Question, type RsvpAnswer } from '../domain';
import type { FileImportView, SetupView, UndeliveredSummary, UnreachableView } from './setup-views';

/**
 * View models: plain data that each card builder takes. Use cases produce them; the Adaptive
 * Card renderer (src/cards/adaptive, Teams) and the Block Kit renderer (src/cards/blockkit,
 * Slack) turn each into platform JSON. No platform type appears here.
 */

/** Every button's meaning. Platforms route Action.Execute verbs / Slack action_ids through this table. */
export const CARD_VERBS = [
  'rsvp.yes',
  'rsvp.no',
  'questionnaire.open',
  'questionnaire.submit',
  'gap.plan.open',
  'gap.plan.submit',
  'gap.report.open',
  'gap.report.submit',
  'nudge.snooze',
  'session.create',
  'session.form.open',
  'session.update',
  'session.cancel',
  'register.open',
  'register.submit',
  'refresh',
  'survey.send',
  'request.form.open',
  'request.submit',
  'request.open',
  'request.approve',
  'request.decline.open',
  'request.decline',
  'request.ask.open',
  'request.ask',
  'request.book.open',
  'request.book',
  'request.withdraw',
  'request.cancel',
  'request.attended',
  'request.not-attended',
  'request.course-cancelled',
  'cpd.log.submit',
  'cpd.log.open',
  'impact.open',
  'impact.submit',
  'impact.long.open',
  'impact.long.submit',
  'needs.submit',
  'file.import',
  'file.publish',
  'file.leavers',
  'file.cancel',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** The verbs that send a form's inputs (Teams: `withInputs`; Slack: a modal's callback_id). */
export const SUBMIT_VERBS = [
  'questionnaire.submit',
  'gap.plan.submit',
  'gap.report.submit',
  'session.create',
  'session.update',
  'register.submit',
  'survey.send',
  'request.submit',
  'request.decline',
  'request.ask',
  'request.book',
  'cpd.log.submit',
  'impact.submit',
  'impact.long.submit',
  'needs.submit',
] as const satisfies readonly CardVerb[];
export type SubmitVerb = (typeof SUBMIT_VERBS)[number];

/**
 * What a button carries back: the verb and the ids it acts on, parsed before anything acts on it.
 * Never a tenant id: that comes from the identity.
 */
export const CardActionSchema = z.object({
  verb: z.enum(CARD_VERBS),
  sessionId: Id.optional(),
  questionnaireId: Id.optional(),
  gapTaskId: Id.optional(),
  requestId: Id.optional(),
  /** The list the button sits in: the answer is that list again, with the row changed. */
  from: z.enum(['session-list', 'my-record']).optional(),
  impactFollowUpId: Id.optional(),
  /** A logged CPD entry of the person's own (correct or remove it). */
  logId: Id.optional(),
  /** A file sent to the bot, waiting for Import or Cancel. */
  fileImportId: Id.optional(),
});
export type CardAction = z.infer<typeof CardActionSchema>;

/** What a button may carry besides its verb (the ids it acts on, the list it sits in); every other key of a submitted card is a form input. */
export const CARD_ACTION_TARGETS = Object.keys(CardActionSchema.shape).filter((key) => key !== 'verb') as Exclude<keyof CardAction, 'verb'>[];

export interface SessionSummary {
  sessionId: string;
  title: string;
  categoryLabel: string;
  kindLabel: string;
  /** e.g. "Tuesday 24 November, 16:00–17:30" in the tenant's zone. */
  whenText: string;
  startsAt: string;
  endsAt: string;
  place?: string;
  meetingUrl?: string;
  facilitatorText?: string;
  compulsory: boolean;
  /** Places left when the session has a capacity. */
  placesLeft?: number;
  rsvp?: RsvpAnswer;
}

export interface Notice {
  tone: 'info' | 'good' | 'warning' | 'attention';
  text: string;
}

export interface InvitationView {
  kind: 'invitation';
  session: SessionSummary;
  description?: string;
  intent?: string;
  /** Why this message: a new invitation, a change, a cancellation, a place freed from the waitlist. */
  reason: 'invitation' | 'changed' | 'cancelled' | 'waitlist-promoted';
  notice?: Notice;
  /** Link to the session's .ics file, when the server has a public URL. */
  calendarUrl?: string;
  /** False once cancelled or started: no RSVP buttons. */
  canRespond: boolean;
}

export interface ReminderView {
  kind: 'reminder';
  session: SessionSummary;
  when: 'day-before' | 'hour-before';
  canRespond: boolean;
}

export interface QuestionnaireView {
  kind: 'questionnaire';
  questionnaireId: string;
  title: string;
  sessionTitle?: string;
  anonymous: boolean;
  questions: Question[];
  closesText: string;
  state: 'open' | 'closed' | 'answered';
  /** The person's input, kept when the card comes back with errors. */
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  notice?: Notice;
  /** A reminder to someone who has not answered yet. */
  isReminder?: boolean;
}

export interface ThankYouView {
  kind: 'thank-you';
  title: string;
  text: string;
  /** What they answered, for named questionnaires (never for anonymous ones). */
  summary?: { label: string; value: string }[];
}

export interface GapTaskFormView {
  kind: 'gap-plan' | 'gap-report';
  gapTaskId: string;
  sessionTitle: string;
  intent: string;
  task: string;
  dueText: string;
  state: 'open' | 'done';
  /** For the report: the plan made after session one, shown as a reminder. */
  planSummary?: { label: string; value: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

export interface NudgeView {
  kind: 'nudge';
  gapTaskId: string;
  sessionTitle: string;
  stage: 'plan' | 'report';
  dueText: string;
  urgency: 'early' | 'soon' | 'tomorrow' | 'overdue';
  snoozedUntilText?: string;
  done: boolean;
}

export interface DigestReportRow {
  staffId: string;
  name: string;
  attendedThisWeek: string[];
  questionnairesOutstanding: number;
  gapTasksOutstanding: number;
  gapTasksOverdue: number;
  /** Quotes from impact reports the person chose to share. */
  impactNotes: string[];
}

export interface ManagerDigestView {
  kind: 'manager-digest';
  managerName: string;
  weekText: string;
  reports: DigestReportRow[];
  totals: { attended: number; questionnairesOutstanding: number; gapTasksOutstanding: number; gapTasksOverdue: number };
  /** Team reaction averages, or the reason they are withheld (fewer answers than the minimum). */
  reactionSummary: { text: string } | { withheld: string };
  /** Slack only: chart id → signed PNG link (Block Kit has no chart element). */
  chartImages?: Record<string, string>;
}

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
  /** Messages of the week that could not be delivered, and why: counts only, like the rest of the digest. */
  undelivered?: UndeliveredSummary;
}

export interface RatingSummary {
  questionId: string;
  prompt: string;
  count: number;
  mean?: number;
  /** Counts of 1..5. */
  distribution: [number, number, number, number, number];
}

export interface LeadReportView {
  kind: 'lead-report';
  session: SessionSummary;
  invited: number;
  accepted: number;
  attended: number;
  responses: number;
  responseRate?: number;
  ratings: RatingSummary[];
  furtherCpdRequests: number;
  commentThemes: { theme: string; count: number; examples: string[] }[];
  withheld?: string;
  /** Signed link to the lead's full report page, when links are on and the reader is the lead. */
  fullReportUrl?: string;
  /** Slack only: chart id → signed PNG link (Block Kit has no chart element). */
  chartImages?: Record<string, string>;
  /** Evaluation by level (docs/evaluation.md): asked, answered, and the result once enough answered. */
  levels?: { level: string; asked: number; answered: number; result?: string }[];
  /** This session's messages that could not be delivered, and why (names for CPD leads only). */
  undelivered?: UndeliveredSummary;
}

/** A questionnaire the person may still answer (missed, or put off), with an "Answer now" button. */
export interface OpenQuestionnaireRow {
  questionnaireId: string;
  title: string;
  sessionTitle?: string;
  closesText: string;
  anonymous: boolean;
}

/** One line of a person's record: a session they attended (sessionId) or CPD they logged themselves (logId). */
export interface MyRecordRow {
  sessionId?: string;
  logId?: string;
  /** e.g. "2026-27". */
  year?: string;
  month: string;
  cpd: string;
  hours?: number;
  impact?: string;
  certificateUrl?: string;
}

export interface MyRecordView {
  kind: 'my-record';
  name: string;
  /** "Every Teacher a Learner" (docs/policy-sources.md): month, CPD accessed, impact. */
  rows: MyRecordRow[];
  /** Academic years (1 September start) with the hours in each, oldest first; the rows carry their year. */
  years?: { year: string; hours: number; entries: number }[];
  /** Formal qualifications (NPQs, HLTA, degrees), e.g. { title: 'NPQSL', datesText: 'Awarded July 2025' }. */
  qualifications?: { title: string; datesText: string }[];
  /** Statutory training and when it lapses; `lapsed` when it already has. */
  statutory?: { topic: string; expiresText: string; lapsed: boolean }[];
  upcoming: SessionSummary[];
  openTasks: { gapTaskId: string; sessionTitle: string; dueText: string; stage: 'plan' | 'report'; overdue: boolean }[];
  /** Their record as a CSV file, for a performance review. */
  exportUrl?: string;
  openQuestionnaires?: OpenQuestionnaireRow[];
  /** The same record as a printable page. */
  printUrl?: string;
}

export interface SessionListView {
  kind: 'session-list';
  sessions: SessionSummary[];
  emptyText: string;
}

export interface TaskListView {
  kind: 'task-list';
  tasks: MyRecordView['openTasks'];
  emptyText: string;
  openQuestionnaires?: OpenQuestionnaireRow[];
}

export interface HelpView {
  kind: 'help';
  isLead: boolean;
  commands: { command: string; text: string }[];
}

export interface NoticeView {
  kind: 'notice';
  title?: string;
  notice: Notice;
  /** For a refused form that has no card of its own (e.g. Slack's new-session modal): what to mark beside each field. */
  errors?: FieldErrors;
}

/** A lead's new-session form (Teams card; Slack renders the same fields as a modal). */
export interface SessionFormView {
  kind: 'session-form';
  /** Set when editing an existing session; absent for a new one. */
  sessionId?: string;
  /** Sessions this one can lead on to, for the follow-up link. */
  followUpOptions: { sessionId: string; label: string }[];
  /** The trust's schools, for a school audience. */
  schools: { id: string; name: string }[];
  /** The reaction questionnaires to choose from (the default first); no choice is shown for one. */
  questionnaireTemplates?: { id: string; name: string }[];
  /** The person's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** A lead's "new survey" form: which template, who is asked, until when, and whether answers are anonymous. */
export interface SurveyFormView {
  kind: 'survey-form';
  templates: { id: string; name: string; questionCount: number }[];
  /** The tenant's schools, so the lead can name one. */
  schools: { id: string; name: string }[];
  /** YYYY-MM-DD in the tenant's zone: the suggested closing date and the range allowed. */
  closesOn: string;
  earliestClosesOn: string;
  latestClosesOn: string;
  /** The lead's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** One Likert statement's answers. */
export interface LikertSummary {
  questionId: string;
  prompt: string;
  /** The area heading the statement sits under (docs/surveys.md). */
  section?: string;
  count: number;
  /** Counts in LIKERT_CHOICES order: strongly agree, agree, disagree, strongly disagree, don't know. */
  distribution: [number, number, number, number, number];
  /** Strongly agree + agree, as a share of all answers to the statement. */
  agreeShare?: number;
}

export interface SurveyResultsView {
  kind: 'survey-results';
  questionnaireId: string;
  title: string;
  audienceText: string;
  /** e.g. "Open until Friday 4 December at 23:59" or "Closed Friday 4 December at 23:59". */
  statusText: string;
  anonymous: boolean;
  /** Active staff in the audience now. */
  asked: number;
  responses: number;
  responseRate?: number;
  statements: LikertSummary[];
  commentThemes: { theme: string; count: number; examples: string[] }[];
  /** Set instead of any figure when there are fewer responses than the tenant's minimum. */
  withheld?: string;
}

/** A lead about to cancel a session (a button to confirm), or the session once cancelled. */
export interface SessionCancelView {
  kind: 'session-cancel';
  session: SessionSummary;
  /** People booked on, who will be told. */
  bookedCount: number;
  cancelled: boolean;
}

/** A register toggle's input id: `present:<staffId>`, 'true' or 'false' (Teams Input.Toggle; Slack maps its checkboxes to the same). */
export const PRESENT_INPUT_PREFIX = 'present:';

/** One person on a register. */
export interface RegisterRow {
  staffId: string;
  name: string;
  /** Where the toggle starts: what was recorded, else whether they said yes. */
  present: boolean;
  /** Whether attendance is recorded for them (false until a register with them on it is saved). */
  marked: boolean;
  /** Their answer to the invitation; absent when an audience member never answered. */
  rsvp?: RsvpAnswer;
}

/** A facilitator's or CPD lead's register for one session (`register <title>`). */
export interface RegisterView {
  kind: 'register';
  session: SessionSummary;
  /** Those who said yes, and for a compulsory session its whole audience; sorted by name. */
  expected: RegisterRow[];
  /** The waiting list, shown apart; sorted by name. */
  waitlist: RegisterRow[];
  /** Whether any attendance has been recorded for the session. */
  taken: boolean;
  notice?: Notice;
}

/** A member of staff's "request cpd" form (Teams card; Slack modal), kept filled in when refused. */
export interface CpdRequestFormView {
  kind: 'cpd-request-form';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** `log cpd`: CPD done outside the bot's sessions, for the person's own record. */
export interface CpdLogFormView {
  kind: 'cpd-log-form';
  /** YYYY-MM-DD in the tenant's zone: the suggested day and the latest allowed (no future CPD). */
  today: string;
  /** The person's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
  /** Correcting an entry already logged: its id, and the form offers to remove it. */
  logId?: string;
}

/** Who is looking at a request card decides its buttons; the facts are the same for everyone. */
export type CpdRequestAudience = 'requester' | 'approver' | 'booker' | 'observer';

/** One CPD request as its requester, its approvers and the booker see it (one shared card, refreshed). */
export interface CpdRequestView {
  kind: 'cpd-request';
  requestId: string;
  audience: CpdRequestAudience;
  requesterName: string;
  courseTitle: string;
  statusText: string;
  status: string;
  facts: { label: string; value: string }[];
  intendedImpact: string;
  /** Each approval step: who, and what they decided. */
  steps: { label: string; text: string }[];
  questions: { from: string; text: string }[];
  /** For approvers: the person's CPD this year and the budget left. */
  context?: { label: string; value: string }[];
  overBudget?: boolean;
  canDecide: boolean;
  canBook: boolean;
  canWithdraw: boolean;
  /** The booker or the CPD lead, for an approved or booked course: cancelling frees its cost. */
  canCancel: boolean;
  /** A booked course that has ended: the person (or the booker or lead) says whether it took place (issue 26). */
  canAnswerAttendance?: boolean;
  notice?: Notice;
}

/** The small form after Decline, Ask a question or Mark booked: a reason, a question, or the booking's cost and reference. */
export interface CpdRequestReplyView {
  kind: 'cpd-request-reply';
  requestId: string;
  mode: 'decline' | 'ask' | 'book';
  courseTitle: string;
  requesterName: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** `requests`: the person's own, those waiting for them, or (the lead) all. */
export interface CpdRequestListView {
  kind: 'cpd-request-list';
  title: string;
  rows: { requestId: string; courseTitle: string; requesterName: string; statusText: string; costText: string; waitingForYou: boolean }[];
  emptyText: string;
  canRequest: boolean;
}

/** The CPD lead's `budget`: committed vs spent per school (and the trust) for one academic year. */
export interface CpdBudgetView {
  kind: 'cpd-budget';
  year: string;
  rows: { name: string; budgetText: string; committedText: string; spentText: string; leftText: string; overBudget: boolean; coverHalfDays: number }[];
  byPurpose: { label: string; value: string }[];
  byPathway: { label: string; value: string }[];
  costPerAttendeeText: string;
  costPerImpactReportText: string;
}

/** One person's statutory training that has lapsed or lapses soon, as the CPD lead sees it. */
export interface StatutoryComplianceRow {
  name: string;
  topic: string;
  /** e.g. "Lapsed Friday 15 January 2027" or "Lapses Friday 15 January 2027". */
  expiresText: string;
}

/** `statutory`: for the CPD lead, who is out of date or due to renew, school by school. */
export interface StatutoryComplianceView {
  kind: 'statutory-compliance';
  /** How far ahead "due" looks (the tenant's reminder weeks). */
  dueWithinWeeks: number;
  schools: { name: string; lapsed: StatutoryComplianceRow[]; due: StatutoryComplianceRow[]; current: number }[];
  emptyText: string;
}

/** One line of a governors' report: a figure, or why it is withheld (a group under the tenant's minimum). */
export interface GovernorsReportRow {
  group: string;
  measure: string;
  value: string;
}

/** Termly report to governors and trustees: counts only, no names, every small group withheld. */
export interface GovernorsReportView {
  kind: 'governors-report';
  /** e.g. "autumn-2026". */
  term: string;
  /** e.g. "1 September 2026 – 31 December 2026". */
  periodText: string;
  minGroup: number;
  sections: { title: string; rows: GovernorsReportRow[] }[];
}

/** The impact follow-up: the person's answer (stage person), then their line manager's view (stage manager). */
export interface ImpactFollowUpView {
  kind: 'impact-follow-up';
  impactFollowUpId: string;
  stage: 'person' | 'manager';
  sessionTitle: string;
  /** e.g. "Six school weeks after the last session" */
  whenText: string;
  /** For the manager: whose follow-up, and what they said. */
  personName?: string;
  personAnswer?: { label: string; value: string }[];
  state: 'open' | 'done';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** Gap-task part 4: a senior leader records the longer-term impact for people who reported on a session. */
export interface LongTermImpactView {
  kind: 'long-term-impact';
  sessionId: string;
  sessionTitle: string;
  /** Those who reported on their gap task, with what they said and any longer-term impact already recorded. */
  tasks: { gapTaskId: string; name: string; reportText: string; longTerm?: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** The optional "year ahead" self-review form. */
export interface NeedsFormView {
  kind: 'needs-form';
  /** e.g. "2026-27". */
  year: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** The lead's summary of the year-ahead reviews: counts and themes, never a name. */
export interface NeedsSummaryView {
  kind: 'needs-summary';
  year: string;
  responses: number;
  preferred: { label: string; count: number }[];
  aspirationThemes: { theme: string; count: number }[];
  strengthThemes: { theme: string; count: number }[];
  /** Set instead of every figure but the count when fewer than the minimum answered. */
  withheld?: string;
}

export type CardView =
  | CpdBudgetView
  | CpdRequestFormView
  | CpdRequestView
  | CpdRequestReplyView
  | CpdRequestListView
  | InvitationView
  | ReminderView
  | QuestionnaireView
  | ThankYouView
  | GapTaskFormView
  | NudgeView
  | ManagerDigestView
  | LeadDigestView
  | LeadReportView
  | MyRecordView
  | SessionListView
  | TaskListView
  | HelpView
  | NoticeView
  | SessionFormView
  | SessionCancelView
  | SurveyFormView
  | SurveyResultsView
  | RegisterView
  | CpdLogFormView
  | StatutoryComplianceView
  | GovernorsReportView
  | ImpactFollowUpView
  | LongTermImpactView
  | NeedsFormView
  | NeedsSummaryView
  | FileImportView
  | SetupView
  | UnreachableView;

export type CardKind = CardView['kind'];

/** The view type of one kind (GapTaskFormView serves two kinds, so a plain Extract is not enough). */
export type ViewOfKind<K extends CardKind> = CardView extends infer V ? (V extends CardView ? (K extends V['kind'] ? V & { kind: K } : never) : never) : never;
