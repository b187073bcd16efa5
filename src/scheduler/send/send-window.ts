import type { Clock } from '../../domain';
import type { Window } from './rate-limits';

/**
 * "At most `count` sends in any `perMs`" kept exactly, as a log of recent send times on the
 * injected clock. A token bucket of the same size would let up to twice `count` through in one
 * sliding window (a full bucket, then the refill), which the platforms' windows count as a breach.
 */
export class SendWindow {
  private readonly times: number[] = [];
  private pausedUntil = 0;

  constructor(
    private readonly window: Window,
    private readonly clock: Clock,
  ) {}

  private forgetOld(now: number): void {
    while (this.times.length > 0 && this.times[0]! <= now - this.window.perMs) this.times.shift();
  }

  /** Milliseconds until a send fits in the window (0: now). */
  waitMs(): number {
    const now = this.clock.now().getTime();
    this.forgetOld(now);
    const paused = Math.max(0, this.pausedUntil - now);
    if (this.times.length < this.window.count) return paused;
    return Math.max(paused, this.times[0]! + this.window.perMs - now);
  }

  take(): void {
    this.times.push(this.clock.now().getTime());
  }

  /** After a 429: nothing until Retry-After has passed. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now().getTime() + ms);
  }

  /** An empty window is the same as a fresh one, so it may be forgotten. */
  isIdle(): boolean {
    const now = this.clock.now().getTime();
    this.forgetOld(now);
    return this.times.length === 0 && this.pausedUntil <= now;
  }
}
