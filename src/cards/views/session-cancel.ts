import type { SessionSummary } from './common';

/** A lead about to cancel a session (a button to confirm), or the session once cancelled. */
export interface SessionCancelView {
  kind: 'session-cancel';
  session: SessionSummary;
  /** People booked on, who will be told. */
  bookedCount: number;
  cancelled: boolean;
}
