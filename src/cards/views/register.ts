import type { RsvpAnswer } from '../../domain';
import type { Notice, SessionSummary } from './common';

/** A register toggle's input id: `present:<staffId>`, 'true' or 'false' (Teams Input.Toggle; Slack maps its checkboxes to the same). */
export const PRESENT_INPUT_PREFIX = 'present:';

/** One person on a register. */
export interface RegisterRow {
  staffId: string;
  name: string;
  /** Where the toggle starts: what was recorded, else whether they said yes. */
  present: boolean;
  /** Whether attendance is recorded for them (false until a register with them on it is saved). */
  marked: boolean;
  /** Their answer to the invitation; absent when an audience member never answered. */
  rsvp?: RsvpAnswer;
}

/** A facilitator's or CPD lead's register for one session (`register <title>`). */
export interface RegisterView {
  kind: 'register';
  session: SessionSummary;
  /** Those who said yes, and for a compulsory session its whole audience; sorted by name. */
  expected: RegisterRow[];
  /** The waiting list, shown apart; sorted by name. */
  waitlist: RegisterRow[];
  /** Whether any attendance has been recorded for the session. */
  taken: boolean;
  notice?: Notice;
}
