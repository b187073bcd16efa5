import { countOf } from '../format';
import { gapTaskFigures, percentText } from '../wording/lead-digest';
import type { LeadDigestComingSession, LeadDigestHeldSession, LeadDigestQuestionnaire, LeadDigestView } from '../views/lead-digest';
import type { ChartDefinition } from '../charts/chart-definition';
import type { CardContent } from './card-content';
import { undeliveredElements } from './setup';
import { MENTORING_SUBHEADING, mentoringLineText } from '../wording/mentoring';
import { gapTaskStatusChart, leadDigestTrendCharts } from '../charts/report-charts';
import { chartElement } from './chart-element';
import { actionSet, compact, escapeMarkdown, facts, heading, markdown, openUrl, subheading, subtle, text, type AdaptiveElement } from './elements';

function row(title: string, when: string, figures: string, warn = false): AdaptiveElement[] {
  return [
    markdown(`**${escapeMarkdown(title)}** · ${escapeMarkdown(when)}`, { spacing: 'Small' }),
    text(figures, { isSubtle: !warn, spacing: 'None', ...(warn ? { color: 'Attention' } : {}) }),
  ];
}

function heldRow(s: LeadDigestHeldSession): AdaptiveElement[] {
  const register = s.registerTaken ? '' : ' · no register';
  return row(s.title, s.whenText, `Invited ${s.invited} · accepted ${s.accepted} · attended ${s.attended} · responses ${s.responses}${percentText(s.responseRate)}${register}`);
}

function comingRow(s: LeadDigestComingSession): AdaptiveElement[] {
  const places = s.capacity !== undefined ? `${s.placesTaken} of ${s.capacity} places taken` : `${s.placesTaken} said yes`;
  const full = s.capacity !== undefined && s.placesTaken >= s.capacity;
  return row(s.title, s.whenText, `${places}${s.waitlist > 0 ? ` · ${s.waitlist} waiting` : ''}`, full && s.waitlist > 0);
}

function questionnaireRow(q: LeadDigestQuestionnaire): AdaptiveElement[] {
  return row(q.title, q.closesText, `${q.responses} of ${q.asked} answered${percentText(q.responseRate)}`);
}

function more(count: number): AdaptiveElement | false {
  return count > 0 && subtle(`and ${count} more`);
}

function attentionBox(view: LeadDigestView): AdaptiveElement | false {
  if (view.attention.length === 0) return false;
  const items = view.attention.map((a) => text(a.command ? `${a.text} Type “${a.command}”.` : a.text, { spacing: 'Small' }));
  const extra = more(view.notShown.attention);
  return {
    type: 'Container',
    style: 'warning',
    bleed: true,
    // The host's own text colour on its warning band: Warning-coloured text on it was yellow on peach (2.2:1).
    items: compact([text('Needs attention', { weight: 'Bolder' }), ...items, extra]),
  };
}

/** Charts sit beside the rows and facts that print the same figures, so other clients drop them. */
function chart(build: (view: LeadDigestView) => ChartDefinition | undefined, view: LeadDigestView): AdaptiveElement | false {
  const definition = build(view);
  return definition !== undefined && chartElement(definition, 'drop');
}

export function leadDigestCard(view: LeadDigestView): CardContent {
  const reaction = 'text' in view.reactionSummary ? view.reactionSummary.text : view.reactionSummary.withheld;
  return {
    body: compact([
      heading('Your CPD programme'),
      subtle(`${view.weekText} · for ${view.leadName}`),
      view.scopeText !== undefined && subtle(view.scopeText),
      attentionBox(view),
      // The digest reports on the last complete week, so it is named by its dates, not "this week".
      subheading(`Held ${view.weekText}`),
      ...(view.held.length > 0 ? view.held.flatMap(heldRow) : [subtle('No sessions were held.')]),
      more(view.notShown.held),
      ...leadDigestTrendCharts(view).map((c) => chartElement(c, 'drop')),
      view.held.length > 0 && text(`Reactions: ${reaction}`, { spacing: 'Small', isSubtle: 'withheld' in view.reactionSummary }),
      subheading(`Coming up, ${view.comingText}`),
      ...(view.coming.length > 0 ? view.coming.flatMap(comingRow) : [subtle('No sessions coming up.')]),
      more(view.notShown.coming),
      view.openQuestionnaires.length > 0 && subheading('Questionnaires open'),
      ...view.openQuestionnaires.flatMap(questionnaireRow),
      more(view.notShown.openQuestionnaires),
      subheading('Gap tasks and requests'),
      facts(gapTaskFigures(view)),
      chart(gapTaskStatusChart, view),
      ...undeliveredElements(view.undelivered),
      view.mentoring && view.mentoring.length > 0 && subheading(MENTORING_SUBHEADING),
      ...(view.mentoring ?? []).map((line) => text(mentoringLineText(line), { spacing: 'Small', ...(line.ectsWithoutMentor > 0 ? { color: 'Attention' as const } : {}) })),
      view.fullReportUrl && actionSet([openUrl('View full report', view.fullReportUrl)]),
      subtle(view.moreCommands.map((c) => `Type “${c.command}” for ${c.text}.`).join(' ')),
    ]),
    summary: `Your CPD programme, ${view.weekText}: ${countOf(view.held.length + view.notShown.held, 'session')} held, ${countOf(view.attention.length + view.notShown.attention, 'thing')} needing attention.`,
  };
}
