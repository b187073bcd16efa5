import type { Clock, Delivery, Staff } from '../../domain';
import { participationId } from '../../domain';
import type { Store } from '../../store/store';
import { upsertWithRetry } from '../../store/update';
import type { MessageSender, OutboundMessage, SendResult } from '../outbound';

/**
 * Who was invited is a fact of the moment the invitation went, not today's staff list: a sender
 * that, once an invitation is sent, records `invitedAt` on the person's participation. Reports
 * count those, so a roster import after a session leaves its invited count alone.
 */
export function recordingInvitations(sender: MessageSender, deps: { store: Store; clock: Clock; onError: (err: unknown, delivery: Delivery) => void }): MessageSender {
  return {
    platform: sender.platform,
    maxSendMs: sender.maxSendMs,
    canReach: (recipient) => sender.canReach(recipient),
    update: (recipient, platformMessage, message) => sender.update(recipient, platformMessage, message),
    async send(recipient: Staff, message: OutboundMessage, delivery: Delivery): Promise<SendResult> {
      const result = await sender.send(recipient, message, delivery);
      const sessionId = delivery.subject.sessionId;
      if (result.status === 'sent' && delivery.kind === 'invitation' && sessionId) {
        // The send stands whatever happens here: a failed record must never make the dispatcher send again.
        await recordInvitation(deps, delivery.tenantId, sessionId, recipient.id).catch((err: unknown) => deps.onError(err, delivery));
      }
      return result;
    },
  };
}

/** Sets `invitedAt` once (ETag-guarded, so an RSVP or register mark written meanwhile is kept). */
export async function recordInvitation(deps: { store: Store; clock: Clock }, tenantId: string, sessionId: string, staffId: string): Promise<void> {
  const id = participationId(sessionId, staffId);
  const invitedAt = deps.clock.now().toISOString();
  const written = await upsertWithRetry(deps.store.participations, tenantId, id, (current) =>
    current?.invitedAt ? undefined : { tenantId, id, sessionId, staffId, ...(current ?? {}), invitedAt },
  );
  if (!written.ok) throw new Error(`could not record the invitation of ${staffId} to ${sessionId}`);
}
