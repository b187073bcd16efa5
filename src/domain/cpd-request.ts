import { z } from 'zod';
import { deterministicId, Id, Instant, LocalDate, LocalTime } from './ids';
import { Pathway } from './staff';

/**
 * A member of staff's request to go on an external course (issue 16, docs/requests.md): the
 * trust policies ask that it is discussed with the line manager and the headteacher (and for some
 * trusts the executive lead) before one named person books it. Pure rules only: every change is a
 * function from the request (and who acts, and when) to a new request or a reason it is refused.
 */

const Text = (max: number) => z.string().trim().min(1, 'Please fill this in.').max(max, `Keep this to ${max} characters.`);
const Pence = z.number().int('Give a whole number of pence.').min(0, 'A cost cannot be negative.').max(10_000_000, 'That is more than £100,000.');

export const CourseMode = z.enum(['in-person', 'online']);
export type CourseMode = z.infer<typeof CourseMode>;

/** What the course serves, in the policies' words: the school's improvement plan, an appraisal objective, or a pathway. */
export const RequestPurpose = z.enum(['school-priority', 'appraisal-objective', 'pathway']);
export type RequestPurpose = z.infer<typeof RequestPurpose>;

export const PURPOSE_LABELS: Record<RequestPurpose, string> = {
  'school-priority': 'School improvement priority',
  'appraisal-objective': 'Appraisal objective',
  pathway: 'Career pathway',
};

/** What the requester fills in: the form's fields, checked once here for both platforms. */
export const CpdRequestDetails = z
  .object({
    courseTitle: Text(200),
    provider: Text(200),
    link: z.url({ protocol: /^https?$/, message: 'Give a web address starting https://' }).max(500).optional(),
    startDate: LocalDate,
    endDate: LocalDate,
    startTime: LocalTime.optional(),
    endTime: LocalTime.optional(),
    mode: CourseMode,
    feePence: Pence,
    travelPence: Pence.default(0),
    /** Supply cover the school must find, in half-days. */
    coverHalfDays: z.number().int('Give whole half-days.').min(0, 'Cover cannot be negative.').max(40, 'That is more than 20 days of cover.').default(0),
    purpose: RequestPurpose,
    /** Which priority or objective, in the requester's words. */
    purposeDetail: Text(500),
    pathway: Pathway.optional(),
    intendedImpact: Text(2000),
  })
  .refine((d) => d.startDate <= d.endDate, { message: 'The course must end on or after the day it starts.', path: ['endDate'] })
  .refine((d) => d.startDate !== d.endDate || !d.startTime || !d.endTime || d.startTime < d.endTime, {
    message: 'The course must end after it starts.',
    path: ['endTime'],
  });
export type CpdRequestDetails = z.infer<typeof CpdRequestDetails>;
export type CpdRequestDetailsInput = z.input<typeof CpdRequestDetails>;

export const ApproverRole = z.enum(['line-manager', 'headteacher', 'executive-lead']);
export type ApproverRole = z.infer<typeof ApproverRole>;

export const APPROVER_ROLE_LABELS: Record<ApproverRole, string> = {
  'line-manager': 'Line manager',
  headteacher: 'Headteacher',
  'executive-lead': 'Executive lead',
};

/** The tenant's request settings (docs/requests.md); every field has the policies' default. */
export const CpdRequestSettings = z.object({
  /** The approval chain in order. Default: line manager, then the headteacher of the person's school. */
  chain: z.array(ApproverRole).min(1).default(['line-manager', 'headteacher']),
  /** The headteacher of each school, by school id (a stand-alone school: its own id). */
  headteacherBySchool: z.record(Id, Id).default({}),
  /**
   * A school's own CPD lead, by school id (issue 26 item 5): they see that school's requests as the
   * CPD lead does, mark their attendance, and get their overdue notices. A CPD lead by role
   * (`cpd-lead`) is the trust's and still sees everything.
   */
  cpdLeadBySchool: z.record(Id, Id).default({}),
  executiveLeadId: Id.optional(),
  /** A step is skipped for a request costing less than this (fee and travel), e.g. the executive lead under £200. */
  skipUnderPence: z.partialRecord(ApproverRole, z.number().int().min(0)).default({}),
  /** Who books approved courses; absent: the tenant's CPD lead. */
  bookerId: Id.optional(),
  /** An approver who has not answered in this many school days is nudged once, then the CPD lead is told. */
  nudgeAfterSchoolDays: z.number().int().min(1).max(20).default(3),
});
export type CpdRequestSettings = z.infer<typeof CpdRequestSettings>;

/** The schools a person is the CPD lead of (none for most people). */
export function schoolsLedBy(settings: Pick<CpdRequestSettings, 'cpdLeadBySchool'>, staffId: string): string[] {
  return Object.entries(settings.cpdLeadBySchool)
    .filter(([, lead]) => lead === staffId)
    .map(([school]) => school)
    .sort();
}

export function defaultCpdRequestSettings(): CpdRequestSettings {
  return CpdRequestSettings.parse({});
}

export const StepDecision = z.object({
  outcome: z.enum(['approved', 'declined']),
  by: Id,
  at: Instant,
  reason: z.string().trim().max(1000).optional(),
});
export type StepDecision = z.infer<typeof StepDecision>;

export const ApprovalStep = z.object({
  role: ApproverRole,
  approverId: Id,
  /** When the request reached this approver: the nudge counts school days from here. */
  reachedAt: Instant.optional(),
  decision: StepDecision.optional(),
});
export type ApprovalStep = z.infer<typeof ApprovalStep>;

export const RequestQuestion = z.object({ by: Id, at: Instant, text: z.string().trim().min(1).max(1000) });

export const CpdRequestStatus = z.enum(['draft', 'submitted', 'approved', 'declined', 'booked', 'attended', 'evaluated', 'withdrawn', 'cancelled', 'not-attended']);
export type CpdRequestStatus = z.infer<typeof CpdRequestStatus>;

/** States no event leaves. */
export const FINAL_STATUSES: readonly CpdRequestStatus[] = ['declined', 'evaluated', 'withdrawn', 'cancelled', 'not-attended'];

/** Booked and paid for, whatever became of the place: these count as money spent. */
export const SPENT_STATUSES: readonly CpdRequestStatus[] = ['booked', 'attended', 'evaluated', 'not-attended'];

export const STATUS_LABELS: Record<CpdRequestStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for approval',
  approved: 'Approved, to be booked',
  declined: 'Declined',
  booked: 'Booked',
  attended: 'Attended',
  evaluated: 'Evaluated',
  withdrawn: 'Withdrawn',
  cancelled: 'Cancelled',
  'not-attended': 'Booked, not attended',
};

export const Booking = z.object({
  by: Id,
  at: Instant,
  actualCostPence: Pence,
  reference: z.string().trim().min(1).max(200),
  /** The session of kind `external` the booking became. */
  sessionId: Id,
});
export type Booking = z.infer<typeof Booking>;

export const CpdRequest = z.object({
  tenantId: Id,
  id: Id,
  requesterId: Id,
  schoolId: Id.optional(),
  details: CpdRequestDetails,
  status: CpdRequestStatus,
  steps: z.array(ApprovalStep).max(5).default([]),
  questions: z.array(RequestQuestion).max(50).default([]),
  booking: Booking.optional(),
  createdAt: Instant,
  submittedAt: Instant.optional(),
  decidedAt: Instant.optional(),
  attendedAt: Instant.optional(),
  closedAt: Instant.optional(),
  closedBy: Id.optional(),
  closedReason: z.string().trim().max(1000).optional(),
});
export type CpdRequest = z.infer<typeof CpdRequest>;

/** The same person asking again with the same form (a retried submit) lands on the same request. */
export function cpdRequestId(requesterId: string, submissionKey: string): string {
  return deterministicId('req', requesterId, submissionKey);
}

export function isFinal(status: CpdRequestStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function estimatedCostPence(details: Pick<CpdRequestDetails, 'feePence' | 'travelPence'>): number {
  return details.feePence + details.travelPence;
}

/** Booked courses count at their actual cost, others at the estimate. */
export function costPence(request: Pick<CpdRequest, 'details' | 'booking'>): number {
  return request.booking?.actualCostPence ?? estimatedCostPence(request.details);
}

/** The step waiting for a decision, if the request is waiting for one. */
export function currentStep(request: Pick<CpdRequest, 'status' | 'steps'>): ApprovalStep | undefined {
  if (request.status !== 'submitted') return undefined;
  return request.steps.find((s) => s.decision === undefined);
}

export interface ChainPeople {
  requesterId: string;
  lineManagerId?: string;
  schoolId?: string;
}

export type ChainResult = { ok: true; steps: ApprovalStep[] } | { ok: false; reason: 'no-approver'; message: string };

/**
 * The approval chain for one request: the tenant's steps in order, with a step left out when it
 * is under its cost threshold, has nobody in the role, is the requester, or repeats the approver
 * before it (a headteacher who is also the line manager decides once).
 */
export function approvalChainFor(settings: CpdRequestSettings, people: ChainPeople, totalPence: number): ChainResult {
  const steps: ApprovalStep[] = [];
  for (const role of settings.chain) {
    const threshold = settings.skipUnderPence[role];
    if (threshold !== undefined && totalPence < threshold) continue;
    const approverId = approverFor(role, settings, people);
    if (!approverId || approverId === people.requesterId) continue;
    if (steps.some((s) => s.approverId === approverId)) continue;
    steps.push({ role, approverId });
  }
  if (steps.length === 0) {
    return { ok: false, reason: 'no-approver', message: 'Nobody can approve this request yet: ask your CPD lead to set your line manager and headteacher.' };
  }
  return { ok: true, steps };
}

/** A step of the chain that nobody fills: the request could not be fully approved, so it is said, never skipped. */
export interface MissingApprover {
  role: ApproverRole;
  /** For a headteacher: the school that has none (absent: the person has no school). */
  schoolId?: string;
  /** The step applies only at or above this cost (its skip threshold), in pence. */
  fromPence?: number;
}

/**
 * The steps of the tenant's chain that nobody fills for this person: no headteacher set for
 * their school, no executive lead. With a cost, a step skipped under its
 * threshold is not missing; without one (the form before it is filled in), it is, with its threshold.
 */
export function missingApprovers(settings: CpdRequestSettings, people: ChainPeople, totalPence?: number): MissingApprover[] {
  const missing: MissingApprover[] = [];
  for (const role of settings.chain) {
    const threshold = settings.skipUnderPence[role];
    if (threshold !== undefined && totalPence !== undefined && totalPence < threshold) continue;
    // A person with no line manager goes on to the next step, as before this check existed (left unchanged here).
    if (role === 'line-manager' || approverFor(role, settings, people)) continue;
    missing.push({ role, ...(role === 'headteacher' && people.schoolId ? { schoolId: people.schoolId } : {}), ...(threshold !== undefined && totalPence === undefined ? { fromPence: threshold } : {}) });
  }
  return missing;
}

export function approverFor(role: ApproverRole, settings: CpdRequestSettings, people: ChainPeople): string | undefined {
  if (role === 'line-manager') return people.lineManagerId;
  if (role === 'headteacher') return people.schoolId ? settings.headteacherBySchool[people.schoolId] : undefined;
  return settings.executiveLeadId;
}

export type Transition = { ok: true; request: CpdRequest } | { ok: false; reason: 'not-allowed' | 'not-yours' | 'invalid'; message: string };

function refuse(reason: 'not-allowed' | 'not-yours' | 'invalid', message: string): Transition {
  return { ok: false, reason, message };
}

function alreadyMessage(request: CpdRequest): string {
  return `This request is already ${STATUS_LABELS[request.status].toLowerCase()}.`;
}

/** Draft → submitted, with the chain it must pass; the first approver is reached now. */
export function submitRequest(request: CpdRequest, steps: readonly ApprovalStep[], by: string, at: string): Transition {
  if (by !== request.requesterId) return refuse('not-yours', 'Only the person asking can send this request.');
  if (request.status !== 'draft') return refuse('not-allowed', alreadyMessage(request));
  if (steps.length === 0) return refuse('invalid', 'A request needs at least one approver.');
  const chain = steps.map((s, i) => ({ role: s.role, approverId: s.approverId, ...(i === 0 ? { reachedAt: at } : {}) }));
  return { ok: true, request: { ...request, status: 'submitted', steps: chain, submittedAt: at } };
}

export interface Decision {
  by: string;
  outcome: 'approved' | 'declined';
  reason?: string;
  at: string;
}

/**
 * The current step's approver approves (the next step is reached, or the request is approved
 * when it was the last) or declines with a reason (the chain ends there).
 */
export function decideRequest(request: CpdRequest, decision: Decision): Transition {
  const step = currentStep(request);
  if (!step) return refuse('not-allowed', isFinal(request.status) || request.status !== 'submitted' ? alreadyMessage(request) : 'Nothing is waiting for a decision.');
  if (step.approverId !== decision.by) return refuse('not-yours', 'This request is not waiting for you, so nothing was changed.');
  const reason = decision.reason?.trim();
  if (decision.outcome === 'declined' && !reason) return refuse('invalid', 'Please give a reason for declining.');
  const index = request.steps.indexOf(step);
  const decided: StepDecision = { outcome: decision.outcome, by: decision.by, at: decision.at, ...(reason ? { reason } : {}) };
  const steps = request.steps.map((s, i) => {
    if (i === index) return { ...s, decision: decided };
    if (i === index + 1 && decision.outcome === 'approved') return { ...s, reachedAt: decision.at };
    return s;
  });
  const last = index === request.steps.length - 1;
  if (decision.outcome === 'declined') return { ok: true, request: { ...request, steps, status: 'declined', decidedAt: decision.at } };
  return { ok: true, request: { ...request, steps, ...(last ? { status: 'approved', decidedAt: decision.at } : {}) } };
}

/** A question to the requester from the approver the request is waiting for; the state stays. */
export function askAboutRequest(request: CpdRequest, by: string, text: string, at: string): Transition {
  const step = currentStep(request);
  if (!step) return refuse('not-allowed', alreadyMessage(request));
  if (step.approverId !== by) return refuse('not-yours', 'This request is not waiting for you, so nothing was changed.');
  const question = text.trim();
  if (!question) return refuse('invalid', 'Please write your question.');
  return { ok: true, request: { ...request, questions: [...request.questions, { by, at, text: question }] } };
}

/** The requester withdraws before the course is booked. */
export function withdrawRequest(request: CpdRequest, by: string, at: string): Transition {
  if (by !== request.requesterId) return refuse('not-yours', 'Only the person who asked can withdraw this request.');
  if (!['draft', 'submitted', 'approved'].includes(request.status)) return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'withdrawn', closedAt: at, closedBy: by } };
}

/** The booker marks an approved request booked, with what it really cost. */
export function bookRequest(request: CpdRequest, booking: Booking, bookerId: string): Transition {
  if (booking.by !== bookerId) return refuse('not-yours', 'Only the person who books courses can mark this booked.');
  if (request.status !== 'approved') return refuse('not-allowed', request.status === 'booked' ? alreadyMessage(request) : 'Only an approved request can be booked.');
  const parsed = Booking.safeParse(booking);
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'The booking is not valid.');
  return { ok: true, request: { ...request, status: 'booked', booking: parsed.data } };
}

/** The booker (or the CPD lead) cancels an approved or booked course: its cost no longer counts. */
export function cancelRequest(request: CpdRequest, by: string, canCancel: boolean, at: string, reason?: string): Transition {
  if (!canCancel) return refuse('not-yours', 'Only the person who books courses or the CPD lead can cancel this.');
  if (request.status !== 'approved' && request.status !== 'booked') return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'cancelled', closedAt: at, closedBy: by, ...(reason?.trim() ? { closedReason: reason.trim() } : {}) } };
}

/**
 * The person cannot go to the course booked (or approved) for them ("Can't go" on its session):
 * it is cancelled, so its cost no longer counts against the budget, and the booker is told.
 */
export function cancelForCannotGo(request: CpdRequest, by: string, at: string): Transition {
  if (by !== request.requesterId) return refuse('not-yours', 'Only the person going can say they cannot go.');
  if (request.status !== 'approved' && request.status !== 'booked') return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'cancelled', closedAt: at, closedBy: by, closedReason: CANNOT_GO_REASON } };
}

/** Why a course was cancelled when the person said they cannot go. */
export const CANNOT_GO_REASON = 'The person it was booked for cannot go.';

/**
 * A booked course that has ended is attended once the person said so, or the lead marked them
 * present (issue 26): never merely because its dates passed, so the record holds only CPD that happened.
 */
export function markRequestAttended(request: CpdRequest, at: string): Transition {
  if (request.status !== 'booked') return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'attended', attendedAt: at } };
}

/** The person did not go (they said so, or the lead marked them absent): the place was paid for, so its cost still counts. */
export function markRequestNotAttended(request: CpdRequest, by: string, at: string): Transition {
  if (request.status !== 'booked') return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'not-attended', closedAt: at, closedBy: by } };
}

/** Why a booked course was cancelled when the person said the provider cancelled it. */
export const PROVIDER_CANCELLED_REASON = 'The course was cancelled.';

/** The answer to "Did you attend?" after a booked course's last day. */
export const CourseAttendanceAnswer = z.enum(['attended', 'not-attended', 'course-cancelled']);
export type CourseAttendanceAnswer = z.infer<typeof CourseAttendanceAnswer>;

/**
 * The person (or the CPD lead or booker, `mayMark`) answers whether a booked course that has
 * ended took place for them: attended, not attended (its cost still counts), or cancelled by the
 * provider (its cost no longer counts; a refund is the booker's to claim).
 */
export function answerCourseAttendance(request: CpdRequest, answer: CourseAttendanceAnswer, by: string, mayMark: boolean, ended: boolean, at: string): Transition {
  if (by !== request.requesterId && !mayMark) return refuse('not-yours', 'Only the person booked on the course, its booker or the CPD lead can say whether it took place.');
  if (request.status !== 'booked') return refuse('not-allowed', alreadyMessage(request));
  if (!ended) return refuse('not-allowed', 'You can say whether you attended once the course has ended.');
  if (answer === 'attended') return markRequestAttended(request, at);
  if (answer === 'not-attended') return markRequestNotAttended(request, by, at);
  return { ok: true, request: { ...request, status: 'cancelled', closedAt: at, closedBy: by, closedReason: PROVIDER_CANCELLED_REASON } };
}

/** The person has answered the reaction questionnaire for the course. */
export function markRequestEvaluated(request: CpdRequest, at: string): Transition {
  if (request.status !== 'attended') return refuse('not-allowed', alreadyMessage(request));
  return { ok: true, request: { ...request, status: 'evaluated', closedAt: at } };
}

/** Everyone who may see the request's current state on the shared card: the requester and every approver. */
export function requestAudience(request: Pick<CpdRequest, 'requesterId' | 'steps'>): string[] {
  return [...new Set([request.requesterId, ...request.steps.map((s) => s.approverId)])];
}
