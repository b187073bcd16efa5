import type { GraphAnswer, GraphClient } from './graph-client';

/** Words every "could not install" reason starts with, so the lead's views can tell it apart. */
export const PERMISSION_MISSING = 'permission missing';

/** What installing the app for one person came to. */
export type InstallOutcome =
  | { kind: 'installed' | 'already' }
  | { kind: 'permission-missing'; reason: string }
  | { kind: 'throttled'; retryAfterMs: number }
  | { kind: 'failed'; transient: boolean; reason: string };

export interface AppInstallerOptions {
  graph: GraphClient;
  /** The manifest id (the bot's app id): how the app is found in a tenant's catalog. */
  manifestId: string;
  /** The catalog id, when the deployment knows it; otherwise found once per tenant and kept. */
  catalogId?: string;
  now: () => Date;
  /** Waits for the spacing between calls (tests pass one that moves their manual clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Graph calls per tenant are spaced this far apart (Graph's per-tenant limits are shared by every app). */
  minSpacingMs?: number;
  /** A refusal (403) is remembered this long: nobody else in that tenant is tried meanwhile. */
  refusalHoldMs?: number;
}

interface TenantState {
  /** Calls to Graph for this tenant run one at a time, in order. */
  queue: Promise<unknown>;
  nextCallAt: number;
  pausedUntil: number;
  refused?: { until: number; reason: string };
  catalogId?: string;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const PERMISSION_STEPS =
  'Graph refused to install the app for them: grant the application permission TeamsAppInstallation.ReadWriteSelfForUser.All with admin consent, or pre-install the app with a Teams setup policy (docs/deploy.md, "Reaching staff who never opened the bot")';

/**
 * Installs the bot's own Teams app for a person through Microsoft Graph. Per Entra tenant: calls
 * one at a time and spaced, a 429 holds every call until its Retry-After, and a 403 is recorded
 * and answered from memory for `refusalHoldMs`, never retried in a loop.
 */
export class TeamsAppInstaller {
  private readonly tenants = new Map<string, TenantState>();
  private readonly minSpacingMs: number;
  private readonly refusalHoldMs: number;

  constructor(private readonly options: AppInstallerOptions) {
    this.minSpacingMs = options.minSpacingMs ?? 200;
    this.refusalHoldMs = options.refusalHoldMs ?? 60 * 60_000;
  }

  /**
   * Installs for one person; calls for a tenant wait their turn. `latestStartMs` bounds that wait (a
   * send must end within its lease): past it, the answer is "later", and the dispatcher tries again.
   */
  install(aadTenantId: string, userAadId: string, latestStartMs: number): Promise<InstallOutcome> {
    const state = this.stateOf(aadTenantId);
    const startBy = this.options.now().getTime() + latestStartMs;
    const run = state.queue.then(() => {
      const now = this.options.now().getTime();
      return now > startBy ? { kind: 'throttled' as const, retryAfterMs: this.minSpacingMs } : this.installNow(state, aadTenantId, userAadId);
    });
    state.queue = run.catch(() => undefined);
    return run;
  }

  private stateOf(aadTenantId: string): TenantState {
    let state = this.tenants.get(aadTenantId);
    if (!state) {
      state = { queue: Promise.resolve(), nextCallAt: 0, pausedUntil: 0, ...(this.options.catalogId ? { catalogId: this.options.catalogId } : {}) };
      this.tenants.set(aadTenantId, state);
    }
    return state;
  }

  private async installNow(state: TenantState, aadTenantId: string, userAadId: string): Promise<InstallOutcome> {
    const held = this.held(state);
    if (held) return held;
    if (!state.catalogId) {
      const found = await this.spaced(state, () => this.options.graph.findCatalogId(aadTenantId, this.options.manifestId));
      if (found.kind !== 'ok') return this.outcomeOf(state, found);
      if (!found.value) {
        return { kind: 'failed', transient: false, reason: `the Teams app (manifest id ${this.options.manifestId}) is not in the tenant's app catalog: upload it in the Teams admin centre` };
      }
      state.catalogId = found.value;
    }
    const catalogId = state.catalogId;
    const again = this.held(state);
    if (again) return again;
    const installed = await this.spaced(state, () => this.options.graph.installForUser(aadTenantId, userAadId, catalogId));
    return installed.kind === 'ok' ? { kind: installed.value } : this.outcomeOf(state, installed);
  }

  /** A recorded refusal or a Retry-After still running: answered without calling Graph. */
  private held(state: TenantState): InstallOutcome | undefined {
    const now = this.options.now().getTime();
    if (state.refused && now < state.refused.until) return { kind: 'permission-missing', reason: state.refused.reason };
    if (now < state.pausedUntil) return { kind: 'throttled', retryAfterMs: state.pausedUntil - now };
    return undefined;
  }

  private async spaced<T>(state: TenantState, call: () => Promise<GraphAnswer<T>>): Promise<GraphAnswer<T>> {
    const wait = state.nextCallAt - this.options.now().getTime();
    if (wait > 0) await (this.options.sleep ?? realSleep)(wait);
    state.nextCallAt = this.options.now().getTime() + this.minSpacingMs;
    return call();
  }

  private outcomeOf(state: TenantState, answer: Exclude<GraphAnswer<unknown>, { kind: 'ok' }>): InstallOutcome {
    const now = this.options.now().getTime();
    switch (answer.kind) {
      case 'refused': {
        const reason = `${PERMISSION_MISSING}: ${PERMISSION_STEPS} (${answer.message})`;
        state.refused = { until: now + this.refusalHoldMs, reason };
        return { kind: 'permission-missing', reason };
      }
      case 'throttled':
        state.pausedUntil = Math.max(state.pausedUntil, now + answer.retryAfterMs);
        return { kind: 'throttled', retryAfterMs: answer.retryAfterMs };
      case 'failed':
        return { kind: 'failed', transient: answer.transient, reason: `installing the app: ${answer.message}` };
    }
  }
}
