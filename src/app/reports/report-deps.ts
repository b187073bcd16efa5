import type { Clock } from '../../domain';
import type { Store } from '../../store/store';

/** What the store-reading report wrappers need: the store port and a clock (never an adapter). */
export interface ReportDeps {
  store: Store;
  clock: Clock;
}

/** A report a person asked for, or the reason they cannot have it, in words they can read. */
export type ReportResult<T> = { ok: true; value: T } | { ok: false; message: string };
