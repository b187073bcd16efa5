import type { ReminderView } from '../views/reminder';
import type { CardContent } from './card-content';
import { compact, openUrl, text } from './elements';
import { rsvpActions } from './rsvp-actions';
import { sessionFacts, sessionTitle } from './session-block';

const HEADLINE: Record<ReminderView['when'], string> = {
  'day-before': 'Tomorrow',
  'hour-before': 'Starting in an hour',
};

export function reminderCard(view: ReminderView): CardContent {
  const { session } = view;
  return {
    body: compact([text(HEADLINE[view.when], { isSubtle: true, weight: 'Bolder' }), sessionTitle(session), sessionFacts(session)]),
    actions: [...(view.canRespond ? rsvpActions(session) : []), ...(session.meetingUrl ? [openUrl('Join online', session.meetingUrl)] : [])],
    refreshWith: { sessionId: session.sessionId },
    summary: `${HEADLINE[view.when]}: ${session.title}, ${session.whenText}`,
  };
}
