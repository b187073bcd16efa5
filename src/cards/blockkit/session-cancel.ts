import { countOf } from '../format';
import type { SessionCancelView } from '../views/session-cancel';
import type { KnownBlock } from '@slack/types';
import { actions, button, header, notice, section, sessionText } from './blocks';

/** The session and a danger button (Slack asks "Are you sure?" first); once pressed, what happened. */
export function sessionCancelBlocks(view: SessionCancelView): KnownBlock[] {
  const booked = countOf(view.bookedCount, 'person is', 'people are');
  if (view.cancelled) {
    return [header('Session cancelled'), section(sessionText(view.session)), notice({ tone: 'attention', text: `Cancelled. ${booked} booked on and will be told; every planned reminder and questionnaire is stopped.` })];
  }
  const cancel = {
    ...button('Cancel the session', { verb: 'session.cancel', sessionId: view.session.sessionId }, { style: 'danger' }),
    confirm: {
      title: { type: 'plain_text' as const, text: 'Cancel this session?' },
      text: { type: 'plain_text' as const, text: `${booked} booked on will be told.` },
      confirm: { type: 'plain_text' as const, text: 'Cancel it' },
      deny: { type: 'plain_text' as const, text: 'Keep it' },
      style: 'danger' as const,
    },
  };
  return [header('Cancel this session?'), section(sessionText(view.session)), section(`${booked} booked on. They will be told, and every planned reminder and questionnaire stops.`), actions([cancel])];
}
