import { cancelForCannotGo, type Session, type Staff, type Tenant } from '../../domain';
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
 * when the session is no booked course of theirs. Pressing again changes and sends nothing more.
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
  if (updated.value.status !== 'cancelled') return undefined;
  await cancelExternalSession(deps, tenant, session.id, at);
  const booker = await bookerOf(deps, tenant);
  // The line manager hears of it when they approved it (they can see the request); the booker always.
  const manager = staff.lineManagerId && updated.value.steps.some((s) => s.approverId === staff.lineManagerId && s.decision) ? staff.lineManagerId : undefined;
  const told = [...new Set([booker?.id, manager].filter((id): id is string => id !== undefined && id !== staff.id))];
  for (const id of told) await enqueueRequestMessage(deps, updated.value, 'request-update', id, CANNOT_GO_SLOT);
  const names = await namesOf(deps, tenant.id, told);
  const who = told.map((id) => names.get(id)).join(' and ');
  if (!booker) return { tone: 'attention', text: 'The course is cancelled and its cost no longer counts against the budget, but nobody is set to book courses, so nobody could be told: please tell your CPD lead.' };
  return { tone: 'info', text: `The course is cancelled and its cost no longer counts against the budget. ${who} ${told.length === 1 ? 'has' : 'have'} been told.` };
}
