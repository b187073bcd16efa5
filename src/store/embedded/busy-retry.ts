import { setTimeout as wait } from 'node:timers/promises';

/** Another connection held SQLite's write lock for longer than a write may wait. */
export class StoreBusyError extends Error {
  constructor() {
    super('the store is busy: another connection holds the write lock; nothing was written');
    this.name = 'StoreBusyError';
  }
}

const DEFAULT_BUDGET_MS = 2000;
const FIRST_PAUSE_MS = 10;
const LONGEST_PAUSE_MS = 200;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED');
}

/**
 * Runs a synchronous SQLite write, and when the write lock is taken (SQLITE_BUSY after the short
 * blocking busy_timeout) tries again after a pause that yields to the event loop, doubling up to
 * 200 ms, for up to `budgetMs` from the write's start; then throws StoreBusyError. While one write
 * waits, later ones queue behind it rather than each blocking the loop for its own tries: one
 * poller, not twenty. Real time, as a network client's retries are: it measures a lock held by
 * another connection, not a domain moment.
 */
export class BusyRetry {
  /** The writes waiting for the lock, in order; undefined while nobody waits. */
  private queue: Promise<unknown> | undefined;

  constructor(private readonly budgetMs = DEFAULT_BUDGET_MS) {}

  async run<R>(write: () => R): Promise<R> {
    const started = Date.now();
    if (!this.queue) {
      try {
        return write();
      } catch (error) {
        if (!isBusy(error)) throw error;
      }
    }
    const mine = (this.queue ?? Promise.resolve()).then(() => this.poll(write, started));
    const settled = mine.then(
      () => undefined,
      () => undefined,
    );
    this.queue = settled;
    void settled.then(() => {
      if (this.queue === settled) this.queue = undefined;
    });
    return mine;
  }

  private async poll<R>(write: () => R, started: number): Promise<R> {
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      try {
        return write();
      } catch (error) {
        if (!isBusy(error)) throw error;
        const left = this.budgetMs - (Date.now() - started);
        if (left <= 0) throw new StoreBusyError();
        await wait(Math.min(pause, left));
      }
    }
  }
}
