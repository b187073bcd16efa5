import type { SessionSummary } from '../views/common';
import type { CardAction } from '../actions';
import { execute, type AdaptiveAction } from './elements';

/** Yes/no buttons; the one already chosen is left out so a second press is not offered. */
export function rsvpActions(session: SessionSummary, from?: CardAction['from']): AdaptiveAction[] {
  const ids = { sessionId: session.sessionId, ...(from ? { from } : {}) };
  const yes = execute(session.rsvp === 'no' ? 'I can come now' : "I'll be there", 'rsvp.yes', ids, { style: 'positive' });
  const no = execute("Can't come", 'rsvp.no', ids);
  if (session.rsvp === 'yes' || session.rsvp === 'waitlist') return [no];
  if (session.rsvp === 'no') return [yes];
  return [yes, no];
}
