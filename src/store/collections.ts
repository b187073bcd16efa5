import type { z } from 'zod';
import {
  AnonymousResponse,
  CpdBudget,
  CpdRequest,
  AuditRecord,
  ConversationRef,
  CpdLogEntry,
  Delivery,
  GapTask,
  ImpactFollowUp,
  NeedsReview,
  IdempotencyKey,
  Participation,
  PlatformTenantLink,
  SlackInstallation,
  SlackOAuthState,
  PlanRequest,
  Questionnaire,
  QuestionnaireResponse,
  Qualification,
  QuestionnaireTemplate,
  ResponseReceipt,
  SchoolCalendar,
  Session,
  Staff,
  StatutoryTraining,
  StatutoryReport,
  CourseCertificate,
  Tenant,
  MentoringLink,
  MentoringProgramme,
  ProgrammeAssignment,
  MentoringMeeting,
  ProgressReview,
  PathwayAssignment,
} from '../domain';

export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /**
   * Fields the queries filter or sort on: indexed by both adapters, and the only ones the validating
   * store lets a query name (`index-coverage.ts`). `field[]` indexes an array's elements (`contains`).
   */
  indexed: readonly string[];
  /** Whether documents may carry a TTL (Cosmos: defaultTtl -1 on the container). */
  ttl: boolean;
  /**
   * Composite indexes, each a list of fields (ascending), for the queries that filter on the first
   * fields and sort on the last: Cosmos DB serves those from one index instead of filtering a sort.
   */
  composites: readonly (readonly string[])[];
}

function spec<S extends z.ZodType>(schema: S, indexed: readonly string[], ttl = false, composites: readonly (readonly string[])[] = []): CollectionSpec<S> {
  return { schema, indexed, ttl, composites };
}

/** Every collection, its schema and its indexes. docs/data-model.md describes each. */
export const COLLECTIONS = {
  // teamsTenantId / slackTeamId: resolving a platform tenant (a cross-partition query until it is a point read).
  tenants: spec(Tenant, ['teamsTenantId', 'slackTeamId']),
  // schoolId / pathway: one session's audience, for planning it alone (src/scheduler/plan/session-scope.ts) and a compulsory session's register.
  staff: spec(Staff, ['email', 'lineManagerId', 'teams.aadObjectId', 'slack.userId', 'slack.teamId', 'active', 'roles[]', 'schoolId', 'pathway']),
  calendars: spec(SchoolCalendar, []),
  // title: cheap on a small, rarely written container, and what leads and tests look sessions up by.
  sessions: spec(Session, ['startsAt', 'status', 'seriesId', 'title', 'facilitatorIds[]', 'impactFollowUp.weeksAfter'], false, [['status', 'startsAt']]),
  participations: spec(Participation, ['sessionId', 'staffId', 'rsvp', 'rsvpAt', 'attended'], true),
  templates: spec(QuestionnaireTemplate, []),
  questionnaires: spec(Questionnaire, ['sessionId', 'closesAt', 'opensAt', 'purpose'], true, [['purpose', 'closesAt']]),
  // submittedAt: the responses export pages through them in that order.
  responses: spec(QuestionnaireResponse, ['questionnaireId', 'respondentId', 'sessionId', 'submittedAt'], true),
  anonymousResponses: spec(AnonymousResponse, ['questionnaireId', 'sessionId', 'submittedOn'], true),
  receipts: spec(ResponseReceipt, ['questionnaireId', 'staffId'], true),
  gapTasks: spec(GapTask, ['staffId', 'sessionId', 'status', 'dueAt', 'report.submittedAt'], true, [['staffId', 'dueAt']]),
  // The dispatcher's due queries (src/scheduler/send/claimable-deliveries.ts): by availableAt, by
  // tenant (finding the tenants with work), and by dueAt for records from before availableAt.
  // subject.sessionId / questionnaireId: planning one session, or a survey's answers, reads its own records only.
  deliveries: spec(Delivery, ['status', 'dueAt', 'availableAt', 'recipientId', 'kind', 'subject.requestId', 'subject.sessionId', 'subject.questionnaireId', 'platform'], true, [
    ['status', 'availableAt'],
    ['status', 'tenantId'],
    ['status', 'dueAt'],
  ]),
  conversations: spec(ConversationRef, ['staffId', 'conversationId', 'platform', 'updatedAt', 'scope', 'removedAt'], false, [
    ['staffId', 'platform', 'scope', 'updatedAt'],
  ]),
  // state / leaseUntil: claims whose process died with kept work to finish (src/bots/slack/finish-kept-submissions.ts).
  idempotencyKeys: spec(IdempotencyKey, ['state', 'leaseUntil', 'work.verb'], true),
  // Platform tenant id → tenant, read by key (src/store/tenant-directory.ts); written with each tenant.
  platformTenants: spec(PlatformTenantLink, []),
  // Slack's OAuth installs (one per workspace or Grid org, tokens sealed) and the states waiting for their redirect.
  slackInstallations: spec(SlackInstallation, ['isEnterpriseInstall']),
  slackOAuthStates: spec(SlackOAuthState, [], true),
  // details.startDate: a budget reads one academic year's requests (src/app/requests/budget.ts).
  cpdRequests: spec(CpdRequest, ['requesterId', 'status', 'schoolId', 'createdAt', 'details.startDate']),
  cpdBudgets: spec(CpdBudget, ['academicYear']),
  audit: spec(AuditRecord, ['action', 'at']),
  cpdLog: spec(CpdLogEntry, ['staffId', 'on'], false, [['staffId', 'on']]),
  qualifications: spec(Qualification, ['staffId']),
  statutoryTraining: spec(StatutoryTraining, ['staffId', 'expiresOn']),
  // The provider's certificate for a booked course, by person (their record, and erasure).
  courseCertificates: spec(CourseCertificate, ['staffId']),
  // Statutory training a person reported in chat, waiting for a lead (issue 26 item 2): by person, and the waiting ones.
  statutoryReports: spec(StatutoryReport, ['staffId', 'status']),
  impactFollowUps: spec(ImpactFollowUp, ['staffId', 'sessionId', 'status'], true),
  needsReviews: spec(NeedsReview, ['year', 'staffId'], true),
  // The planner's change log and wake-ups: due ones across tenants by availableAt (src/scheduler/plan/plan-requests.ts).
  planRequests: spec(PlanRequest, ['availableAt']),
  // Mentoring (docs/mentoring.md): who supports whom, the programmes, who follows which, their meetings and reviews.
  mentoringLinks: spec(MentoringLink, ['menteeId', 'mentorId', 'role']),
  mentoringProgrammes: spec(MentoringProgramme, []),
  programmeAssignments: spec(ProgrammeAssignment, ['menteeId', 'programmeId']),
  mentoringMeetings: spec(MentoringMeeting, ['menteeId', 'mentorId', 'assignmentId', 'weekStart', 'status']),
  progressReviews: spec(ProgressReview, ['menteeId', 'year']),
  // A programme assigned to a pathway, remembered so people who join it later follow it too (docs/mentoring.md).
  pathwayAssignments: spec(PathwayAssignment, ['pathway']),
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
