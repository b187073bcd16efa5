import { deterministicId, type IdempotencyKey } from '../../domain';
import type { AppDeps } from '../../app/deps';
import type { Versioned } from '../../app/deps';

/** How long a handled Slack request is remembered: Slack retries within minutes; a day is ample. */
export const HANDLED_REQUEST_TTL_SECONDS = 24 * 60 * 60;

/**
 * How long another process's unfinished claim is honoured. Work on a Slack request takes well
 * under Slack's 3-second deadline; a claim still pending long after is a process that died.
 */
export const CLAIM_LEASE_MS = 30_000;

export type SlackRequestClaim =
  /** Ours to run. `done()` once the work is written (false: not recorded, logged by the caller); `release()` if it was not. */
  | { outcome: 'first'; done(): Promise<boolean>; release(): Promise<void>; abandon(): void }
  /** Handled before: a retry changes nothing. */
  | { outcome: 'done' }
  /** Another copy is running now (or died less than a lease ago): ask the person to try again shortly. */
  | { outcome: 'in-progress' };

/**
 * Claims Slack requests (event id, trigger id, view id) so a retry of a handled one changes
 * nothing, without ever swallowing one that was not handled. A claim is written `pending` before
 * the work and only becomes `done` after it, so no transactional batch is needed (the Cosmos
 * emulator has none): work that failed, or a process killed mid-write, leaves a pending claim that
 * a retry takes over (under its ETag) once it lapses, or at once when this process owned it and is
 * no longer running it (its hand-back failed, e.g. on a full disk).
 */
export class SlackRequestClaims {
  /** Claims this process is running now; a pending claim of ours not in here is dead. */
  private readonly running = new Set<string>();
  /** Finished here but the `done` write failed: still answered as done by this process. */
  private readonly finished = new Set<string>();

  constructor(
    private readonly deps: AppDeps,
    /** Names this process in its claims. */
    private readonly owner: string,
    private readonly leaseMs = CLAIM_LEASE_MS,
  ) {}

  /**
   * `work`: what is needed to finish the request if this process dies before it is done, kept
   * in the claim itself (finish-kept-submissions.ts finishes it after a restart).
   */
  async claim(tenantId: string, key: string, work?: Record<string, unknown>): Promise<SlackRequestClaim> {
    const id = deterministicId('slk', key);
    const slot = `${tenantId}/${id}`;
    if (this.finished.has(slot)) return { outcome: 'done' };
    if (this.running.has(slot)) return { outcome: 'in-progress' };
    const keys = this.deps.store.idempotencyKeys;
    const now = this.deps.clock.now();
    const pending: IdempotencyKey = {
      tenantId,
      id,
      purpose: 'slack-request',
      createdAt: now.toISOString(),
      state: 'pending',
      owner: this.owner,
      leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
      ...(work ? { work } : {}),
    };
    const ttl = { ttlSeconds: HANDLED_REQUEST_TTL_SECONDS };
    let version: string | undefined;
    // Twice: a claim handed back (deleted) between our create and our read is simply free again.
    for (let attempt = 0; attempt < 2 && version === undefined; attempt++) {
      const created = await keys.create(pending, ttl);
      if (created.ok) {
        version = created.version;
        break;
      }
      const current = await keys.get(tenantId, id);
      if (!current) continue;
      if (current.value.state !== 'pending') return { outcome: 'done' };
      const ours = current.value.owner === this.owner;
      if (!ours && (current.value.leaseUntil ?? '') > now.toISOString()) return { outcome: 'in-progress' };
      const taken = await keys.put(pending, { ...ttl, ifVersion: current.version });
      if (!taken.ok) return { outcome: 'in-progress' };
      version = taken.version;
    }
    if (version === undefined) return { outcome: 'in-progress' };
    return this.ours(pending, version);
  }

  /**
   * Pending claims with kept work whose process died (lease lapsed), not running here; across
   * tenants, a page at a time (the rest on the next pass).
   */
  async unfinished(limit = 50): Promise<Versioned<IdempotencyKey>[]> {
    const now = this.deps.clock.now().toISOString();
    const found = await this.deps.store.idempotencyKeys.findAcrossTenants({ where: { state: 'pending', leaseUntil: { lt: now }, 'work.verb': { exists: true } }, limit });
    return found.filter((k) => k.value.purpose === 'slack-request' && !this.running.has(`${k.value.tenantId}/${k.value.id}`));
  }

  /** Takes over a dead claim (under its ETag, so two processes never both finish it), keeping its work. */
  async takeOver(dead: Versioned<IdempotencyKey>): Promise<SlackRequestClaim> {
    const now = this.deps.clock.now();
    const pending: IdempotencyKey = { ...dead.value, owner: this.owner, leaseUntil: new Date(now.getTime() + this.leaseMs).toISOString() };
    const taken = await this.deps.store.idempotencyKeys.put(pending, { ttlSeconds: HANDLED_REQUEST_TTL_SECONDS, ifVersion: dead.version });
    return taken.ok ? this.ours(pending, taken.version) : { outcome: 'in-progress' };
  }

  private ours(pending: IdempotencyKey, claimed: string): SlackRequestClaim {
    const { tenantId, id } = pending;
    const slot = `${tenantId}/${id}`;
    const keys = this.deps.store.idempotencyKeys;
    const ttl = { ttlSeconds: HANDLED_REQUEST_TTL_SECONDS };
    this.running.add(slot);
    return {
      outcome: 'first',
      done: async () => {
        this.running.delete(slot);
        // The kept work goes: a done claim holds nothing of what was submitted.
        const { owner: _o, leaseUntil: _l, work: _w, ...rest } = pending;
        try {
          const marked = await keys.put({ ...rest, state: 'done' }, { ...ttl, ifVersion: claimed });
          if (marked.ok) return true;
        } catch {
          // Reported to the caller as not recorded; the work itself is stored.
        }
        if (this.finished.size > 10_000) this.finished.clear();
        this.finished.add(slot);
        return false;
      },
      release: async () => {
        // Off the running set first: if the delete fails, the claim is dead and a retry here takes it over.
        this.running.delete(slot);
        // Marked done in a transaction that then failed: not done after all.
        this.finished.delete(slot);
        await keys.delete(tenantId, id, { ifVersion: claimed });
      },
      abandon: () => {
        // Left pending with its work: finished by a later pass once the lease lapses.
        this.running.delete(slot);
      },
    };
  }
}
