import { attendeesAmong, isOpen, type Answers, type Participation, type Questionnaire, type Session, type Staff, type Tenant } from '../../domain';
import type { LeadDigestAttention, LeadDigestComingSession, LeadDigestHeldSession, LeadDigestQuestionnaire, LeadDigestView } from '../../cards/views/lead-digest';
import { countOf, formatInstant, formatSessionTime } from '../../cards/format';
import type { ComingDays, DigestWeek } from './digest-week';
import { groupBy } from '../../store/find-in';
import { leadDigestAttention, type QuestionnaireProgress } from './lead-digest-attention';
import { buildLeadSessionReport } from '../reports';
import { countFurtherCpdRequests, ratingMeansText, roundTo, summariseRatings } from '../reports';
import { withheldText } from '../reports';

/** One answer set with no person attached: its questionnaire, and whether it was given in the digest week. */
export interface UnnamedAnswers {
  tenantId: string;
  questionnaireId: string;
  answers: Answers;
  givenInWeek: boolean;
}

export interface LeadDigestInput {
  tenant: Tenant;
  lead: Staff;
  week: DigestWeek;
  coming: ComingDays;
  now: Date;
  /** Active staff, to count each held session's audience. */
  staff: readonly Staff[];
  /** The week's and the coming days' sessions, and the sessions of the questionnaires given. */
  sessions: readonly Session[];
  participations: readonly Participation[];
  /** Questionnaires open at some time since the week began. */
  questionnaires: readonly Questionnaire[];
  answers: readonly UnnamedAnswers[];
  /** Counted by the store: the programme's gap tasks are too many to read per lead. */
  gapTasks: LeadDigestView['gapTasks'];
  /** Counted by the store: messages due since the week began that expired unsent. */
  expiredMessages?: number;
  /** Problems with the school's own data (a leaver still managing people, no calendar): shown after the rest. */
  dataWarnings?: readonly LeadDigestAttention[];
  /** A school's own CPD lead: which school the digest covers (the records given are that school's only). */
  scopeText?: string;
}

/** Each list stops here; the card says how many more there are. */
export const MAX_ROWS = 8;

const MORE_COMMANDS: LeadDigestView['moreCommands'] = [
  { command: 'report <session title>', text: 'attendance and reactions for one session' },
  { command: 'programme', text: 'this digest again, at any time' },
];

function capped<T>(rows: readonly T[]): { shown: T[]; notShown: number } {
  return { shown: rows.slice(0, MAX_ROWS), notShown: Math.max(0, rows.length - MAX_ROWS) };
}

function rate(part: number, whole: number): number | undefined {
  return whole > 0 ? roundTo(Math.min(1, part / whole), 3) : undefined;
}

/** The records of the lead's tenant, indexed once for the rows below. */
interface Programme {
  tenant: Tenant;
  zone: string;
  now: Date;
  staff: readonly Staff[];
  sessionById: ReadonlyMap<string, Session>;
  participationsOf: ReadonlyMap<string, Participation[]>;
  answersOf: ReadonlyMap<string, UnnamedAnswers[]>;
  reactionOf: ReadonlyMap<string, Questionnaire>;
}

function answerCount(p: Programme, q: Questionnaire): number {
  return p.answersOf.get(q.id)?.length ?? 0;
}

function heldRow(p: Programme, session: Session): LeadDigestHeldSession {
  const participations = p.participationsOf.get(session.id) ?? [];
  const questionnaire = p.reactionOf.get(session.id);
  // The session report's own counting, so the digest and `report <title>` agree.
  const report = buildLeadSessionReport({
    tenant: p.tenant,
    session,
    staff: p.staff,
    participations,
    answers: questionnaire ? (p.answersOf.get(questionnaire.id) ?? []).map((a) => a.answers) : [],
    viewer: 'lead',
    ...(questionnaire ? { questionnaire } : {}),
  });
  return {
    sessionId: session.id,
    title: session.title,
    whenText: formatSessionTime(session.startsAt, session.endsAt, p.zone),
    invited: report.invited,
    accepted: report.accepted,
    attended: report.attended,
    responses: report.responses,
    ...(report.responseRate !== undefined ? { responseRate: report.responseRate } : {}),
    registerTaken: participations.some((x) => x.attended !== undefined),
  };
}

function comingRow(p: Programme, session: Session): LeadDigestComingSession {
  const participations = p.participationsOf.get(session.id) ?? [];
  return {
    sessionId: session.id,
    title: session.title,
    whenText: formatSessionTime(session.startsAt, session.endsAt, p.zone),
    placesTaken: participations.filter((x) => x.rsvp === 'yes').length,
    ...(session.capacity !== undefined ? { capacity: session.capacity } : {}),
    waitlist: participations.filter((x) => x.rsvp === 'waitlist').length,
  };
}

function progressOf(p: Programme, q: Questionnaire): QuestionnaireProgress {
  const session = q.sessionId ? p.sessionById.get(q.sessionId) : undefined;
  const asked = q.purpose === 'reaction' && q.sessionId ? attendeesAmong(p.participationsOf.get(q.sessionId) ?? []).length : (q.recipientIds?.length ?? 0);
  return { questionnaire: q, ...(session ? { session } : {}), asked, responses: answerCount(p, q), open: isOpen(q, p.now) };
}

function questionnaireRow(p: Programme, progress: QuestionnaireProgress): LeadDigestQuestionnaire {
  const q = progress.questionnaire;
  const r = rate(progress.responses, progress.asked);
  return {
    questionnaireId: q.id,
    title: q.title,
    responses: progress.responses,
    asked: progress.asked,
    ...(r !== undefined ? { responseRate: r } : {}),
    closesText: `closes ${formatInstant(q.closesAt, p.zone)}`,
  };
}

/**
 * The CPD lead's weekly programme digest (pure: records and time are passed in). Programme
 * aggregates only: no row names a participant, and answers arrive without a person.
 */
export function buildLeadDigest(input: LeadDigestInput): LeadDigestView {
  const { tenant, week, coming, now } = input;
  const own = <T extends { tenantId: string }>(items: readonly T[]): T[] => items.filter((i) => i.tenantId === tenant.id);
  const sessions = own(input.sessions)
    .filter((s) => s.status === 'published')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const questionnaires = own(input.questionnaires);
  const p: Programme = {
    tenant,
    zone: tenant.settings.timezone,
    now,
    staff: input.staff,
    sessionById: new Map(sessions.map((s) => [s.id, s])),
    participationsOf: groupBy(own(input.participations), (x) => x.sessionId),
    answersOf: groupBy(own(input.answers), (a) => a.questionnaireId),
    reactionOf: new Map(questionnaires.filter((q) => q.purpose === 'reaction' && q.sessionId).map((q) => [q.sessionId!, q])),
  };
  // The lead sees named results in full; a small anonymous set would name its authors through the receipts.
  const usable = (q: Questionnaire): boolean => !q.anonymous || answerCount(p, q) >= tenant.settings.minAggregateCount;

  const heldSessions = sessions.filter((s) => week.start <= s.startsAt && s.startsAt < week.end);
  const comingRows = sessions.filter((s) => coming.start <= s.startsAt && s.startsAt < coming.end).map((s) => comingRow(p, s));
  const open = questionnaires.filter((q) => isOpen(q, now)).sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id.localeCompare(b.id));
  const heldReactions = heldSessions.flatMap((s) => (p.reactionOf.has(s.id) ? [p.reactionOf.get(s.id)!] : []));
  // Watched for low response: what is open now, and the week's sessions' questionnaires even if closed.
  const watched = [...new Map([...open, ...heldReactions].map((q) => [q.id, q])).values()].map((q) => progressOf(p, q));

  const nowIso = now.toISOString();
  const attention = capped(
    [
      ...leadDigestAttention({ tenant, week, now, ended: sessions.filter((s) => s.endsAt <= nowIso), participationsOf: p.participationsOf, questionnaires: watched, coming: comingRows, expiredMessages: input.expiredMessages ?? 0 }),
      ...(input.dataWarnings ?? []),
    ],
  );
  const held = capped(heldSessions.map((s) => heldRow(p, s)));
  const upcoming = capped(comingRows);
  const openRows = capped(open.map((q) => questionnaireRow(p, progressOf(p, q))));
  const furtherCpdRequests = questionnaires
    .filter(usable)
    .reduce((n, q) => n + countFurtherCpdRequests(q.questions, (p.answersOf.get(q.id) ?? []).filter((a) => a.givenInWeek).map((a) => a.answers)), 0);

  return {
    kind: 'lead-digest',
    leadName: input.lead.name,
    weekText: week.text,
    comingText: coming.text,
    attention: attention.shown,
    held: held.shown,
    reactionSummary: weekReactions(heldReactions, p.answersOf, usable, tenant.settings.minAggregateCount),
    coming: upcoming.shown,
    openQuestionnaires: openRows.shown,
    notShown: { attention: attention.notShown, held: held.notShown, coming: upcoming.notShown, openQuestionnaires: openRows.notShown },
    gapTasks: input.gapTasks,
    furtherCpdRequests,
    // A school's own lead has `programme`; `report <title>` is the trust lead's (and facilitators').
    moreCommands: input.scopeText ? MORE_COMMANDS.filter((c) => c.command === 'programme') : MORE_COMMANDS,
    ...(input.scopeText ? { scopeText: input.scopeText } : {}),
  };
}

/** The week's reaction averages, leaving out anonymous questionnaires with fewer answers than the minimum. */
function weekReactions(
  questionnaires: readonly Questionnaire[],
  answersOf: ReadonlyMap<string, readonly UnnamedAnswers[]>,
  usable: (q: Questionnaire) => boolean,
  minimum: number,
): LeadDigestView['reactionSummary'] {
  const included = questionnaires.filter(usable);
  const leftOut = questionnaires.length - included.length;
  const answers = included.flatMap((q) => (answersOf.get(q.id) ?? []).map((a) => a.answers));
  const questions = new Map(included.flatMap((q) => q.questions).map((q) => [q.id, q]));
  const text = answers.length > 0 ? ratingMeansText(summariseRatings([...questions.values()], answers)) : '';
  if (text === '') return { withheld: leftOut > 0 ? withheldText(minimum) : 'no ratings yet' };
  const note = leftOut > 0 ? `; ${countOf(leftOut, 'anonymous questionnaire')} with ${withheldText(minimum)} left out` : '';
  return { text: `${text} (${countOf(answers.length, 'response')}${note})` };
}

/** Nothing held, coming, open, due or asked for: the digest would be empty, so it is not sent. */
export function hasNothingToReport(view: LeadDigestView): boolean {
  const lists = view.attention.length + view.held.length + view.coming.length + view.openQuestionnaires.length;
  // An early-career teacher with no mentor is the lead's to fix, even in a quiet week.
  const unmentored = (view.mentoring ?? []).some((line) => line.ectsWithoutMentor > 0);
  return lists === 0 && view.gapTasks.open === 0 && view.gapTasks.reportedThisWeek === 0 && view.furtherCpdRequests === 0 && !unmentored;
}
