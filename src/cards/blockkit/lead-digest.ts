import { gapTaskFigures, percentText } from '../wording/lead-digest';
import type { LeadDigestView } from '../views/lead-digest';
import type { KnownBlock } from '@slack/types';
import { undeliveredBlocks } from './setup';
import { MENTORING_SUBHEADING, mentoringLineText } from '../wording/mentoring';
import { actions, context, divider, fields, header, linkButton, section } from './blocks';
import { escapeMrkdwn } from './limits';
import { gapTaskStatusChart, leadDigestTrendCharts } from '../charts/report-charts';
import { chartImage } from './chart-image';

/** A titled list in one section block, so a long week costs no extra blocks (the text is clipped to 3,000). */
function list(title: string, lines: string[], notShown: number, empty?: string): KnownBlock | undefined {
  if (lines.length === 0 && empty === undefined) return undefined;
  const body = lines.length > 0 ? lines : [`_${empty}_`];
  return section([`*${escapeMrkdwn(title)}*`, ...body, ...(notShown > 0 ? [`_and ${notShown} more_`] : [])].join('\n'));
}

export function leadDigestBlocks(view: LeadDigestView): KnownBlock[] {
  const e = escapeMrkdwn;
  const attention = view.attention.map((a) => `:warning: ${e(a.text)}${a.command ? ` \`${e(a.command)}\`` : ''}`);
  const held = view.held.map(
    (s) =>
      `• *${e(s.title)}* · ${e(s.whenText)}\n   Invited ${s.invited} · accepted ${s.accepted} · attended ${s.attended} · responses ${s.responses}${percentText(s.responseRate)}${s.registerTaken ? '' : ' · _no register_'}`,
  );
  const coming = view.coming.map((s) => {
    const places = s.capacity !== undefined ? `${s.placesTaken} of ${s.capacity} places taken` : `${s.placesTaken} said yes`;
    return `• *${e(s.title)}* · ${e(s.whenText)} · ${places}${s.waitlist > 0 ? ` · ${s.waitlist} waiting` : ''}`;
  });
  const open = view.openQuestionnaires.map((q) => `• *${e(q.title)}* · ${q.responses} of ${q.asked} answered${percentText(q.responseRate)} · ${e(q.closesText)}`);
  const reaction = 'withheld' in view.reactionSummary ? `_${e(view.reactionSummary.withheld)}_` : e(view.reactionSummary.text);

  const blocks: (KnownBlock | undefined)[] = [
    header(`CPD programme: ${view.weekText}`),
    section(`Hello ${e(view.leadName)}, here is the programme at a glance.`),
    view.scopeText !== undefined ? section(`_${e(view.scopeText)}_`) : undefined,
    list('Needs attention', attention, view.notShown.attention),
    divider,
    list(`Held ${view.weekText}`, held, view.notShown.held, 'No sessions were held.'),
    view.held.length > 0 ? section(`*Reactions:* ${reaction}`) : undefined,
    ...leadDigestTrendCharts(view).map((c) => chartImage(c, view.chartImages)),
    list(`Coming up, ${view.comingText}`, coming, view.notShown.coming, 'No sessions coming up.'),
    list('Questionnaires open', open, view.notShown.openQuestionnaires),
    fields(gapTaskFigures(view)),
    chartImage(gapTaskStatusChart(view), view.chartImages),
    ...undeliveredBlocks(view.undelivered),
    list(MENTORING_SUBHEADING, (view.mentoring ?? []).map((line) => `• ${e(mentoringLineText(line))}`), 0),
    view.fullReportUrl ? actions([linkButton('View full report', view.fullReportUrl, 'report.full')], 'report:full') : undefined,
    context(view.moreCommands.map((c) => `\`${e(c.command)}\` ${e(c.text)}`).join(' · ')),
  ];
  return blocks.filter((b): b is KnownBlock => b !== undefined);
}
