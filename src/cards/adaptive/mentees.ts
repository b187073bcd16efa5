import { countOf } from '../format';
import type { MenteeRow, MenteesView } from '../views/mentees';
import { menteeFigures, nextMeetingText } from '../wording/mentoring';
import type { CardContent } from './card-content';
import { compact, heading, subtle, text, type AdaptiveElement } from './elements';

function menteeBlock(row: MenteeRow): AdaptiveElement {
  return {
    type: 'Container',
    separator: true,
    items: [
      text(`${row.name} · ${row.roleText}`, { weight: 'Bolder' }),
      text(nextMeetingText(row), { spacing: 'None' }),
      text(menteeFigures(row), { spacing: 'None', isSubtle: row.overdue + row.overdueActions === 0, ...(row.overdue + row.overdueActions > 0 ? { color: 'Attention' } : {}) }),
    ],
  };
}

export function menteesCard(view: MenteesView): CardContent {
  return {
    body: compact([heading('Your mentees'), subtle(`${view.todayText} · for ${view.mentorName}`), ...view.mentees.map(menteeBlock)]),
    summary: `Your mentees: ${countOf(view.mentees.length, 'person', 'people')}.`,
  };
}
