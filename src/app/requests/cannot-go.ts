import { CANNOT_GO_REASON, cancelForCannotGo, type Session, type Staff, type Tenant } from '../../domain';
import type { Notice } from '../../cards/views';
import { updateWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';
import { cancelExternalSession } from './request-booking';
import { enqueueRequestMessage } from './request-messages';
import { bookerOf, namesOf } from './request-people';

/** The slot of the messages about a person who cannot go: once per request. */
export const CANNOT_GO_SLOT = 'cannot-go';

/**
 * "Can't go" pressed on the session a booked course became: the request is cancelled (its cost
 * no longer counts against the budget), its session cancelled, and the booker told in chat, with
 * the person's line manager when they approved it. Returns what to tell the person, or undefined
 * when the session is no booked course of theirs. Pressing again finishes what a failed press
 * left undone and changes and sends nothing more.
 */
export async function cannotGoToBookedCourse(deps: AppDeps, tenant: Tenant, staff: Staff, session: Session): Promise<Notice | undefined> {
  if (session.kind !== 'external') return undefined;
  const theirs = await deps.store.cpdRequests.find(tenant.id, { where: { requesterId: staff.id } });
  const request = theirs.map((r) => r.value).find((r) => r.booking?.sessionId === session.id);
  if (!request) return undefined;
  const at = deps.clock.now().toISOString();
  const updated = await updateWithRetry(deps.store.cpdRequests, tenant.id, request.id, (current) => {
    const cancelled = cancelForCannotGo(current, staff.id, at);
    return cancelled.ok ? cancelled.request : undefined;
  });
  if (!updated.ok) return { tone: 'attention', text: 'Your answer is saved, but the booking could not be cancelled just now. Please press the button again.' };
  // Cancelled by this press or an earlier one (whose messages are then made again, once each); not someone else's cancellation.
  if (updated.value.status !== 'cancelled' || updated.value.closedReason !== CANNOT_GO_REASON) return undefined;
  const booker = await bookerOf(deps, tenant);
  // The line manager hears of it when they approved it (they can see the request); the booker always.
  const manager = staff.lineManagerId && updated.value.steps.some((s) => s.approverId === staff.lineManagerId && s.decision) ? staff.lineManagerId : undefined;
  const told = [...new Set([booker?.id, manager].filter((id): id is string => id !== undefined && id !== staff.id))];
  for (const id of told) await enqueueRequestMessage(deps, updated.value, 'request-update', id, CANNOT_GO_SLOT);
  // The session last: until it is cancelled a press can still reach here and finish the steps above.
  await cancelExternalSession(deps, tenant, session.id, at);
  const names = await namesOf(deps, tenant.id, told);
  const done = 'The course is cancelled and its cost no longer counts against the budget.';
  const toldText = told.length > 0 ? ` ${told.map((id) => names.get(id)).join(' and ')} ${told.length === 1 ? 'has' : 'have'} been told.` : '';
  // Nobody books courses here: the person is asked to pass it on rather than it reaching nobody.
  if (!booker) return { tone: 'attention', text: `${done}${toldText} Nobody is set to book courses, so please tell your CPD lead about the booking.` };
  return { tone: 'info', text: `${done}${toldText}` };
}
