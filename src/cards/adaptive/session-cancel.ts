import { countOf } from '../format';
import type { SessionCancelView } from '../views/session-cancel';
import type { CardContent } from './card-content';
import { compact, execute, heading, noticeBox, text } from './elements';
import { sessionFacts, sessionTitle } from './session-block';

/** "Cancel this session?" with one destructive button; once pressed, the same card says it is done. */
export function sessionCancelCard(view: SessionCancelView): CardContent {
  const booked = countOf(view.bookedCount, 'person is', 'people are');
  return {
    body: compact([
      heading(view.cancelled ? 'Session cancelled' : 'Cancel this session?'),
      sessionTitle(view.session),
      sessionFacts(view.session),
      view.cancelled
        ? noticeBox({ tone: 'attention', text: `Cancelled. ${booked} booked on and will be told; every planned reminder and questionnaire is stopped.` })
        : text(`${booked} booked on. They will be told, and every planned reminder and questionnaire stops.`),
    ]),
    actions: view.cancelled ? [] : [execute('Cancel the session', 'session.cancel', { sessionId: view.session.sessionId }, { style: 'destructive' })],
    summary: `${view.cancelled ? 'Cancelled' : 'Cancel?'}: ${view.session.title}, ${view.session.whenText}`,
  };
}
