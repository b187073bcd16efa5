import { percentOf, type ChartDefinition } from '../cards/charts/chart-definition';
import { ratingChart } from '../cards/charts/report-charts';
import type { ReportPageView } from './report-page';

/** The report page's charts, each drawn from the page view (the tables under them show the same figures). */
export interface ReportPageCharts {
  months?: ChartDefinition;
  monthlyResponseRate?: ChartDefinition;
  categories?: ChartDefinition;
  ratings: ChartDefinition[];
  gapTasks?: ChartDefinition;
  completion?: ChartDefinition;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-11" → "Nov 2026": twelve of them fit under a phone-width chart. */
function shortMonth(key: string): string {
  const [year, month] = key.split('-');
  return `${SHORT_MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export function reportPageCharts(view: ReportPageView): ReportPageCharts {
  const { months, byCategory, gapTasks } = view.programme;
  const charts: ReportPageCharts = { ratings: view.programme.ratings.filter((r) => r.count >= view.minimum).map((r, i) => ({ ...ratingChart(r, i), id: `year-ratings-${i + 1}` })) };
  if (months.length > 0) {
    charts.months = {
      kind: 'bar',
      id: 'year-by-month',
      title: 'Attendance and responses by month',
      labels: months.map((m) => shortMonth(m.month)),
      series: [
        { name: 'Attended', values: months.map((m) => m.attended) },
        { name: 'Responses', values: months.map((m) => m.responses) },
      ],
      yTitle: 'People',
    };
    charts.monthlyResponseRate = {
      kind: 'line',
      id: 'response-rate-by-month',
      title: 'Response rate by month',
      labels: months.map((m) => shortMonth(m.month)),
      series: [{ name: 'Response rate', values: months.map((m) => (m.attended > 0 ? percentOf(Math.min(1, m.responses / m.attended)) : null)) }],
      unit: 'percent',
    };
  }
  if (byCategory.length > 0) {
    charts.categories = {
      kind: 'bar',
      id: 'by-category',
      title: 'Sessions and attendance by category',
      labels: byCategory.map((c) => c.category),
      series: [
        { name: 'Sessions', values: byCategory.map((c) => c.sessions) },
        { name: 'Attended', values: byCategory.map((c) => c.attended) },
      ],
    };
  }
  if (gapTasks.total > 0) {
    charts.gapTasks = {
      kind: 'donut',
      id: 'year-gap-tasks',
      title: 'Gap tasks by status',
      labels: ['Reported', 'Planned', 'Awaiting a plan'],
      series: [{ name: 'Gap tasks', values: [gapTasks.reported, gapTasks.planned, Math.max(0, gapTasks.total - gapTasks.planned - gapTasks.reported)] }],
    };
    charts.completion = { kind: 'gauge', id: 'gap-task-completion', title: 'Gap tasks completed', labels: ['Reported'], series: [{ name: 'Completed', values: [percentOf(gapTasks.completionRate)] }], unit: 'percent' };
  }
  return charts;
}
