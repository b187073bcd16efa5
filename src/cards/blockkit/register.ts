import { registerStatusText } from '../wording/register';
import type { RegisterView } from '../views/register';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, notice, section, sessionText } from './blocks';

/** In a Slack message the register is a button: the ticks live in a modal, opened with the press's trigger id. */
export function registerMessageBlocks(view: RegisterView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Register: ${view.session.title}`)];
  if (view.notice) blocks.push(notice(view.notice));
  blocks.push(section(sessionText({ ...view.session, rsvp: undefined, placesLeft: undefined })), context(registerStatusText(view)));
  if (view.expected.length + view.waitlist.length > 0) {
    blocks.push(actions([button('Open register', { verb: 'register.open', sessionId: view.session.sessionId }, { style: 'primary' })], `register-open:${view.session.sessionId}`));
  }
  return blocks;
}
