import type { SchoolCalendar } from './calendar';
import type { StatutoryTraining } from './cpd-record';
import type { GapTask } from './gap-task';
import type { ImpactFollowUp } from './impact-follow-up';
import type { MentoringLink, MentoringMeeting, ProgressReview } from './mentoring';
import type { Participation } from './participation';
import type { PlanSubject } from './plan-request';
import type { Questionnaire } from './questionnaire';
import type { ResponseReceipt } from './response';
import type { Session } from './session';
import type { Staff } from './staff';
import type { Tenant } from './tenant';

/**
 * The planner's table: which writes change what the planner would plan. The store applies it
 * (src/store/change-log.ts records a plan request with every such write), but it is the planner's
 * knowledge, so it lives beside the plan requests.
 */

/**
 * The staff fields any planning rule reads; a write changing none of them (a platform id linked, a
 * name corrected) plans nothing. test/scheduler/planner-staff-fields.test.ts lists which rule reads
 * which, and fails when a rule reads a field missing here.
 */
export const PLANNING_STAFF_FIELDS = ['active', 'roles', 'schoolId', 'department', 'pathway', 'statutoryGroups', 'lineManagerId', 'awayUntil', 'awayFrom'] as const satisfies readonly (keyof Staff)[];

/** What the planning fields of a person are, as one comparable text (roles in any order are the same roles). */
export function planningFieldsOf(s: Staff | undefined): string {
  return s ? JSON.stringify(PLANNING_STAFF_FIELDS.map((field) => (field === 'roles' ? [...s.roles].sort() : s[field]))) : '';
}

type SubjectsOf<T> = (doc: T) => PlanSubject[];

const session = (sessionId: string): PlanSubject[] => [{ kind: 'session', sessionId }];
const TENANT: PlanSubject[] = [{ kind: 'tenant' }];

/** For each collection the planner reads: the subjects a written document belongs to. The store checks the names and types against its collections. */
export const PLAN_SUBJECTS = {
  sessions: (s: Session) => session(s.id),
  // An invitation recorded as sent changes no plan; an RSVP or a register mark does.
  participations: (p: Participation) => (p.rsvp !== undefined || p.attended !== undefined ? session(p.sessionId) : []),
  questionnaires: (q: Questionnaire) => (q.sessionId ? session(q.sessionId) : TENANT),
  // A receipt names only its questionnaire: the planner resolves that to a session or a survey.
  receipts: (r: ResponseReceipt): PlanSubject[] => [{ kind: 'questionnaire', questionnaireId: r.questionnaireId }],
  gapTasks: (t: GapTask) => session(t.sessionId),
  impactFollowUps: (f: ImpactFollowUp) => session(f.sessionId),
  staff: (_s: Staff) => TENANT,
  tenants: (_t: Tenant) => TENANT,
  calendars: (_c: SchoolCalendar) => TENANT,
  // Not cpdRequests: a request's nudges come school days later (the tenant's daily plan), and each
  // of its messages is checked against the request when sent (request-composers.ts).
  statutoryTraining: (_s: StatutoryTraining) => TENANT,
  // Mentoring (planner-mentoring.ts): a meeting recorded, moved or reflected on, a link, a review recorded.
  mentoringMeetings: (_m: MentoringMeeting) => TENANT,
  mentoringLinks: (_l: MentoringLink) => TENANT,
  progressReviews: (_r: ProgressReview) => TENANT,
} satisfies Record<string, SubjectsOf<never>>;
