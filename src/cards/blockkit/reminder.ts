import type { ReminderView } from '../views/reminder';
import type { KnownBlock } from '@slack/types';
import { actions, context, header, rsvpButtons, rsvpText, section, sessionText } from './blocks';

export function reminderBlocks(view: ReminderView): KnownBlock[] {
  const when = view.when === 'day-before' ? 'tomorrow' : 'soon';
  const blocks: KnownBlock[] = [header(`Reminder: your CPD session is ${when}`), section(sessionText(view.session))];
  const answered = rsvpText(view.session);
  if (answered) blocks.push(context(answered));
  if (view.canRespond) blocks.push(actions(rsvpButtons(view.session), `session:${view.session.sessionId}`));
  return blocks;
}
