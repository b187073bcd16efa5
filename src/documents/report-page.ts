import type { LeadReportView, RatingSummary } from '../cards/views/lead-report';
import { CATEGORY_LABELS, type Participation, type Questionnaire, type Session, type Staff, type Tenant, type Answers } from '../domain';
import type { CommentTheme } from '../app/reports';
import { buildLeadSessionReport } from '../app/reports';
import { buildProgrammeReport, type ProgrammeReportInput } from '../app/reports';
import type { ProgrammeReportView } from '../app/reports';
import { dayText, monthKey } from '../app/reports';
import { buildProviderReport } from '../app/reports';
import type { ImpactFollowUp } from '../domain';
import type { ProviderReportView } from '../cards/views/providers';

/** One held session on the report page: the same figures `report <title>` gives the lead. */
export interface ReportPageSession {
  sessionId: string;
  title: string;
  dateText: string;
  /** "2026-11", for the month-by-category table. */
  month: string;
  category: string;
  report: LeadReportView;
}

/** The CPD lead's full report page: the year, every session, and what people asked for and said. */
export interface ReportPageView {
  schoolName: string;
  periodText: string;
  generatedText: string;
  /** The tenant's minimum count: smaller anonymous result sets are withheld, as in chat. */
  minimum: number;
  programme: ProgrammeReportView;
  sessions: ReportPageSession[];
  furtherCpdRequests: number;
  /** Themes over all sessions whose comments are shown in chat (withheld sessions add nothing). */
  commentThemes: CommentTheme[];
  /** The year by provider, with value for money (issue 26 item 7). */
  providers?: ProviderReportView;
}

export interface ReportPageInput extends ProgrammeReportInput {
  staff: readonly Staff[];
  questionnaires: readonly Questionnaire[];
  /** Answers grouped by session id (named and anonymous mixed, no person attached). */
  answersBySession: ReadonlyMap<string, readonly Answers[]>;
  /** For the providers section: the sessions' impact follow-ups and their facilitators' names (absent: no providers section). */
  providers?: { impactFollowUps: readonly ImpactFollowUp[]; facilitatorNames: ReadonlyMap<string, string> };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Theme counts summed across sessions, with a couple of examples each: the year's "what people said". */
function mergeThemes(sessions: readonly ReportPageSession[], limit = 8): CommentTheme[] {
  const merged = new Map<string, CommentTheme>();
  for (const s of sessions) {
    for (const t of s.report.commentThemes) {
      const m = merged.get(t.theme) ?? { theme: t.theme, count: 0, examples: [] };
      m.count += t.count;
      for (const e of t.examples) if (m.examples.length < 2 && !m.examples.includes(e)) m.examples.push(e);
      merged.set(t.theme, m);
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme)).slice(0, limit);
}

function sumRatings(sessions: readonly ReportPageSession[]): RatingSummary[] {
  const byQuestion = new Map<string, RatingSummary & { sum: number }>();
  for (const s of sessions) {
    for (const r of s.report.ratings) {
      const m = byQuestion.get(r.questionId) ?? { questionId: r.questionId, prompt: r.prompt, count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] };
      m.count += r.count;
      r.distribution.forEach((n, i) => {
        m.distribution[i] = (m.distribution[i] ?? 0) + n;
        m.sum += n * (i + 1);
      });
      byQuestion.set(r.questionId, m);
    }
  }
  return [...byQuestion.values()].map(({ sum, ...r }) => ({ ...r, ...(r.count > 0 ? { mean: Math.round((sum / r.count) * 100) / 100 } : {}) }));
}

export function buildReportPage(input: ReportPageInput): ReportPageView {
  const { tenant, now } = input;
  const zone = tenant.settings.timezone;
  const programme = buildProgrammeReport(input);
  const nowIso = now.toISOString();
  const held = input.sessions
    .filter((s) => s.tenantId === tenant.id && input.from <= s.startsAt && s.startsAt < input.to && s.endsAt <= nowIso && s.status !== 'draft' && s.status !== 'cancelled')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const participationsBySession = group(input.participations, (p) => p.sessionId);
  const questionnaireBySession = new Map(input.questionnaires.filter((q) => q.purpose === 'reaction' && q.sessionId).map((q) => [q.sessionId!, q]));
  const sessions = held.map((session: Session): ReportPageSession => {
    const questionnaire = questionnaireBySession.get(session.id);
    const report = buildLeadSessionReport({
      tenant: tenant as Tenant,
      session,
      staff: input.staff,
      participations: participationsBySession.get(session.id) ?? ([] as Participation[]),
      answers: input.answersBySession.get(session.id) ?? [],
      viewer: 'lead',
      ...(questionnaire ? { questionnaire } : {}),
    });
    return { sessionId: session.id, title: session.title, dateText: dayText(session.startsAt, zone), month: monthKey(session.startsAt, zone), category: CATEGORY_LABELS[session.category], report };
  });
  return {
    schoolName: tenant.name,
    // The year's ratings are the sum of what each session's report shows, so a withheld session
    // cannot be worked out by subtracting the others from a year total.
    programme: { ...programme, ratings: sumRatings(sessions) },
    periodText: programme.periodText,
    generatedText: `${dayText(nowIso, zone)}`,
    minimum: tenant.settings.minAggregateCount,
    sessions,
    furtherCpdRequests: sessions.reduce((n, s) => n + s.report.furtherCpdRequests, 0),
    commentThemes: mergeThemes(sessions),
    ...(input.providers
      ? {
          providers: buildProviderReport({
            ...input,
            questions: [...new Map(input.questionnaires.flatMap((q) => q.questions.map((x) => [x.id, x] as const))).values()],
            impactFollowUps: input.providers.impactFollowUps,
            facilitatorNames: input.providers.facilitatorNames,
          }),
        }
      : {}),
  };
}
