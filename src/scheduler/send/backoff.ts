export interface BackoffPolicy {
  /** Attempts in all, the first included; then the delivery is marked failed. */
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 5, baseMs: 2000, capMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": half the step fixed, half random, so instances that
 * failed together do not retry together, yet each waits at least half the step.
 */
export function backoffMs(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
