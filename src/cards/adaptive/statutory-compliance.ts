import { NEVER_RECORDED_TITLE, schoolComplianceLine } from '../wording/statutory-compliance';
import type { StatutoryComplianceRow, StatutoryComplianceView } from '../views/statutory-compliance';
import type { CardContent } from './card-content';
import { compact, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';

function rows(title: string, list: StatutoryComplianceRow[]): AdaptiveElement[] {
  if (list.length === 0) return [];
  return [text(title, { weight: 'Bolder', spacing: 'Small' }), ...list.map((r) => text(`${r.name}: ${r.topic}. ${r.expiresText}`, { spacing: 'None' }))];
}

export function statutoryComplianceCard(view: StatutoryComplianceView): CardContent {
  return {
    body: compact([
      heading('Statutory training'),
      ...(view.warnings ?? []).map((w) => noticeBox({ tone: 'attention', text: w })),
      view.schools.length === 0 && text(view.emptyText),
      ...view.schools.flatMap((s) => [
        subheading(s.name),
        subtle(schoolComplianceLine(s, view.dueWithinWeeks)),
        ...rows('Out of date', s.lapsed),
        ...rows('Due to renew', s.due),
        ...rows(NEVER_RECORDED_TITLE, s.never),
      ]),
    ]),
    summary: `Statutory training: ${view.schools.reduce((n, s) => n + s.lapsed.length, 0)} out of date.`,
  };
}
