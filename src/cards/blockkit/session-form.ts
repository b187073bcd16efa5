import type { SessionFormView } from '../views/session-form';
import type { KnownBlock } from '@slack/types';
import { button, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';

/** In a Slack message the form is a button: the fields live in a modal, which needs the press's trigger id. */
export function sessionFormMessageBlocks(view: SessionFormView): KnownBlock[] {
  return [
    ...(view.notice ? [notice(view.notice)] : []),
    view.sessionId
      ? section(`*Edit:* ${escapeMrkdwn(view.values?.title ?? 'this session')}\nA new time or place is told to everyone booked on.`, button('Open the form', { verb: 'session.form.open', sessionId: view.sessionId }, { style: 'primary' }))
      : section('*New CPD session*\nSet the title, time, place and audience; the audience is invited when you publish.', button('Open the form', { verb: 'session.form.open' }, { style: 'primary' })),
  ];
}
