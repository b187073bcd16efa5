import { markRequestAttended, markRequestEvaluated, markRequestNotAttended, participationId, receiptId, type Transition } from '../../domain';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

/**
 * Moves booked requests on as their course does (docs/requests.md): once its session has ended,
 * attended or not as the register says (the person's answer to "Did you attend?", or the lead's
 * mark; unanswered, it stays booked), then evaluated once the person has answered its reaction
 * questionnaire. Each step is a
 * rule applied under the ETag, so two instances running this at once change each request once.
 */
export async function advanceCpdRequests(deps: { store: Store }, tenantId: string, now: Date): Promise<number> {
  const { store } = deps;
  const open = await store.cpdRequests.find(tenantId, { where: { status: { in: ['booked', 'attended'] } } });
  let changed = 0;
  for (const { value: request } of open) {
    const sessionId = request.booking?.sessionId;
    if (!sessionId) continue;
    const session = (await store.sessions.get(tenantId, sessionId))?.value;
    if (!session || session.status === 'cancelled') continue;
    const at = now.toISOString();
    let rule: ((r: typeof request) => Transition) | undefined;
    if (request.status === 'booked' && session.endsAt <= at) {
      const place = (await store.participations.get(tenantId, participationId(sessionId, request.requesterId)))?.value;
      if (place?.attended === true) rule = (r) => markRequestAttended(r, at);
      if (place?.attended === false) rule = (r) => markRequestNotAttended(r, place.attendanceMarkedBy ?? r.requesterId, at);
    }
    if (request.status === 'attended') {
      const [questionnaire] = await store.questionnaires.find(tenantId, { where: { sessionId }, limit: 1 });
      const answered = questionnaire && (await store.receipts.get(tenantId, receiptId(questionnaire.value.id, request.requesterId)));
      if (answered) rule = (r) => markRequestEvaluated(r, at);
    }
    if (!rule) continue;
    const apply = rule;
    const result = await updateWithRetry(store.cpdRequests, tenantId, request.id, (current) => {
      const next = apply(current);
      return next.ok ? next.request : undefined;
    });
    if (result.ok && result.changed) changed++;
  }
  return changed;
}
