import type { Platform } from '../../domain';
import type { CardView } from '../../cards/views';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { buildCpdRequestView } from './request-view';

const CARD_KINDS = ['request-approval', 'request-update', 'request-to-book', 'request-nudge', 'request-overdue-lead'];

export interface RequestCardCopy {
  conversationId: string;
  messageId: string;
  view: CardView;
}

/**
 * Every message about a request already sent on a platform, each with the view its recipient
 * should now see: so a platform without Teams' card refresh (Slack) can update every copy in place.
 */
export async function requestCardCopies(deps: AppDeps, actor: Actor, requestId: string, platform: Platform): Promise<RequestCardCopy[]> {
  const tenantId = actor.tenant.id;
  const request = (await deps.store.cpdRequests.get(tenantId, requestId))?.value;
  if (!request) return [];
  const sent = await deps.store.deliveries.find(tenantId, { where: { 'subject.requestId': requestId, status: 'sent', platform } });
  const copies: RequestCardCopy[] = [];
  for (const { value: delivery } of sent) {
    if (!CARD_KINDS.includes(delivery.kind) || !delivery.platformMessageId || !delivery.platformConversationId) continue;
    const recipient = (await deps.store.staff.get(tenantId, delivery.recipientId))?.value;
    if (!recipient) continue;
    copies.push({ conversationId: delivery.platformConversationId, messageId: delivery.platformMessageId, view: await buildCpdRequestView(deps, actor.tenant, request, recipient) });
  }
  return copies;
}
