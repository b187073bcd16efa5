import type { Platform } from '../../domain';

/** At most `count` sends in any `perMs` window. */
export interface Window {
  count: number;
  perMs: number;
}

/** Limits for one platform: across the app (per tenant / workspace) and per conversation. */
export interface PlatformLimits {
  app: Window[];
  conversation: Window[];
}

/**
 * The documented ceilings (docs/delivery.md cites the pages):
 * - Teams: "per bot per thread" 7 / 1 s, 8 / 2 s, 60 / 30 s, 1800 / 3600 s; global 50 RPS per app per tenant.
 * - Slack chat.postMessage: 1 per second per channel (short bursts tolerated), and a workspace-wide
 *   limit Slack does not publish as a number; we hold the workspace to 300 a minute.
 */
export const DOCUMENTED_LIMITS: Record<Platform, PlatformLimits> = {
  teams: {
    app: [{ count: 50, perMs: 1000 }],
    conversation: [
      { count: 7, perMs: 1000 },
      { count: 8, perMs: 2000 },
      { count: 60, perMs: 30_000 },
      { count: 1800, perMs: 3_600_000 },
    ],
  },
  slack: {
    app: [{ count: 300, perMs: 60_000 }],
    conversation: [{ count: 1, perMs: 1000 }],
  },
};

/** Sends per second the app-wide limit allows in the long run: the benchmark's ceiling. */
export function sustainedRate(limits: PlatformLimits): number {
  return Math.min(...limits.app.map((w) => (w.count * 1000) / w.perMs));
}
