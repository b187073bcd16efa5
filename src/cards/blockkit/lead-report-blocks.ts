import type { LeadReportView } from '../views';
import type { Block } from './block-types';
import { actions, button, context, divider, fields, header, section, sessionText } from './blocks';
import { escapeMrkdwn } from './limits';

function bar(distribution: LeadReportView['ratings'][number]['distribution']): string {
  return distribution.map((n, i) => `${i + 1}: ${n}`).join('  ');
}

export function leadReportBlocks(view: LeadReportView): Block[] {
  const rate = view.responseRate === undefined ? '–' : `${Math.round(view.responseRate * 100)}%`;
  const blocks: Block[] = [
    header(`Session report: ${view.session.title}`),
    section(sessionText(view.session)),
    fields([
      { label: 'Invited', value: String(view.invited) },
      { label: 'Accepted', value: String(view.accepted) },
      { label: 'Attended', value: String(view.attended) },
      { label: 'Responses', value: `${view.responses} (${rate})` },
      { label: 'Asking for further CPD', value: String(view.furtherCpdRequests) },
    ]),
  ];
  if (view.levels?.length) {
    const lines = view.levels.map((l) => `${escapeMrkdwn(l.level)}: ${l.answered} of ${l.asked} answered${l.result ? `: ${escapeMrkdwn(l.result)}` : ''}`);
    blocks.push(section(`*Evaluation by level*\n${lines.join('\n')}`));
    if (view.levels.some((l) => l.level.startsWith('4.'))) blocks.push(actions([button('Longer-term impact', { verb: 'impact.long.open', sessionId: view.session.sessionId })]));
  }
  if (view.withheld) return [...blocks, section(`_${escapeMrkdwn(view.withheld)}_`)];
  for (const r of view.ratings) {
    const mean = r.mean === undefined ? '–' : r.mean.toFixed(1);
    blocks.push(section(`*${escapeMrkdwn(r.prompt)}*\nMean ${mean} of 5 from ${r.count} · ${bar(r.distribution)}`));
  }
  if (view.commentThemes.length > 0) {
    blocks.push(divider, section('*Comment themes*'));
    for (const theme of view.commentThemes) {
      const quotes = theme.examples.map((e) => `> ${escapeMrkdwn(e)}`).join('\n');
      blocks.push(section(`*${escapeMrkdwn(theme.theme)}* (${theme.count})${quotes ? `\n${quotes}` : ''}`));
    }
  }
  blocks.push(context('Figures from fewer answers than the minimum are withheld.'));
  return blocks;
}
