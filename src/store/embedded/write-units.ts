import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { BusyRetry } from './busy-retry';

interface Unit {
  /** Set while the unit's transaction is open (or beginning); `ended` settles when it is over. */
  open?: { ended: Promise<void>; end(): void };
}

/**
 * Several writes of one request committed as one SQLite transaction (issue 28: one transaction
 * per answer). The process has one connection, so a transaction left open across `await`s would
 * also hold the writes of every other request running meanwhile: instead, a write from outside
 * the open unit waits until it ends, and a unit's transaction begins only at its first write
 * (its reads come first and hold nothing). Reads outside the unit do not wait; they may see its
 * writes before they commit (the same connection), which only a failed unit takes back.
 */
export class WriteUnits {
  private readonly current = new AsyncLocalStorage<Unit>();
  /** The unit whose transaction is open (or beginning): every other writer waits for it. */
  private holder: Unit | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly busy: BusyRetry,
  ) {}

  /** Runs `work` with its writes in one transaction, committed when it returns, rolled back when it throws. Nested: one unit. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    const unit: Unit = {};
    try {
      const result = await this.current.run(unit, work);
      if (unit.open) {
        // SQLite rolls a transaction back by itself after some failures (a full disk): then nothing is stored.
        if (!this.db.inTransaction) throw new Error('the store rolled the answer back: nothing was written');
        this.db.exec('COMMIT');
      }
      return result;
    } catch (error) {
      if (unit.open && this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.release(unit);
    }
  }

  /**
   * Before any write, in a loop until it gives undefined, the statement then run in the same turn
   * (`for (let w = units.beforeWrite(); w; w = units.beforeWrite()) await w;`): another unit's
   * transaction is waited for; inside a unit, its own is begun. Undefined (no extra turn) when
   * there is nothing to wait for, so a unit cannot begin between the check and the statement.
   */
  beforeWrite(): Promise<void> | undefined {
    const unit = this.current.getStore();
    if (this.holder && this.holder !== unit) return this.holder.open!.ended;
    if (!unit || unit.open) return undefined;
    let end!: () => void;
    unit.open = { ended: new Promise<void>((resolve) => (end = resolve)), end: () => end() };
    this.holder = unit;
    // IMMEDIATE: the write lock is taken now, so another process's writer is met here (and waited for) rather than mid-unit.
    return this.busy.run(() => this.db.exec('BEGIN IMMEDIATE')).then(
      () => undefined,
      (error: unknown) => {
        this.release(unit);
        throw error;
      },
    );
  }

  private release(unit: Unit): void {
    if (this.holder === unit) this.holder = undefined;
    unit.open?.end();
    delete unit.open;
  }
}
