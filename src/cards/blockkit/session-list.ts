import type { SessionListView } from '../views/session-list';
import type { Block } from './block-types';
import { actions, button, context, divider, header, rsvpButtons, rsvpText, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';

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
