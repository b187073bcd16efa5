import { withChartImages } from '../../cards/charts/report-charts';
import { chartToken } from '../../cards/charts/chart-token';
import type { LeadDigestView } from '../../cards/views/lead-digest';
import type { LeadReportView } from '../../cards/views/lead-report';
import type { ManagerDigestView } from '../../cards/views/manager-digest';
import type { SignedLinks } from '../signed-links';

type ChartedView = LeadReportView | LeadDigestView | ManagerDigestView;

/**
 * Adds the signed links a report or digest card carries for its reader: a picture link per chart
 * (Slack shows them; Teams draws its own chart elements) and, for the CPD lead, the full report
 * page. Without links (no public address) the view is unchanged and the text carries the figures.
 */
export function withReportLinks<V extends ChartedView>(links: SignedLinks | undefined, tenantId: string, readerId: string, view: V, options: { fullReport: boolean }): V {
  if (!links) return view;
  const charted = withChartImages(view, (chart) => links.chartImageUrl(tenantId, readerId, chartToken(chart)));
  return options.fullReport && view.kind !== 'manager-digest' ? { ...charted, fullReportUrl: links.reportPageUrl(tenantId, readerId) } : charted;
}
