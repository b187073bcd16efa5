import { formatPence } from '../../domain/money';
import { countOf } from '../format';
import type { ProviderRow } from '../views/providers';

/** A provider's figures in one line, the same on both platforms and the report page. */
export function providerFiguresText(row: ProviderRow): string {
  const ratings = row.ratings
    ?.filter((r) => r.mean !== undefined)
    .map((r) => `${r.questionId.replace(/_/g, ' ')} ${r.mean!.toFixed(1)} / 5`)
    .join(', ');
  return [
    `${row.kindText}`,
    countOf(row.sessions, 'session'),
    `${row.attended} attended`,
    row.withheld !== undefined ? `ratings withheld (${row.withheld})` : ratings ? `${ratings} (${countOf(row.responses, 'answer')})` : 'no ratings',
    countOf(row.impactReports, 'impact report'),
  ].join(' · ');
}

/** Its cost and cost per attendee and per impact report, or what is missing. */
export function providerCostText(row: ProviderRow): string {
  const per = [
    row.costPerAttendeePence !== undefined ? `${formatPence(row.costPerAttendeePence)} per attendee` : undefined,
    row.costPerImpactPence !== undefined ? `${formatPence(row.costPerImpactPence)} per impact report` : 'no impact reported yet',
  ].filter((x): x is string => x !== undefined);
  const uncosted = row.uncostedHours !== undefined ? ` · ${row.uncostedHours} facilitator hours not costed` : '';
  return `Cost ${formatPence(row.costPence)} (${per.join(', ')})${uncosted}`;
}
