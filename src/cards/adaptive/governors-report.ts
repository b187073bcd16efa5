import type { GovernorsReportView } from '../views/governors-report';
import type { CardContent } from './card-content';
import { compact, facts, heading, subheading, subtle, text, type AdaptiveElement } from './elements';

function section(s: GovernorsReportView['sections'][number]): AdaptiveElement[] {
  if (s.rows.length === 0) return [subheading(s.title), subtle('Nothing this term.')];
  return [subheading(s.title), facts(s.rows.map((r) => ({ label: `${r.group}: ${r.measure}`, value: r.value })))];
}

export function governorsReportCard(view: GovernorsReportView): CardContent {
  return {
    body: compact([
      heading(`Report to governors: ${view.school ? `${view.school}, ` : ''}${view.term}`),
      subtle(view.periodText),
      text(`No names. Any figure about fewer than ${view.minGroup} people is withheld.`, { isSubtle: true, spacing: 'None' }),
      ...(view.scope ? [text(view.scope, { isSubtle: true, spacing: 'None' })] : []),
      ...view.sections.flatMap(section),
    ]),
    summary: `Report to governors for ${view.school ? `${view.school}, ` : ''}${view.term}.`,
  };
}
