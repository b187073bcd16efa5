import { CATEGORY_LABELS, isOverdue, type Answers, type GapTask, type Participation, type Question, type Session, type Tenant } from '../../domain';
import { commentThemes } from './comment-themes';
import type { ProgrammeReportView } from './programme-report-view';
import { roundTo, summariseRatings } from './reaction-stats';
import { formatMonth } from '../../cards/format';
import { dayText, monthKey } from './report-format';

export interface ProgrammeReportInput {
  tenant: Tenant;
  /** [from, to) as UTC instants. */
  from: string;
  to: string;
  now: Date;
  sessions: readonly Session[];
  participations: readonly Participation[];
  /** Number of answers (named + anonymous) per session id. */
  responsesBySession: ReadonlyMap<string, number>;
  /** Rating questions and answers, with no person attached, for the year's averages. */
  ratingQuestions: readonly Question[];
  answers: readonly Answers[];
  gapTasks: readonly GapTask[];
}

/** The lead's year: attendance by month and category, response rate, gap-task completion, recurring barriers. */
export function buildProgrammeReport(input: ProgrammeReportInput): ProgrammeReportView {
  const { tenant, from, to, now } = input;
  const zone = tenant.settings.timezone;
  const all = input.sessions.filter((s) => s.tenantId === tenant.id && from <= s.startsAt && s.startsAt < to && s.status !== 'draft');
  // Held means over: a session still to come (or running now) is not counted, nor plotted.
  const nowIso = now.toISOString();
  const held = all.filter((s) => s.status !== 'cancelled' && s.endsAt <= nowIso);
  const heldIds = new Set(held.map((s) => s.id));
  const attendedBy = new Map<string, number>();
  for (const p of input.participations) {
    if (p.tenantId !== tenant.id || p.attended !== true || !heldIds.has(p.sessionId)) continue;
    attendedBy.set(p.sessionId, (attendedBy.get(p.sessionId) ?? 0) + 1);
  }

  const months = new Map<string, ProgrammeReportView['months'][number]>();
  const categories = new Map<string, ProgrammeReportView['byCategory'][number]>();
  for (const s of [...held].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = monthKey(s.startsAt, zone);
    const m = months.get(key) ?? { month: key, label: formatMonth(s.startsAt, zone), sessions: 0, attended: 0, responses: 0 };
    m.sessions += 1;
    m.attended += attendedBy.get(s.id) ?? 0;
    m.responses += input.responsesBySession.get(s.id) ?? 0;
    months.set(key, m);
    const label = CATEGORY_LABELS[s.category];
    const c = categories.get(label) ?? { category: label, sessions: 0, attended: 0 };
    c.sessions += 1;
    c.attended += attendedBy.get(s.id) ?? 0;
    categories.set(label, c);
  }
  const attended = [...attendedBy.values()].reduce((a, b) => a + b, 0);
  const responses = held.reduce((n, s) => n + (input.responsesBySession.get(s.id) ?? 0), 0);

  const tasks = input.gapTasks.filter((g) => g.tenantId === tenant.id && heldIds.has(g.sessionId));
  const reported = tasks.filter((g) => g.status === 'reported');
  const barriers = reported.flatMap((g) => (g.report ? [g.report.barriers] : []));

  return {
    kind: 'programme-report',
    periodText: `${dayText(from, zone)} – ${dayText(new Date(Date.parse(to) - 1).toISOString(), zone)}`,
    months: [...months.values()],
    byCategory: [...categories.values()].sort((a, b) => b.sessions - a.sessions || a.category.localeCompare(b.category)),
    totals: {
      sessions: held.length,
      cancelled: all.filter((s) => s.status === 'cancelled').length,
      attended,
      responses,
      ...(attended > 0 ? { responseRate: roundTo(Math.min(1, responses / attended), 3) } : {}),
    },
    ratings: summariseRatings(input.ratingQuestions, input.answers),
    gapTasks: {
      total: tasks.length,
      planned: tasks.filter((g) => g.status === 'planned').length,
      reported: reported.length,
      overdue: tasks.filter((g) => isOverdue(g, now)).length,
      ...(tasks.length > 0 ? { completionRate: roundTo(reported.length / tasks.length, 3) } : {}),
    },
    // A "barrier" said once is an anecdote; a theme needs three people.
    recurringBarriers: commentThemes(barriers, { minShared: 3 }).filter((t) => t.theme !== 'other'),
  };
}
