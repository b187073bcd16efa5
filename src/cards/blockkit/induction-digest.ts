import type { KnownBlock } from '@slack/types';
import type { InductionDigestView } from '../views/induction-digest';
import { inductionFigures, UNMENTORED_HELP, UNMENTORED_TITLE } from '../wording/mentoring';
import { context, divider, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function inductionDigestBlocks(view: InductionDigestView): KnownBlock[] {
  const e = escapeMrkdwn;
  const blocks: KnownBlock[] = [header(`Early-career teachers: ${view.dateText}`), section(`Hello ${e(view.tutorName)}, here is how your early-career teachers' induction stands.`)];
  if (view.unmentored.length > 0 || view.unmentoredNote) {
    const lines = [`:warning: *${e(UNMENTORED_TITLE)}*`, ...view.unmentored.map((p) => `• ${e(p.name)}`), ...(view.unmentored.length > 0 ? [e(UNMENTORED_HELP)] : []), ...(view.unmentoredNote ? [e(view.unmentoredNote)] : [])];
    blocks.push(section(lines.join('\n')));
  }
  if (view.ects.length === 0) blocks.push(context('You are induction tutor for nobody at the moment.'));
  for (const row of view.ects) {
    const warn = row.overdueMeetings + row.overdueActions > 0 || row.noMentor || row.latestReview?.atRisk === true;
    const [first, ...rest] = inductionFigures(row);
    blocks.push(divider, section([`*${e(row.name)}*`, e(first!), `${warn ? ':exclamation: ' : ''}${e(rest.join(' · '))}`].join('\n')));
  }
  return blocks;
}
