import { newDelivery, type CpdRequest, type DeliveryKind } from '../../domain';
import type { AppDeps } from '../deps';

/**
 * Puts one message about a request in the outbox. The id names the request, the recipient and
 * the step it is about (`slot`), so a retried decision or a planner run twice sends nothing twice.
 */
export async function enqueueRequestMessage(deps: AppDeps, request: CpdRequest, kind: DeliveryKind, recipientId: string, slot: string): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.deliveries.create(newDelivery({ tenantId: request.tenantId, kind, recipientId, subject: { requestId: request.id }, subjectKey: request.id, slot, dueAt: now, createdAt: now }));
}

/** The messages a request's new state calls for: the next approver's card, the requester told, the booker asked. */
export async function announceRequestState(deps: AppDeps, request: CpdRequest, bookerId: string | undefined): Promise<void> {
  // The requester withdrew it themselves: nobody needs telling, and planned cards are no longer sent.
  if (request.status === 'withdrawn') return;
  const decided = request.steps.filter((s) => s.decision !== undefined).length;
  const waiting = request.status === 'submitted' ? request.steps[decided] : undefined;
  if (waiting) await enqueueRequestMessage(deps, request, 'request-approval', waiting.approverId, `step-${decided}`);
  // The requester hears of every decision (not of their own submission: the form already told them).
  if (decided > 0 || request.status !== 'submitted') await enqueueRequestMessage(deps, request, 'request-update', request.requesterId, `${request.status}-${decided}`);
  if (request.status === 'approved' && bookerId) await enqueueRequestMessage(deps, request, 'request-to-book', bookerId, 'approved');
}
