import type { MessageSender } from '../../app/outbound';

/**
 * The least lease a send starts with. The dispatcher renews the lease before waiting for the rate
 * limiter and renews it again if that wait took more than a third of it, so a send always starts
 * with at least two thirds of the lease left.
 */
export function sendBudgetMs(leaseMs: number): number {
  return Math.floor((leaseMs * 2) / 3);
}

/**
 * A send that can outlast its lease lets another instance claim the record and send it again
 * while this one is still waiting for an answer: a duplicate. So every sender must give up in time.
 */
export function assertSendsFitLease(senders: readonly MessageSender[], leaseMs: number): void {
  const budget = sendBudgetMs(leaseMs);
  for (const sender of senders) {
    if (!(sender.maxSendMs > 0 && sender.maxSendMs <= budget)) {
      throw new Error(
        `the ${sender.platform} sender may take up to ${sender.maxSendMs} ms, but a send has only ${budget} ms of its ${leaseMs} ms lease: lower PLATFORM_TIMEOUT_MS or raise the lease`,
      );
    }
  }
}
