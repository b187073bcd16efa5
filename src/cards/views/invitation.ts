import type { Notice, SessionSummary } from './common';

export interface InvitationView {
  kind: 'invitation';
  session: SessionSummary;
  description?: string;
  intent?: string;
  /** Why this message: a new invitation, a change, a cancellation, a place freed from the waitlist. */
  reason: 'invitation' | 'changed' | 'cancelled' | 'waitlist-promoted';
  notice?: Notice;
  /** Link to the session's .ics file, when the server has a public URL. */
  calendarUrl?: string;
  /** False once cancelled or started: no RSVP buttons. */
  canRespond: boolean;
}
