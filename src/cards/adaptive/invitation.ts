import type { InvitationView } from '../views/invitation';
import type { CardContent } from './card-content';
import { compact, noticeBox, openUrl, subheading, text } from './elements';
import { rsvpActions } from './rsvp-actions';
import { sessionFacts, sessionLabel, sessionTitle } from './session-block';

const HEADLINE: Record<InvitationView['reason'], string> = {
  invitation: "You're invited",
  changed: 'Session changed',
  cancelled: 'Session cancelled',
  'waitlist-promoted': 'A place for you',
};

export function invitationCard(view: InvitationView): CardContent {
  const { session } = view;
  return {
    body: compact([
      text(HEADLINE[view.reason], { isSubtle: true, weight: 'Bolder' }),
      sessionTitle(session),
      sessionLabel(session),
      view.notice && noticeBox(view.notice),
      sessionFacts(session),
      view.description && text(view.description),
      view.intent && subheading('What you will take away'),
      view.intent && text(view.intent, { spacing: 'Small' }),
    ]),
    actions: [...(view.canRespond ? rsvpActions(session) : []), ...(view.calendarUrl ? [openUrl('Add to calendar', view.calendarUrl)] : [])],
    refreshWith: { sessionId: session.sessionId },
    summary: `${HEADLINE[view.reason]}: ${session.title}, ${session.whenText}`,
  };
}
