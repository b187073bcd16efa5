import type { InvitationView } from '../views/invitation';
import type { KnownBlock } from '@slack/types';
import { actions, context, header, linkButton, notice, rsvpButtons, rsvpText, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';

const INVITATION_HEADER: Record<InvitationView['reason'], string> = {
  invitation: 'You are invited to a CPD session',
  changed: 'A CPD session has changed',
  cancelled: 'A CPD session is cancelled',
  'waitlist-promoted': 'A place is free for you',
};

export function invitationBlocks(view: InvitationView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(INVITATION_HEADER[view.reason])];
  if (view.notice) blocks.push(notice(view.notice));
  blocks.push(section(sessionText(view.session)));
  if (view.description) blocks.push(section(escapeMrkdwn(view.description)));
  if (view.intent) blocks.push(section(`*Intent:* ${escapeMrkdwn(view.intent)}`));
  const answered = rsvpText(view.session);
  if (answered) blocks.push(context(answered));
  const buttons = view.canRespond ? rsvpButtons(view.session) : [];
  if (view.calendarUrl) buttons.push(linkButton('Add to calendar', view.calendarUrl, 'calendar.link'));
  if (buttons.length > 0) blocks.push(actions(buttons, `session:${view.session.sessionId}`));
  return blocks;
}

