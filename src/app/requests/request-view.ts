import { DateTime } from 'luxon';
import {
  academicYearOf,
  APPROVER_ROLE_LABELS,
  costPence,
  coverWithCost,
  currentStep,
  formatPence,
  PURPOSE_LABELS,
  STATUS_LABELS,
  type CpdRequest,
  type Staff,
  type Tenant,
} from '../../domain';
import { formatInstant, countOf } from '../../cards/format';
import type { Notice } from '../../cards/views/common';
import type { CpdRequestView } from '../../cards/views/cpd-request';
import type { NoticeView } from '../../cards/views/notice';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { budgetStanding, countsAgainstBudget } from './budget';
import { bookerOf, namesOf, viewerOf, type RequestViewer } from './request-people';

/** A booked course whose session has ended: whether it took place is now the question (issue 26). */
export async function courseHasEnded(deps: AppDeps, tenant: Tenant, request: CpdRequest): Promise<boolean> {
  if (request.status !== 'booked' || !request.booking) return false;
  const session = (await deps.store.sessions.get(tenant.id, request.booking.sessionId))?.value;
  return session !== undefined && session.endsAt <= deps.clock.now().toISOString();
}

export const NOT_FOUND = notice('attention', "I can't find that request among those you can see.");

/** What an approver's card says once they have decided: shown on every later update of it too. */
export const DECISION_NOTES = {
  approved: { tone: 'good', text: 'Approved. The requester has been told.' },
  // A decline is no success to celebrate: a neutral mark, not a green tick.
  declined: { tone: 'info', text: 'Declined. The requester has been told why.' },
} as const satisfies Record<string, Notice>;

/** The viewer's own decision on the request, as the note their card keeps. */
function decisionNote(request: CpdRequest, viewer: Staff): Notice | undefined {
  const decided = [...request.steps].reverse().find((s) => s.approverId === viewer.id && s.decision);
  return decided?.decision ? DECISION_NOTES[decided.decision.outcome] : undefined;
}

/** "Tuesday 12 January 2027": a calendar day as people write it. */
const day = (date: string) => DateTime.fromISO(date).toFormat('cccc d LLLL yyyy');

function whenText(request: CpdRequest): string {
  const d = request.details;
  const days = d.startDate === d.endDate ? day(d.startDate) : `${day(d.startDate)} to ${day(d.endDate)}`;
  const times = d.startTime && d.endTime ? `, ${d.startTime}–${d.endTime}` : d.startTime ? `, from ${d.startTime}` : '';
  return `${days}${times}`;
}

function costText(request: CpdRequest): string {
  const d = request.details;
  const estimate = `${formatPence(d.feePence)} fee${d.travelPence > 0 ? ` + ${formatPence(d.travelPence)} travel` : ''}`;
  return request.booking ? `${formatPence(request.booking.actualCostPence)} (booked; estimate ${estimate})` : estimate;
}

/** The school's budget for the course's academic year, as `budget` shows it; undefined when none is set. */
export async function budgetFor(deps: AppDeps, tenant: Tenant, request: CpdRequest) {
  return budgetStanding(deps, tenant, academicYearOf(request.details.startDate), request.schoolId);
}

/** For approvers: the person's CPD this year (their other requests) and the budget left. */
async function approverContext(deps: AppDeps, tenant: Tenant, request: CpdRequest) {
  const year = academicYearOf(request.details.startDate);
  const theirs = (await deps.store.cpdRequests.find(tenant.id, { where: { requesterId: request.requesterId } }))
    .map((r) => r.value)
    .filter((r) => r.id !== request.id && academicYearOf(r.details.startDate) === year && ['approved', 'booked', 'attended', 'evaluated', 'not-attended'].includes(r.status));
  const spent = theirs.reduce((sum, r) => sum + costPence(r), 0);
  const rows = [{ label: `Their external CPD ${year}`, value: theirs.length === 0 ? 'None yet' : `${countOf(theirs.length, 'course')}, ${formatPence(spent)}` }];
  const budget = await budgetFor(deps, tenant, request);
  if (!budget) return { rows: [...rows, { label: 'Budget left', value: 'No budget set for this year' }], overBudget: false };
  // The same figure as `budget`: a request already counted is in it; one still waiting would come out of it.
  const left = budget.position.leftPence;
  const counted = countsAgainstBudget(request);
  const overBudget = counted ? left < 0 : costPence(request) > left;
  const warning = overBudget ? (counted ? ' — over budget' : ' — this request would exceed it') : '';
  return { rows: [...rows, { label: `Budget left ${budget.year}`, value: `${formatPence(left)}${warning}` }], overBudget };
}

export async function buildCpdRequestView(
  deps: AppDeps,
  tenant: Tenant,
  request: CpdRequest,
  viewer: Staff,
  note?: Notice,
  /** The booker, when the caller has looked them up already: a request action reads them once. */
  known?: { booker: Staff | undefined },
): Promise<CpdRequestView | NoticeView> {
  const booker = known ? known.booker : await bookerOf(deps, tenant);
  const as: RequestViewer | undefined = viewerOf(request, viewer, booker?.id, tenant);
  if (!as) return NOT_FOUND;
  const names = await namesOf(deps, tenant.id, [request.requesterId, ...request.steps.map((s) => s.approverId), ...request.questions.map((q) => q.by)]);
  const zone = tenant.settings.timezone;
  const step = currentStep(request);
  const d = request.details;
  const facts = [
    { label: 'Provider', value: d.provider },
    { label: 'When', value: whenText(request) },
    { label: 'Where', value: d.mode === 'online' ? 'Online' : 'In person' },
    { label: 'Cost', value: costText(request) },
    // In pounds too when the trust sets a cover rate: releasing a teacher often costs more than the course.
    { label: 'Cover', value: d.coverHalfDays === 0 ? 'None' : coverWithCost(d.coverHalfDays, tenant.settings.supplyCoverHalfDayPence) },
    { label: 'Serves', value: `${PURPOSE_LABELS[d.purpose]}: ${d.purposeDetail}` },
    ...(d.link ? [{ label: 'Link', value: d.link }] : []),
    ...(request.booking ? [{ label: 'Booking reference', value: request.booking.reference }] : []),
  ];
  const steps = request.steps.map((s) => {
    const who = `${APPROVER_ROLE_LABELS[s.role]}: ${names.get(s.approverId)}`;
    if (s.decision) {
      const verdict = s.decision.outcome === 'approved' ? 'Approved' : `Declined: ${s.decision.reason ?? ''}`;
      return { label: who, text: `${verdict} (${formatInstant(s.decision.at, zone)})` };
    }
    return { label: who, text: s === step ? 'Waiting for a decision' : request.status === 'submitted' ? 'Next' : '—' };
  });
  const extra = as === 'approver' || as === 'lead' || as === 'booker' ? await approverContext(deps, tenant, request) : undefined;
  const canDecide = as === 'approver' && step?.approverId === viewer.id;
  const canAnswerAttendance = (as === 'requester' || as === 'booker' || as === 'lead') && (await courseHasEnded(deps, tenant, request));
  // Without a note of the moment, an approver's card keeps what they decided.
  const shownNote = note ?? (as === 'approver' ? decisionNote(request, viewer) : undefined);
  return {
    kind: 'cpd-request',
    requestId: request.id,
    audience: as === 'lead' ? 'observer' : as,
    requesterName: names.get(request.requesterId) ?? 'someone',
    courseTitle: d.courseTitle,
    status: request.status,
    statusText: request.status === 'submitted' && step ? `Waiting for ${names.get(step.approverId)} (${APPROVER_ROLE_LABELS[step.role].toLowerCase()})` : STATUS_LABELS[request.status],
    facts,
    intendedImpact: d.intendedImpact,
    steps,
    questions: request.questions.map((q) => ({ from: names.get(q.by) ?? 'someone', text: q.text })),
    ...(extra ? { context: extra.rows, overBudget: extra.overBudget } : {}),
    canDecide,
    canBook: request.status === 'approved' && viewer.id === booker?.id,
    canWithdraw: as === 'requester' && ['submitted', 'approved'].includes(request.status),
    canCancel: (as === 'booker' || as === 'lead') && ['approved', 'booked'].includes(request.status) && !canAnswerAttendance,
    ...(canAnswerAttendance ? { canAnswerAttendance } : {}),
    ...(shownNote ? { notice: shownNote } : {}),
  };
}
