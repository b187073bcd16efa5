import type { GovernorsReportView } from '../views/governors-report';
import type { KnownBlock } from '@slack/types';
import { context, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function governorsReportBlocks(view: GovernorsReportView): KnownBlock[] {
  return [
    header(`Report to governors: ${view.school ? `${view.school}, ` : ''}${view.term}`),
    context(`${escapeMrkdwn(view.periodText)} · No names. Any figure about fewer than ${view.minGroup} people is withheld.`),
    ...(view.scope ? [context(escapeMrkdwn(view.scope))] : []),
    ...view.sections.map((s) =>
      section(`*${escapeMrkdwn(s.title)}*\n${s.rows.length === 0 ? '_Nothing this term._' : s.rows.map((r) => `${escapeMrkdwn(r.group)}: ${escapeMrkdwn(r.measure)}: *${escapeMrkdwn(r.value)}*`).join('\n')}`),
    ),
  ];
}
