import type { SessionListView } from '../views/session-list';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, divider, header, rsvpButtons, rsvpText, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';

export function sessionListBlocks(view: SessionListView): KnownBlock[] {
  const blocks: KnownBlock[] = [header('Upcoming CPD sessions')];
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
