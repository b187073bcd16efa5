import { setMaxListeners } from 'node:events';
import type { MessageSender, OutboundMessage, SendResult } from '../../app/outbound';
import { hasExpired, NO_LINKED_ACCOUNT, type Delivery, type Staff } from '../../domain';
import { sessionStartOf } from '../../domain/send-exemption';
import type { Versioned } from '../../store/port';
import { backoffMs, DEFAULT_BACKOFF } from './backoff';
import { chooseSender } from './choose-sender';
import { emptySummary, type DispatchSummary, type DispatcherDeps } from './dispatcher-types';
import { RateLimiter, realSleep } from './rate-limiter';
import { SharedSendBudget } from './shared-send-budget';
import { assertSendsFitLease } from './send-budget';
import { SendTimeRules } from './send-time-rules';
import { findClaimable } from './claimable-deliveries';
import { TenantQueue } from './tenant-queue';

export type { ComposeFn, DispatchSummary, DispatcherDeps } from './dispatcher-types';

const DEFAULTS = {
  leaseMs: 60_000,
  batchSize: 200,
  // Two seconds of one tenant's Teams ceiling (50/s): the outbox is asked again (within the pass)
  // at least that often, so another tenant's record that falls due meanwhile waits about that long.
  maxClaimsPerTenant: 100,
  concurrency: 16,
  maxInProcessWaitMs: 30_000,
  sentTtlSeconds: 90 * 24 * 3600,
};
const LEGACY_SCAN_INTERVAL_MS = 60_000;
/** 429s answered in process for one record before it is handed back to the outbox. */
const MAX_THROTTLED_TRIES = 10;
/**
 * Waits between tries to record a result the store refused with an error (e.g. `database is
 * locked`): a send whose "sent" is never recorded would be sent again when its lease runs out.
 */
const RECORD_RETRY_MS = [50, 200, 500, 1000, 2000];

type Claim = Versioned<Delivery>;
/** A claim waiting for a worker, with the send-time rules of the round that claimed it. */
interface Queued {
  claim: Claim;
  rules: SendTimeRules;
}
type Finished = Pick<Delivery, 'status'> & Partial<Delivery>;

/** Drops the lease and retry fields: a finished or released record carries none. */
function withoutLease(d: Delivery): Delivery {
  const { leaseOwner: _o, leaseUntil: _u, nextAttemptAt: _n, ...rest } = d;
  return rest;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

/**
 * Sends due outbox records. Claims each with an ETag-conditional lease, waits for the
 * platform's rate limit, renews the lease under the same ETag just before sending (so a record
 * another instance has taken over or sent is never sent again from here), and records the result.
 */
export class Dispatcher {
  private readonly limiter: RateLimiter;
  private readonly budget: SharedSendBudget | undefined;
  private readonly opts: typeof DEFAULTS;
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopping = false;
  /** Aborted by stop(): waits in the rate limiter and for Retry-After end at once. */
  private readonly stopSignal = new AbortController();

  constructor(private readonly deps: DispatcherDeps) {
    this.opts = {
      leaseMs: deps.leaseMs ?? DEFAULTS.leaseMs,
      batchSize: deps.batchSize ?? DEFAULTS.batchSize,
      maxClaimsPerTenant: deps.maxClaimsPerTenant ?? DEFAULTS.maxClaimsPerTenant,
      concurrency: deps.concurrency ?? DEFAULTS.concurrency,
      maxInProcessWaitMs: deps.maxInProcessWaitMs ?? DEFAULTS.maxInProcessWaitMs,
      sentTtlSeconds: deps.sentTtlSeconds ?? DEFAULTS.sentTtlSeconds,
    };
    assertSendsFitLease(deps.senders, this.opts.leaseMs);
    this.limiter = new RateLimiter(deps.clock, (ms) => this.sleepUnlessStopped(ms), deps.limits);
    this.budget = deps.shareTenantRate ? new SharedSendBudget(deps.store, deps.clock, (ms) => this.sleepUnlessStopped(ms), deps.limits) : undefined;
    // One listener per worker waiting for the rate limit (16 by default): not a leak.
    setMaxListeners(0, this.stopSignal.signal);
  }

  private get sleep() {
    return this.deps.sleep ?? realSleep;
  }

  /** A wait before a send: cut short by stop(), after which the claim is handed back unsent. */
  private sleepUnlessStopped(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    const signal = this.stopSignal.signal;
    return new Promise<void>((resolve) => {
      const onStop = () => resolve();
      signal.addEventListener('abort', onStop, { once: true });
      void this.sleep(ms).then(() => {
        signal.removeEventListener('abort', onStop);
        resolve();
      });
    });
  }

  private nowIso(offsetMs = 0): string {
    return new Date(this.deps.clock.now().getTime() + offsetMs).toISOString();
  }

  /** One pass: claim what is due, round after round while more is due, and send it (see `pass`). */
  async dispatchDue(): Promise<DispatchSummary> {
    const summary = emptySummary();
    if (this.stopping) return summary;
    const pass = this.pass(summary);
    this.inFlight.add(pass);
    try {
      await pass;
    } finally {
      this.inFlight.delete(pass);
    }
    return summary;
  }

  /** Passes until nothing due is left to claim (tests and the benchmark). */
  async dispatchUntilIdle(maxPasses = 1000): Promise<DispatchSummary> {
    const total = emptySummary();
    for (let i = 0; i < maxPasses && !this.stopping; i++) {
      const s = await this.dispatchDue();
      for (const k of Object.keys(total) as (keyof DispatchSummary)[]) total[k] += s[k];
      if (s.claimed === 0) break;
    }
    return total;
  }

  /**
   * Stops claiming, ends waits for the rate limit at once, hands every unstarted claim back (free
   * for another instance now, not when its lease runs out), and waits only for sends in flight.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * One pass: claim a round of what is due (shared round-robin between tenants, at most
   * `maxClaimsPerTenant` each) and send it. While a round was cut short by those limits, more is
   * due: the next round is claimed as soon as fewer than `lowWater` claims wait for a worker, while
   * the rest still go out, so the senders never idle between rounds. Each round asks the outbox
   * afresh, so another tenant's record falling due meanwhile is in the next round, and the queue
   * serves tenants in turn. The pass ends when a round leaves nothing more due and all is sent.
   */
  private async pass(summary: DispatchSummary): Promise<void> {
    const queue = new TenantQueue<Queued>((q) => q.claim.value.tenantId);
    let more = true;
    let refilling: Promise<void> | undefined;
    const lowWater = Math.max(this.opts.concurrency, Math.ceil(Math.min(this.opts.batchSize, this.opts.maxClaimsPerTenant) / 2));
    const refill = async () => {
      const round = await this.claimRound();
      summary.claimed += round.claims.length;
      more = round.more;
      if (this.stopping) {
        await this.releaseAll(round.claims);
        return;
      }
      // Calendars and zones are read afresh each round: a long broadcast sees a new holiday.
      const rules = new SendTimeRules(this.deps.store);
      queue.add(round.claims.map((claim) => ({ claim, rules })));
    };
    const refillIfLow = () => {
      if (!more || refilling || this.stopping || queue.size >= lowWater) return;
      refilling = refill()
        .catch((error: unknown) => {
          // A store outage while claiming: what is queued still goes; the next pass tries again.
          more = false;
          this.deps.logger.error({ err: error }, 'claiming due deliveries failed');
        })
        .finally(() => (refilling = undefined));
    };
    const first = await this.claimRound();
    summary.claimed += first.claims.length;
    more = first.more;
    const rules = new SendTimeRules(this.deps.store);
    queue.add(first.claims.map((claim) => ({ claim, rules })));
    const worker = async () => {
      for (;;) {
        refillIfLow();
        const next = queue.take();
        if (!next) {
          // Empty with a round on its way: wait for it. Empty with nothing more due: done.
          if (!refilling) return;
          await refilling;
          continue;
        }
        if (this.stopping) {
          await this.releaseAll([next, ...queue.drain()].map((q) => q.claim));
          return;
        }
        await this.deliver(next.claim, summary, next.rules).catch((error: unknown) => {
          // A store outage mid-send: the lease runs out and another pass retries it.
          this.deps.logger.error({ err: error, deliveryId: next.claim.value.id }, 'dispatch failed unexpectedly');
        });
      }
    };
    await Promise.all(Array.from({ length: more ? this.opts.concurrency : Math.min(this.opts.concurrency, queue.size) }, worker));
  }

  /**
   * Claims one round. `more` when a limit cut the round short (the batch, or a tenant's share)
   * and something was claimed: then more may be due now. A round that claims nothing ends the
   * pass, so instances racing for the same records do not spin.
   */
  private async claimRound(): Promise<{ claims: Claim[]; more: boolean }> {
    const free = await findClaimable(this.deps.store.deliveries, this.nowIso(), this.opts.batchSize, this.opts.maxClaimsPerTenant, {
      includeLegacy: this.legacyScanDue(),
    });
    const claims = (await Promise.all(free.map((r) => this.claim(r)))).filter((c): c is Claim => c !== undefined);
    const perTenant = new Map<string, number>();
    for (const r of free) perTenant.set(r.value.tenantId, (perTenant.get(r.value.tenantId) ?? 0) + 1);
    const cutShort = free.length >= this.opts.batchSize || [...perTenant.values()].some((n) => n >= this.opts.maxClaimsPerTenant);
    return { claims, more: claims.length > 0 && cutShort };
  }

  /** Records from before `availableAt` are looked for on the first pass and then once a minute. */
  private legacyScannedAt = -Infinity;
  private legacyScanDue(): boolean {
    const now = this.deps.clock.now().getTime();
    if (now - this.legacyScannedAt < LEGACY_SCAN_INTERVAL_MS) return false;
    this.legacyScannedAt = now;
    return true;
  }

  private async claim(row: Claim): Promise<Claim | undefined> {
    const leased = { ...row.value, leaseOwner: this.deps.instanceId, leaseUntil: this.nowIso(this.opts.leaseMs) };
    const put = await this.deps.store.deliveries.put(leased, { ifVersion: row.version });
    return put.ok ? { value: put.value, version: put.version } : undefined;
  }

  private async deliver(claim: Claim, summary: DispatchSummary, rules: SendTimeRules): Promise<void> {
    let current = claim;
    // After downtime, the outbox holds messages whose moment has passed: never send those.
    if (hasExpired(current.value, this.deps.clock.now())) {
      summary.expired++;
      this.deps.onOutcome?.('expired', current.value.platform);
      await this.finish(current, { status: 'expired', lastError: `expired at ${current.value.expiresAt}` });
      return;
    }
    if (await this.deferredToAllowedTime(current, summary, rules)) return;
    const composed = await this.deps.compose(current.value);
    if (!composed.ok) {
      summary.skipped++;
      await this.finish(current, { status: 'skipped', lastError: composed.reason });
      return;
    }
    const sender = chooseSender(this.deps.senders, composed.recipient);
    if (!sender) {
      summary.failed++;
      this.deps.onOutcome?.('failed', undefined);
      await this.finish(current, { status: 'failed', lastError: NO_LINKED_ACCOUNT });
      return;
    }
    for (let throttledTries = 0; ; ) {
      const d = current.value;
      // Re-check under the ETag before sending: sent or taken over elsewhere → not ours to send.
      // A claim this process made moments ago is that check already (one write fewer per message).
      if (this.freshlyOurs(current)) current = { ...current, value: { ...current.value, platform: sender.platform } };
      else {
        const renewed = await this.renew(current, sender.platform);
        if (!renewed) {
          summary.lostLease++;
          return;
        }
        current = renewed;
      }
      // The token is taken last, just before the request, so send times keep the spacing the limiter chose.
      const waitedFrom = this.deps.clock.now().getTime();
      try {
        await this.limiter.acquire(sender.platform, d.tenantId, d.recipientId, this.stopSignal.signal);
        // Then the tenant's share of the rate across processes, so two instances never both spend its 50/s.
        await this.budget?.take(sender.platform, d.tenantId, this.stopSignal.signal);
      } catch (error) {
        if (!this.stopping) throw error;
        await this.release(current, {});
        return;
      }
      if (this.deps.clock.now().getTime() - waitedFrom > this.opts.leaseMs / 3 || !this.freshlyOurs(current)) {
        const again = await this.renew(current, sender.platform);
        if (!again) {
          summary.lostLease++;
          return;
        }
        current = again;
      }
      // The wait may have run into quiet hours (an afternoon broadcast at the hourly limit).
      if (await this.deferredToAllowedTime(current, summary, rules)) return;
      const result = await this.send(sender, composed.recipient, composed.message, current.value);
      const attempts = current.value.attempts + 1;
      // Kept on the record through retries, so the lead's view can count who needed an install.
      if (result.installedFor && !current.value.installedAt) current = { ...current, value: { ...current.value, installedAt: this.nowIso() } };
      if (result.status === 'sent') {
        summary.sent++;
        this.deps.onOutcome?.('sent', sender.platform);
        await this.finish(current, {
          status: 'sent',
          attempts,
          platformMessageId: result.messageId,
          platformConversationId: result.conversationId,
          sentAt: this.nowIso(),
        });
        return;
      }
      if (result.status === 'throttled') {
        summary.throttled++;
        this.deps.onOutcome?.('throttled', sender.platform);
        this.limiter.pause(sender.platform, d.tenantId, d.recipientId, result.retryAfterMs);
        if (result.retryAfterMs <= this.opts.maxInProcessWaitMs && ++throttledTries < MAX_THROTTLED_TRIES) {
          const until = this.nowIso(result.retryAfterMs);
          await this.sleepUnlessStopped(result.retryAfterMs);
          if (!this.stopping) continue;
          await this.release(current, { nextAttemptAt: until, lastError: 'throttled' });
          return;
        }
        await this.release(current, { nextAttemptAt: this.nowIso(result.retryAfterMs), lastError: 'throttled' });
        return;
      }
      if (result.status === 'unreachable') {
        summary.failed++;
        this.deps.onOutcome?.('failed', sender.platform);
        await this.finish(current, { status: 'failed', attempts, lastError: `unreachable: ${result.reason}` });
        return;
      }
      const policy = this.deps.backoff ?? DEFAULT_BACKOFF;
      if (result.transient && attempts < policy.maxAttempts) {
        summary.retried++;
        const wait = backoffMs(policy, attempts, this.deps.random ?? Math.random);
        await this.release(current, { attempts, nextAttemptAt: this.nowIso(wait), lastError: result.reason });
        return;
      }
      summary.failed++;
      this.deps.onOutcome?.('failed', sender.platform);
      await this.finish(current, { status: 'failed', attempts, lastError: result.reason });
      return;
    }
  }

  /**
   * Nothing is sent in quiet hours, at a weekend or in a holiday unless the record's own rule
   * allows it: a record claimed then goes back to the outbox, due at the next allowed time.
   */
  private async deferredToAllowedTime(claim: Claim, summary: DispatchSummary, rules: SendTimeRules): Promise<boolean> {
    const now = this.deps.clock.now();
    const allowed = await rules.allowedFrom(claim.value, now);
    if (allowed.getTime() <= now.getTime()) return false;
    const startsAt = sessionStartOf(claim.value.sendExemption);
    if (startsAt && allowed >= startsAt) {
      // As the planner does: a message about a session that would only arrive once it has begun helps nobody.
      summary.skipped++;
      await this.finish(claim, { status: 'skipped', lastError: 'quiet hours: the next allowed time is after the session starts' });
      return true;
    }
    summary.deferred++;
    this.deps.logger.debug({ deliveryId: claim.value.id, dueAt: allowed.toISOString() }, 'deferred out of quiet hours');
    await this.release(claim, { dueAt: allowed.toISOString() });
    return true;
  }

  /**
   * Held by this process with at least two-thirds of its lease to run: as safe to send on as a
   * claim just renewed (the wait before a send renews past a third, as before). The platform is
   * recorded with the result (decision: "recorded once sent").
   */
  private freshlyOurs(claim: Claim): boolean {
    const { leaseOwner, leaseUntil } = claim.value;
    if (leaseOwner !== this.deps.instanceId || !leaseUntil) return false;
    return Date.parse(leaseUntil) - this.deps.clock.now().getTime() >= (this.opts.leaseMs * 2) / 3;
  }

  private async renew(claim: Claim, platform: MessageSender['platform']): Promise<Claim | undefined> {
    const leased = { ...claim.value, platform, leaseOwner: this.deps.instanceId, leaseUntil: this.nowIso(this.opts.leaseMs) };
    const put = await this.deps.store.deliveries.put(leased, { ifVersion: claim.version });
    return put.ok ? { value: put.value, version: put.version } : undefined;
  }

  private async send(sender: MessageSender, recipient: Staff, message: OutboundMessage, d: Delivery): Promise<SendResult> {
    try {
      return await sender.send(recipient, message, d);
    } catch (error) {
      // A sender that throws has told us nothing certain: treat it as a transient failure.
      return { status: 'failed', transient: true, reason: describe(error) };
    }
  }

  private async finish(claim: Claim, change: Finished): Promise<void> {
    const done = { ...withoutLease(claim.value), ...change };
    const put = await this.retryingStoreErrors(() => this.deps.store.deliveries.put(done, { ifVersion: claim.version, ttlSeconds: this.opts.sentTtlSeconds }));
    if (!put.ok) {
      this.deps.logger.warn({ deliveryId: done.id, status: done.status, reason: put.reason }, 'could not record the result: lease lost');
    }
  }

  /**
   * A result is retried when the store throws (locked, a lost connection) rather than left to the
   * lease: a "sent" left unrecorded is sent again by whoever claims the record next. A conflict
   * (412) is an answer, not an error, and is not retried. Real waits: this runs during stop() too.
   */
  private async retryingStoreErrors<R>(write: () => Promise<R>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await write();
      } catch (error) {
        const wait = RECORD_RETRY_MS[attempt];
        if (wait === undefined) throw error;
        this.deps.logger.warn({ err: error, attempt: attempt + 1 }, 'could not record a delivery result; retrying');
        await (this.deps.recordRetrySleep ?? realSleep)(wait);
      }
    }
  }

  private async releaseAll(claims: Claim[]): Promise<void> {
    await Promise.all(
      claims.map((c) => this.release(c, {}).catch((error: unknown) => this.deps.logger.warn({ err: error, deliveryId: c.value.id }, 'could not hand a claim back; its lease will run out'))),
    );
  }

  /** Hands the record back to the outbox, to be claimed again at `nextAttemptAt` (or at once). */
  private async release(claim: Claim, change: Partial<Delivery>): Promise<void> {
    const back = { ...withoutLease(claim.value), ...change, status: 'pending' as const };
    await this.deps.store.deliveries.put(back, { ifVersion: claim.version });
  }
}
