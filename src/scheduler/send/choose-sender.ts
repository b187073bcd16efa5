import type { MessageSender } from '../../app/outbound';
import type { Staff } from '../../domain';

/** The person's preferred platform when it can reach them, else whichever can. */
export function chooseSender(senders: readonly MessageSender[], recipient: Staff): MessageSender | undefined {
  const preferred = senders.find((s) => s.platform === recipient.preferredPlatform && s.canReach(recipient));
  return preferred ?? senders.find((s) => s.canReach(recipient));
}
