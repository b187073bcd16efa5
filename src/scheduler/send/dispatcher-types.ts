import type { ComposeResult } from '../../app/compose-message';
import type { MessageSender } from '../../app/outbound';
import type { Clock, Delivery, Platform } from '../../domain';
import type { Logger } from '../../log';
import type { Store } from '../../store/store';
import type { BackoffPolicy } from './backoff';
import type { PlatformLimits } from './rate-limits';
import type { Sleep } from './rate-limiter';

export type ComposeFn = (delivery: Delivery) => Promise<ComposeResult>;

export type SchedulerLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

export interface DispatcherDeps {
  store: Store;
  clock: Clock;
  logger: SchedulerLogger;
  senders: readonly MessageSender[];
  compose: ComposeFn;
  /** Names this process in leases, e.g. host name and pid. */
  instanceId: string;
  /** Waits for rate limits and Retry-After; tests pass one that moves a ManualClock. */
  sleep?: Sleep;
  /** Waits between tries to record a result the store refused with an error (real time by default). */
  recordRetrySleep?: Sleep;
  random?: () => number;
  limits?: Record<Platform, PlatformLimits>;
  backoff?: BackoffPolicy;
  /** How long a claim holds before another instance may take the record over. */
  leaseMs?: number;
  /** Records claimed per claim round (a pass claims round after round while more is due). */
  batchSize?: number;
  /** Records of one tenant claimed per round (claims are shared round-robin between tenants). */
  maxClaimsPerTenant?: number;
  /** Sends in flight at once in this process. */
  concurrency?: number;
  /**
   * Share each tenant's app-wide rate with the other processes sending for it, through the store
   * (shared-send-budget.ts): on when more than one process may run against the store (Cosmos).
   */
  shareTenantRate?: boolean;
  /** Retry-After longer than this releases the record (nextAttemptAt) instead of waiting in process. */
  maxInProcessWaitMs?: number;
  /** Sent records expire after this (Cosmos TTL / embedded purge). */
  sentTtlSeconds?: number;
  /** Told each send's outcome as it happens (telemetry counts them by platform); never the person. */
  onOutcome?: (outcome: 'sent' | 'failed' | 'throttled' | 'expired', platform: Platform | undefined) => void;
}

export interface DispatchSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Claimed in quiet hours, at a weekend or in a holiday: back in the outbox, due at the next allowed time. */
  deferred: number;
  /** Lost to another instance between claim and send (its lease had run out, or it was re-claimed). */
  lostLease: number;
  throttled: number;
  /** Claimed after its `expiresAt` (e.g. the bot was stopped): marked `expired`, never sent. */
  expired: number;
}

export const emptySummary = (): DispatchSummary => ({
  claimed: 0,
  sent: 0,
  retried: 0,
  failed: 0,
  skipped: 0,
  deferred: 0,
  lostLease: 0,
  throttled: 0,
  expired: 0,
});
