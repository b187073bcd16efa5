import type { KnownBlock } from '@slack/types';
import type { MenteesView } from '../views/mentees';
import { menteeFigures, nextMeetingText } from '../wording/mentoring';
import { divider, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function menteesBlocks(view: MenteesView): KnownBlock[] {
  const e = escapeMrkdwn;
  const blocks: KnownBlock[] = [header('Your mentees'), section(`${e(view.todayText)} · for ${e(view.mentorName)}`)];
  for (const row of view.mentees) {
    const warn = row.overdue + row.overdueActions > 0 ? ':exclamation: ' : '';
    blocks.push(divider, section([`*${e(row.name)}* · ${e(row.roleText)}`, e(nextMeetingText(row)), `${warn}${e(menteeFigures(row))}`].join('\n')));
  }
  return blocks;
}
