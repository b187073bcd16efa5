import type { Clock, Platform } from '../../domain';
import type { Store } from '../../store/store';
import { DOCUMENTED_LIMITS, type PlatformLimits, sustainedRate } from './rate-limits';
import { DEFAULT_HEADROOM, type Sleep } from './rate-limiter';

/** Tokens one process takes from a slot at a time: a fifth of Teams' second, so two processes share it finely. */
const CHUNK = 10;
const SLOT_MS = 1000;
/** How far ahead a process may reserve: this slot and the next. */
const SLOTS_AHEAD = 2;
const ATTEMPTS = 5;

/**
 * A tenant's app-wide send rate (Teams: 50 a second per app per tenant) shared by every process
 * that sends for it, through the store (issue 28, item 5). Time is cut into one-second slots, each
 * a document (an `idempotencyKeys` record, purpose `send-budget`, which expires in a minute)
 * counting the tokens taken from it. A process takes tokens in chunks under the document's ETag;
 * each token is a position in its slot, usable from slot start + position × (1 s / tokens per
 * slot), and a process never takes a position already past: so whatever the number of processes,
 * tokens are at most `tokens per slot` (47 for Teams) in any second. A token used late (a busy
 * process) stays under the platform's 50; one later still is lost, never overdrawn.
 */
export class SharedSendBudget {
  /** Per platform|tenant: the times of tokens this process holds, earliest first. */
  private readonly held = new Map<string, number[]>();
  private readonly taking = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
    private readonly limits: Record<Platform, PlatformLimits> = DOCUMENTED_LIMITS,
    private readonly headroom = DEFAULT_HEADROOM,
  ) {}

  private lateness(platform: Platform): number {
    const ceiling = (sustainedRate(this.limits[platform]) * SLOT_MS) / 1000;
    return Math.max(1, ceiling - this.perSlot(platform)) * (SLOT_MS / this.perSlot(platform));
  }

  private perSlot(platform: Platform): number {
    return Math.max(1, Math.floor((sustainedRate(this.limits[platform]) * SLOT_MS) / 1000 / this.headroom));
  }

  /** Waits until this process holds one of the tenant's tokens and its time has come; the token's time. */
  async take(platform: Platform, tenantId: string, signal?: AbortSignal): Promise<number> {
    const key = `${platform}|${tenantId}`;
    for (;;) {
      if (signal?.aborted) throw new Error('aborted');
      const now = this.clock.now().getTime();
      // A token may be used a little late (this process was busy): by as many places as the headroom
      // leaves under the platform's own ceiling, so late ones never push a second over it. Later, it is lost.
      const queue = (this.held.get(key) ?? []).filter((t) => t >= now - this.lateness(platform));
      this.held.set(key, queue);
      const next = queue.shift();
      if (next !== undefined) {
        if (next > now) await this.sleep(next - now);
        return next;
      }
      // One chunk at a time per tenant in this process; the workers waiting share it.
      let pending = this.taking.get(key);
      if (!pending) {
        pending = this.takeChunk(platform, tenantId, key).finally(() => this.taking.delete(key));
        this.taking.set(key, pending);
      }
      await pending;
    }
  }

  private async takeChunk(platform: Platform, tenantId: string, key: string): Promise<void> {
    const perSlot = this.perSlot(platform);
    const spacing = SLOT_MS / perSlot;
    const now = this.clock.now().getTime();
    const first = Math.floor(now / SLOT_MS);
    for (let slot = first; slot < first + SLOTS_AHEAD; slot++) {
      const start = slot * SLOT_MS;
      // Positions already past in this slot are skipped: using them now would bunch sends.
      const earliest = Math.max(0, Math.ceil((now - start) / spacing));
      const id = `send-budget-${platform}-${slot}`;
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const current = await this.store.idempotencyKeys.get(tenantId, id);
        const taken = Math.max(earliest, Number((current?.value.result as { taken?: unknown } | undefined)?.taken ?? 0));
        if (taken >= perSlot) break;
        const count = Math.min(CHUNK, perSlot - taken);
        const doc = { tenantId, id, purpose: 'send-budget', createdAt: new Date(now).toISOString(), result: { taken: taken + count } };
        const written = current ? await this.store.idempotencyKeys.put(doc, { ttlSeconds: 60, ifVersion: current.version }) : await this.store.idempotencyKeys.create(doc, { ttlSeconds: 60 });
        if (!written.ok) continue;
        const times = Array.from({ length: count }, (_, i) => start + (taken + i) * spacing);
        this.held.set(key, [...(this.held.get(key) ?? []), ...times].sort((a, b) => a - b));
        return;
      }
    }
    // Every slot in reach is spent (or contended): try again as the next one opens.
    await this.sleep(SLOT_MS - (now % SLOT_MS));
  }
}
