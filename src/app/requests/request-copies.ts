import type { CpdRequest, Platform, Staff, Tenant } from '../../domain';
import type { CardCopy, OtherCopies } from '../card-copies';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { bookerOf } from './request-people';
import { buildCpdRequestView } from './request-view';

const CARD_KINDS = ['request-approval', 'request-update', 'request-to-book', 'request-nudge', 'request-overdue-lead'];

export type RequestCardCopy = CardCopy;

/**
 * Every message about a request already sent on a platform, each with the view its recipient
 * should now see, built from the request and booker the action already holds: so a platform
 * without Teams' card refresh (Slack) can update every copy in place.
 */
export function requestCopies(deps: AppDeps, tenant: Tenant, request: CpdRequest, booker: Staff | undefined): OtherCopies {
  return async (platform) => {
    const sent = await deps.store.deliveries.find(tenant.id, { where: { 'subject.requestId': request.id, status: 'sent', platform } });
    const copies: CardCopy[] = [];
    for (const { value: delivery } of sent) {
      if (!CARD_KINDS.includes(delivery.kind) || !delivery.platformMessageId || !delivery.platformConversationId) continue;
      const recipient = (await deps.store.staff.get(tenant.id, delivery.recipientId))?.value;
      if (!recipient) continue;
      copies.push({ conversationId: delivery.platformConversationId, messageId: delivery.platformMessageId, view: await buildCpdRequestView(deps, tenant, request, recipient, undefined, { booker }) });
    }
    return copies;
  };
}

/** The same, for a request known only by its id. */
export async function requestCardCopies(deps: AppDeps, actor: Actor, requestId: string, platform: Platform): Promise<RequestCardCopy[]> {
  const request = (await deps.store.cpdRequests.get(actor.tenant.id, requestId))?.value;
  if (!request) return [];
  return requestCopies(deps, actor.tenant, request, await bookerOf(deps, actor.tenant))(platform);
}
