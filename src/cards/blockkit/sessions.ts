import type { InvitationView, ReminderView, SessionListView } from '../views';
import type { Block } from './block-types';
import { actions, button, context, divider, header, linkButton, notice, rsvpButtons, rsvpText, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';

const INVITATION_HEADER: Record<InvitationView['reason'], string> = {
  invitation: 'You are invited to a CPD session',
  changed: 'A CPD session has changed',
  cancelled: 'A CPD session is cancelled',
  'waitlist-promoted': 'A place is free for you',
};

export function invitationBlocks(view: InvitationView): Block[] {
  const blocks: Block[] = [header(INVITATION_HEADER[view.reason])];
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

export function reminderBlocks(view: ReminderView): Block[] {
  const when = view.when === 'day-before' ? 'tomorrow' : 'soon';
  const blocks: Block[] = [header(`Reminder: your CPD session is ${when}`), section(sessionText(view.session))];
  const answered = rsvpText(view.session);
  if (answered) blocks.push(context(answered));
  if (view.canRespond) blocks.push(actions(rsvpButtons(view.session), `session:${view.session.sessionId}`));
  return blocks;
}

export function sessionListBlocks(view: SessionListView): Block[] {
  const blocks: Block[] = [header('Upcoming CPD sessions')];
  if (view.sessions.length === 0) return [...blocks, section(escapeMrkdwn(view.emptyText))];
  view.sessions.forEach((s, i) => {
    blocks.push(divider, section(sessionText(s)));
    const answered = rsvpText(s);
    if (answered) blocks.push(context(answered));
    blocks.push(actions(rsvpButtons(s, String(i), 'session-list'), `session:${s.sessionId}`));
  });
  blocks.push(actions([button('Refresh', { verb: 'refresh', from: 'session-list' })]));
  return blocks;
}
