import { APPROVER_ROLE_LABELS, CANNOT_GO_REASON, PROVIDER_CANCELLED_REASON, currentStep, type Delivery, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { namesOf } from './request-people';
import { buildCpdRequestView } from './request-view';

type Composed = { view: CardView; text: string } | string;
export type RequestMessageKind = 'request-approval' | 'request-update' | 'request-nudge' | 'request-overdue-lead' | 'request-to-book' | 'course-attendance';

/** The outbox's messages about a request, built at send time from its current state. */
export async function composeRequestMessage(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<Composed> {
  const requestId = delivery.subject.requestId;
  const request = requestId ? (await deps.store.cpdRequests.get(tenant.id, requestId))?.value : undefined;
  if (!request) return 'request not found';
  const kind = delivery.kind as RequestMessageKind;
  const step = currentStep(request);
  const title = request.details.courseTitle;
  const names = await namesOf(deps, tenant.id, [request.requesterId, ...(step ? [step.approverId] : [])]);
  const requester = names.get(request.requesterId) ?? 'someone';
  // A card for a decision already made, or a chase for one, is no longer worth sending.
  if ((kind === 'request-approval' || kind === 'request-nudge') && step?.approverId !== recipient.id) return 'no longer waiting for this approver';
  if (kind === 'request-overdue-lead' && !step) return 'no longer waiting';
  if (kind === 'request-to-book' && request.status !== 'approved') return 'no longer waiting to be booked';
  if (kind === 'course-attendance' && request.status !== 'booked') return 'attendance already answered';
  const texts: Record<RequestMessageKind, () => string> = {
    'request-approval': () => `${requester} asks to go on "${title}": please approve or decline`,
    'request-nudge': () => `Still waiting for your decision: ${requester}, "${title}"`,
    'request-overdue-lead': () => `${requester}'s request "${title}" has waited for ${names.get(step!.approverId)} (${APPROVER_ROLE_LABELS[step!.role].toLowerCase()}) since it was sent to them`,
    'request-to-book': () => `Approved, to be booked: ${requester}, "${title}"`,
    'course-attendance': () => `Did you attend "${title}"? Say so here and it goes on your CPD record with its hours.`,
    'request-update': () =>
      // The booker and line manager hear that the person cannot go; the requester hears of decisions.
      recipient.id !== request.requesterId && request.closedReason === CANNOT_GO_REASON
        ? `${requester} can't go to "${title}": the booking is cancelled and its cost no longer counts against the budget. Ask the provider about a refund or a transfer.`
        : recipient.id !== request.requesterId && (request.status === 'not-attended' || request.closedReason === PROVIDER_CANCELLED_REASON)
          ? attendanceTextForBooker(request, requester, title)
          : updateText(request, title),
  };
  const text = texts[kind]();
  const view = await buildCpdRequestView(deps, tenant, request, recipient, { tone: request.status === 'declined' ? 'attention' : 'info', text });
  return { view, text };
}

/** The booker hears what the person answered after the course: a place paid for and not used, or a refund to claim. */
function attendanceTextForBooker(request: { status: string }, requester: string, title: string): string {
  return request.status === 'not-attended'
    ? `${requester} did not attend "${title}". The booking still counts against the budget; ask the provider about a transfer.`
    : `${requester} says "${title}" did not take place: the course was cancelled. Its cost no longer counts against the budget; ask the provider for a refund.`;
}

function updateText(request: { status: string; closedReason?: string; steps: { decision?: { outcome: string; reason?: string; at: string } }[]; questions: { text: string; at: string }[] }, title: string): string {
  const last = [...request.steps].reverse().find((s) => s.decision);
  switch (request.status) {
    case 'declined':
      return `Your request "${title}" was declined: ${last?.decision?.reason ?? ''}`;
    case 'approved':
      return `Your request "${title}" is approved. It will be booked for you.`;
    case 'booked':
      return `"${title}" is booked. It is in your sessions now.`;
    case 'cancelled':
      return request.closedReason === PROVIDER_CANCELLED_REASON ? `"${title}" did not take place: the course was cancelled. Its cost no longer counts; ask the provider for a refund.` : `"${title}" was cancelled.`;
    case 'attended':
      return `"${title}" is marked attended and is on your CPD record with its hours.`;
    case 'not-attended':
      return `"${title}" is marked not attended: it is not on the CPD record, and its cost still counts against the budget.`;
    case 'submitted': {
      const question = request.questions.at(-1);
      // The newest event decides the message: a question asked after the last decision, or that decision.
      return question && (!last || question.at > last.decision!.at)
        ? `A question about "${title}": ${question.text}`
        : `Your request "${title}" was approved at one step and has gone on to the next.`;
    }
    default:
      return `Your request "${title}": ${request.status}`;
  }
}
