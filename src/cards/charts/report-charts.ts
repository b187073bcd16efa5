import type { LeadDigestView, LeadDigestWeek } from '../views/lead-digest';
import type { LeadReportView, RatingSummary } from '../views/lead-report';
import type { ManagerDigestView } from '../views/manager-digest';
import { percentOf, type ChartDefinition } from './chart-definition';

/** Long session titles would crowd a bar axis on a phone. */
function shortLabel(title: string, max = 24): string {
  return title.length <= max ? title : `${title.slice(0, max - 1)}…`;
}

export function ratingChart(rating: RatingSummary, index: number): ChartDefinition {
  return {
    kind: 'bar',
    id: `ratings-${index + 1}`,
    title: rating.prompt,
    labels: ['1', '2', '3', '4', '5'],
    series: [{ name: 'Answers', values: [...rating.distribution] }],
    xTitle: 'Rating (1 low, 5 high)',
    yTitle: 'Answers',
  };
}

export function responseRateGauge(id: string, title: string, rate: number | undefined): ChartDefinition | undefined {
  if (rate === undefined) return undefined;
  return { kind: 'gauge', id, title, labels: ['Answered'], series: [{ name: title, values: [percentOf(rate)] }], unit: 'percent' };
}

/** `report <session>`: each rating's spread, then the response rate. Withheld reports have no ratings. */
export function sessionReportCharts(view: LeadReportView): { ratings: ChartDefinition[]; responseRate?: ChartDefinition } {
  const gauge = responseRateGauge('response-rate', 'Response rate', view.responseRate);
  return { ratings: view.ratings.map(ratingChart), ...(gauge ? { responseRate: gauge } : {}) };
}

/** The week's held sessions side by side: who came, who answered. */
export function heldSessionsChart(view: LeadDigestView): ChartDefinition | undefined {
  if (view.held.length === 0) return undefined;
  return {
    kind: 'bar',
    id: 'held-sessions',
    title: 'Attendance and responses this week',
    labels: view.held.map((s) => shortLabel(s.title)),
    series: [
      { name: 'Attended', values: view.held.map((s) => s.attended) },
      { name: 'Responses', values: view.held.map((s) => s.responses) },
    ],
    yTitle: 'People',
  };
}

/** The week's response rate: responses per attendee, over the sessions that have a rate (a register was taken). */
export function weekResponseRateChart(view: LeadDigestView): ChartDefinition | undefined {
  const rated = view.held.filter((s) => s.responseRate !== undefined);
  const attended = rated.reduce((n, s) => n + s.attended, 0);
  const responses = rated.reduce((n, s) => n + s.responses, 0);
  return attended > 0 ? responseRateGauge('week-response-rate', 'Response rate this week', Math.min(1, responses / attended)) : undefined;
}

/** Gap tasks by status. Slices do not overlap: open = overdue + due within 7 days + due later. */
export function gapTaskStatusChart(view: LeadDigestView): ChartDefinition | undefined {
  const g = view.gapTasks;
  const later = Math.max(0, g.open - g.overdue - g.dueSoon);
  const values = [g.overdue, g.dueSoon, later, g.reportedThisWeek];
  if (values.every((v) => v === 0)) return undefined;
  return { kind: 'donut', id: 'gap-tasks', title: 'Gap tasks by status', labels: ['Overdue', 'Due in 7 days', 'Due later', 'Reported this week'], series: [{ name: 'Gap tasks', values }] };
}

/** A manager's team as counts of people (no names: the picture may be shown in a meeting). */
export function teamParticipationChart(view: ManagerDigestView): ChartDefinition | undefined {
  const rows = view.reports;
  if (rows.length === 0) return undefined;
  const count = (test: (r: (typeof rows)[number]) => boolean) => rows.filter(test).length;
  const attended = count((r) => r.attendedThisWeek.length > 0);
  const answered = count((r) => r.questionnairesOutstanding === 0);
  const onTime = count((r) => r.gapTasksOverdue === 0);
  // Each bar is the number of people its label names, out of the team: never the team's size as a bar's figure.
  return {
    kind: 'count-bar',
    id: 'team-participation',
    title: `How many of your team of ${rows.length}`,
    labels: ['Attended a session this week', 'Questionnaires all answered', 'No gap task overdue'],
    series: [{ name: 'People', values: [attended, answered, onTime] }],
    outOf: rows.length,
  };
}

/** Attendances week by week, this week last; a week without sessions is "no data", not 0. */
export function weeklyAttendanceChart(weeks: readonly LeadDigestWeek[]): ChartDefinition {
  return {
    kind: 'bar',
    id: 'attendance-by-week',
    title: 'Attendance by week',
    labels: weeks.map((w) => w.label),
    series: [{ name: 'Attended', values: weeks.map((w) => (w.sessions > 0 ? w.attended : null)) }],
    xTitle: 'Week beginning',
    yTitle: 'People',
  };
}

/** The response rate week by week; a week with no register is a gap in the line ("no data"), not 0%. */
export function weeklyResponseRateChart(weeks: readonly LeadDigestWeek[]): ChartDefinition {
  return {
    kind: 'line',
    id: 'response-rate-by-week',
    title: 'Response rate by week',
    labels: weeks.map((w) => w.label),
    series: [{ name: 'Response rate', values: weeks.map((w) => (w.responseRate === undefined ? null : percentOf(w.responseRate))) }],
    unit: 'percent',
  };
}

/**
 * The digest's attendance and response-rate pictures: the trend by week when the view has the
 * weeks (the composer loads them), else this week's sessions side by side and the week's rate.
 */
export function leadDigestTrendCharts(view: LeadDigestView): ChartDefinition[] {
  const weeks = view.weeks ?? [];
  const charts = weeks.length >= 2 && weeks.some((w) => w.sessions > 0) ? [weeklyAttendanceChart(weeks), weeklyResponseRateChart(weeks)] : [heldSessionsChart(view), weekResponseRateChart(view)];
  return charts.filter((c): c is ChartDefinition => c !== undefined);
}

export function leadDigestCharts(view: LeadDigestView): ChartDefinition[] {
  return [...leadDigestTrendCharts(view), gapTaskStatusChart(view)].filter((c): c is ChartDefinition => c !== undefined);
}

/** Every chart a report or digest card shows: what needs a picture link for Slack. */
export function chartsOf(view: LeadReportView | LeadDigestView | ManagerDigestView): ChartDefinition[] {
  if (view.kind === 'lead-digest') return leadDigestCharts(view);
  if (view.kind === 'manager-digest') return [teamParticipationChart(view)].filter((c): c is ChartDefinition => c !== undefined);
  const { ratings, responseRate } = sessionReportCharts(view);
  return responseRate ? [...ratings, responseRate] : ratings;
}

/** The view with a picture link per chart; `urlFor` signs one (or, on /dev, points at the preview route). */
export function withChartImages<V extends LeadReportView | LeadDigestView | ManagerDigestView>(view: V, urlFor: (chart: ChartDefinition) => string): V {
  return { ...view, chartImages: Object.fromEntries(chartsOf(view).map((c) => [c.id, urlFor(c)])) };
}
