import { countOf } from '../format';
import type { SessionListView } from '../views/session-list';
import type { CardContent } from './card-content';
import { heading, text } from './elements';
import { sessionRow } from './session-row';

export function sessionListCard(view: SessionListView): CardContent {
  return {
    body: [heading('Upcoming sessions'), ...(view.sessions.length > 0 ? view.sessions.map((s) => sessionRow(s, true, 'session-list')) : [text(view.emptyText)])],
    summary: view.sessions.length > 0 ? countOf(view.sessions.length, 'upcoming session') : view.emptyText,
  };
}
