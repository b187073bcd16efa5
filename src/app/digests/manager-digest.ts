import { countOf } from '../../cards/format';
import {
  DEVELOPMENT_STRAND_LABELS,
  mayManagerReadReview,
  type NeedsReview,
  isOpen,
  isOverdue,
  type GapTask,
  type Participation,
  type Questionnaire,
  type QuestionnaireResponse,
  type ResponseReceipt,
  type Session,
  type Staff,
  type Tenant,
} from '../../domain';
import type { DigestReportRow, ManagerDigestView } from '../../cards/views/manager-digest';
import type { DigestWeek } from './digest-week';
import { ratingMeansText, summariseRatings } from '../reports';
import { withheldText } from '../reports';

/** Everything a digest may draw on. Extra records are harmless: the builder keeps only direct reports'. */
export interface ManagerDigestInput {
  tenant: Tenant;
  manager: Staff;
  /** Candidates; only active staff whose lineManagerId is the manager's id (same tenant) are used. */
  staff: readonly Staff[];
  week: DigestWeek;
  now: Date;
  /** Sessions referred to by the participations, questionnaires and gap tasks given. */
  sessions: readonly Session[];
  participations: readonly Participation[];
  questionnaires: readonly Questionnaire[];
  receipts: readonly ResponseReceipt[];
  gapTasks: readonly GapTask[];
  /** Named responses; anonymous ones are never given to a manager's digest. */
  responses: readonly QuestionnaireResponse[];
  /** Year-ahead reviews; only those shared with this manager by their own direct reports are used. */
  needsReviews?: readonly NeedsReview[];
}

const IMPACT_NOTE_MAX = 280;

function note(sessionTitle: string | undefined, text: string): string {
  const body = text.replace(/\s+/g, ' ').trim();
  const clipped = body.length > IMPACT_NOTE_MAX ? `${body.slice(0, IMPACT_NOTE_MAX - 1).trimEnd()}…` : body;
  return sessionTitle ? `${sessionTitle}: ${clipped}` : clipped;
}

/** The direct reports of a manager, in name order: the only people a digest speaks about. */
export function directReports(manager: Pick<Staff, 'id' | 'tenantId'>, staff: readonly Staff[]): Staff[] {
  return staff
    .filter((s) => s.tenantId === manager.tenantId && s.lineManagerId === manager.id && s.id !== manager.id && s.active)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function inWeek(at: string, week: DigestWeek): boolean {
  return week.start <= at && at < week.end;
}

/** A shared year-ahead review in one line: the aspect to develop and the support wanted; `team reviews` has the rest. */
function yearAheadLine(review: NeedsReview): string {
  const strands = (review.developmentStrands ?? []).map((s) => DEVELOPMENT_STRAND_LABELS[s].toLowerCase()).join(', ');
  const aspect = review.developmentAspect ? `to develop: ${review.developmentAspect}${strands ? ` (${strands})` : ''}` : `aspirations: ${review.aspirations}`;
  const support = review.supportWanted ? `; support wanted: ${review.supportWanted}` : '';
  const body = note(undefined, `${aspect}${support}`);
  return `Shared their year-ahead review (${review.year}), ${body}${/[.!?…]$/.test(body) ? '' : '.'} Say "team reviews" to read it all.`;
}

/** The weekly line-manager digest (pure: time and records are passed in). */
export function buildManagerDigest(input: ManagerDigestInput): ManagerDigestView {
  const { tenant, manager, week, now } = input;
  const tenantId = tenant.id;
  const reports = manager.tenantId === tenantId ? directReports(manager, input.staff) : [];
  const reportIds = new Set(reports.map((r) => r.id));
  const mine = <T extends { tenantId: string }>(items: readonly T[], staffIdOf: (item: T) => string): T[] =>
    items.filter((i) => i.tenantId === tenantId && reportIds.has(staffIdOf(i)));

  const sessions = new Map(input.sessions.filter((s) => s.tenantId === tenantId).map((s) => [s.id, s]));
  const participations = mine(input.participations, (p) => p.staffId);
  const gapTasks = mine(input.gapTasks, (g) => g.staffId);
  const receipts = new Set(mine(input.receipts, (r) => r.staffId).map((r) => `${r.questionnaireId}\u0000${r.staffId}`));
  const openQuestionnaires = input.questionnaires.filter((q) => q.tenantId === tenantId && isOpen(q, now));

  const attendedBy = new Map<string, Set<string>>();
  for (const p of participations) {
    if (p.attended !== true) continue;
    const set = attendedBy.get(p.staffId) ?? new Set<string>();
    set.add(p.sessionId);
    attendedBy.set(p.staffId, set);
  }

  const rows: DigestReportRow[] = reports.map((person) => {
    const attended = attendedBy.get(person.id) ?? new Set<string>();
    const attendedThisWeek = [...attended]
      .map((id) => sessions.get(id))
      .filter((s): s is Session => s !== undefined && inWeek(s.startsAt, week))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((s) => s.title);
    const asked = openQuestionnaires.filter((q) =>
      q.sessionId !== undefined && q.purpose === 'reaction' ? attended.has(q.sessionId) : (q.recipientIds ?? []).includes(person.id),
    );
    const questionnairesOutstanding = asked.filter((q) => !receipts.has(`${q.id}\u0000${person.id}`)).length;
    const own = gapTasks.filter((g) => g.staffId === person.id);
    const outstanding = own.filter((g) => g.status !== 'reported');
    const impactNotes = own
      .filter((g) => g.report !== undefined && g.report.shareWithManager && inWeek(g.report.submittedAt, week))
      .sort((a, b) => a.report!.submittedAt.localeCompare(b.report!.submittedAt))
      .map((g) => note(sessions.get(g.sessionId)?.title, g.report!.impactSoFar));
    const review = (input.needsReviews ?? []).find((r) => r.tenantId === tenantId && inWeek(r.submittedAt, week) && mayManagerReadReview(r, person, manager.id));
    return {
      staffId: person.id,
      name: person.name,
      ...(review ? { yearAhead: yearAheadLine(review) } : {}),
      attendedThisWeek,
      questionnairesOutstanding,
      gapTasksOutstanding: outstanding.length,
      gapTasksOverdue: outstanding.filter((g) => isOverdue(g, now)).length,
      impactNotes,
    };
  });

  const sum = (pick: (r: DigestReportRow) => number): number => rows.reduce((n, r) => n + pick(r), 0);
  return {
    kind: 'manager-digest',
    managerName: manager.name,
    weekText: week.text,
    reports: rows,
    totals: {
      attended: sum((r) => r.attendedThisWeek.length),
      questionnairesOutstanding: sum((r) => r.questionnairesOutstanding),
      gapTasksOutstanding: sum((r) => r.gapTasksOutstanding),
      gapTasksOverdue: sum((r) => r.gapTasksOverdue),
    },
    reactionSummary: teamReactions(input, reportIds, sessions),
  };
}

/**
 * The team's average reactions to this week's sessions, from named answers only, and only
 * when at least `minAggregateCount` answers stand behind it: a manager must not be able to
 * read one person's rating out of a "team average".
 */
function teamReactions(
  input: ManagerDigestInput,
  reportIds: ReadonlySet<string>,
  sessions: ReadonlyMap<string, Session>,
): ManagerDigestView['reactionSummary'] {
  const minimum = input.tenant.settings.minAggregateCount;
  const weekQuestionnaires = new Map(
    input.questionnaires
      .filter((q) => q.tenantId === input.tenant.id && q.purpose === 'reaction' && !q.anonymous && q.sessionId !== undefined)
      .filter((q) => {
        const s = sessions.get(q.sessionId!);
        return s !== undefined && inWeek(s.startsAt, input.week);
      })
      .map((q) => [q.id, q]),
  );
  const answers = input.responses
    .filter((r) => r.tenantId === input.tenant.id && reportIds.has(r.respondentId) && weekQuestionnaires.has(r.questionnaireId))
    .map((r) => r.answers);
  if (answers.length < minimum) return { withheld: withheldText(minimum) };
  const questions = new Map([...weekQuestionnaires.values()].flatMap((q) => q.questions).map((q) => [q.id, q]));
  const text = ratingMeansText(summariseRatings([...questions.values()], answers));
  return text === '' ? { withheld: 'no ratings this week' } : { text: `${text} (${countOf(answers.length, 'response')})` };
}
