import type { SessionSummary } from '../views/common';
import type { CardAction } from '../actions';
import { actionSet, compact, text, type AdaptiveElement } from './elements';
import { rsvpActions } from './rsvp-actions';
import { rsvpText } from './session-block';

/** A session in a list: title, when and where, the person's answer and RSVP buttons. */
/** `from`: the list the row sits in, so an answer brings the list back rather than one invitation. */
export function sessionRow(session: SessionSummary, withButtons: boolean, from?: CardAction['from']): AdaptiveElement {
  const detail = compact([session.whenText, session.place, rsvpText(session.rsvp)]).join(' · ');
  return {
    type: 'Container',
    separator: true,
    items: compact([
      text(session.title, { weight: 'Bolder' }),
      text(detail, { spacing: 'None', isSubtle: true }),
      withButtons && actionSet(rsvpActions(session, from)),
    ]),
  };
}
