import { DateTime } from 'luxon';
import type { Questionnaire, Session } from '../../domain';
import type { LeadDigestView } from '../../cards/views/lead-digest';
import type { Store } from '../../store/store';
import { comingDays, digestWeek, type ComingDays, type DigestWeek } from './digest-week';
import { findWhereIn } from '../../store/find-in';
import { buildLeadDigest, type UnnamedAnswers } from './lead-digest';
import { calendarWarning, loadLeaverManagerWarnings, withDataWarnings } from './lead-digest-data-warnings';
import { loadMentoringLines, withMentoring } from './lead-digest-mentoring';
import { localDateOf } from '../../domain/school-time';
import { schoolYear } from '../reports';
import type { ReportDeps, ReportResult } from '../reports';
import type { Filter } from '../../store/port';
import { leadDigestScope, schoolNameInScope, sessionInScope, staffInScope, type DigestScope } from './digest-scope';

/**
 * Named and anonymous answers of the given questionnaires, each reduced to its answers as soon
 * as it is read: the digest never holds a person id next to an answer.
 */
async function unnamedAnswers(store: Store, tenantId: string, questionnaires: readonly Questionnaire[], week: DigestWeek, zone: string): Promise<UnnamedAnswers[]> {
  const ids = (anonymous: boolean) => questionnaires.filter((q) => q.anonymous === anonymous).map((q) => q.id);
  // Anonymous answers carry only the local day, so the week is compared as local days.
  const firstDay = DateTime.fromISO(week.start, { zone }).toISODate()!;
  const dayAfter = DateTime.fromISO(week.end, { zone }).toISODate()!;
  const named = (await findWhereIn(store.responses, tenantId, 'questionnaireId', ids(false))).map((r) => ({
    tenantId: r.tenantId,
    questionnaireId: r.questionnaireId,
    answers: r.answers,
    givenInWeek: week.start <= r.submittedAt && r.submittedAt < week.end,
  }));
  const anonymous = (await findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', ids(true))).map((r) => ({
    tenantId: r.tenantId,
    questionnaireId: r.questionnaireId,
    answers: r.answers,
    givenInWeek: firstDay <= r.submittedOn && r.submittedOn < dayAfter,
  }));
  return [...named, ...anonymous];
}

/**
 * The people a school lead's counts are limited to (their schools' staff, active or not), as a
 * filter on `field`; nothing for a trust lead. A school with nobody on the staff list counts nothing.
 */
async function peopleFilters(store: Store, tenantId: string, scope: DigestScope): Promise<(field: string) => Filter | 'nobody'> {
  if (scope.kind === 'trust') return () => ({});
  const ids = (await findWhereIn(store.staff, tenantId, 'schoolId', [...scope.schoolIds])).map((p) => p.id);
  return (field) => (ids.length === 0 ? 'nobody' : { [field]: { in: ids } });
}

/** The programme's gap tasks this school year, counted by the store rather than read (a school lead: their school's people's). */
async function gapTaskCounts(store: Store, tenantId: string, now: Date, week: DigestWeek, coming: ComingDays, yearStart: string, people: Filter | 'nobody'): Promise<LeadDigestView['gapTasks']> {
  if (people === 'nobody') return { open: 0, awaitingPlan: 0, overdue: 0, dueSoon: 0, reportedThisWeek: 0 };
  const unfinished = ['awaiting-plan', 'planned'];
  const nowIso = now.toISOString();
  // Open = overdue + not yet due: the second range is short, so the year is counted once for each of two figures, not three.
  const [overdue, notYetDue, awaitingPlan, dueSoon, reportedThisWeek] = await Promise.all([
    store.gapTasks.count(tenantId, { ...people, status: { in: unfinished }, dueAt: { gte: yearStart, lt: nowIso } }),
    store.gapTasks.count(tenantId, { ...people, status: { in: unfinished }, dueAt: { gte: nowIso } }),
    store.gapTasks.count(tenantId, { ...people, status: 'awaiting-plan', dueAt: { gte: yearStart } }),
    store.gapTasks.count(tenantId, { ...people, status: { in: unfinished }, dueAt: { gte: nowIso, lt: coming.end } }),
    store.gapTasks.count(tenantId, { ...people, status: 'reported', 'report.submittedAt': { gte: week.start, lt: week.end } }),
  ]);
  return { open: overdue + notYetDue, awaitingPlan, overdue, dueSoon, reportedThisWeek };
}

/**
 * Loads one CPD lead's programme digest. Reads a fortnight of sessions (the week reported on and
 * the days coming), the questionnaires open since the week began and their answers, and gap-task
 * counts: nothing scales with the whole year but the counts, which the store does.
 */
export async function loadLeadDigest(deps: ReportDeps, tenantId: string, leadId: string, now: Date): Promise<ReportResult<LeadDigestView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const lead = (await store.staff.get(tenantId, leadId))?.value;
  if (!lead) return { ok: false, message: 'We could not find you in the staff list.' };
  const scope = leadDigestScope(tenant, lead);
  if (!scope) return { ok: false, message: 'The programme digest is for CPD leads: you are not a CPD lead of the trust or of a school.' };
  const inScope = (s: Session) => sessionInScope(scope, s);

  const zone = tenant.settings.timezone;
  const week = digestWeek(now, zone);
  const coming = comingDays(now, zone);
  const windowSessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: week.start, lt: coming.end } } })).map((v) => v.value).filter(inScope);
  // Open at some time since the week began (a questionnaire is written when its session ends; a survey may be set up ahead).
  const opened = (await store.questionnaires.find(tenantId, { where: { closesAt: { gt: week.start }, opensAt: { lte: now.toISOString() } } })).map((v) => v.value);
  const known = new Set(windowSessions.map((s) => s.id));
  const older = (await findWhereIn(store.sessions, tenantId, 'id', opened.flatMap((q) => (q.sessionId && !known.has(q.sessionId) ? [q.sessionId] : [])))).filter(inScope);
  const sessions = [...windowSessions, ...older];
  const sessionIds = new Set(sessions.map((s) => s.id));
  // A school lead: only their schools' sessions' questionnaires (a trust survey's figures are the trust's).
  const questionnaires = scope.kind === 'trust' ? opened : opened.filter((q) => q.sessionId !== undefined && sessionIds.has(q.sessionId));
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', [...sessionIds]);
  // The audience (for "invited") is only needed when the week had sessions.
  const heldAny = windowSessions.some((s) => s.startsAt < week.end);
  const staff = heldAny ? (await store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value).filter((s) => staffInScope(scope, s)) : [];

  const peopleWhere = await peopleFilters(store, tenantId, scope);
  const [followUpPeople, taskPeople, messagePeople] = [peopleWhere('staffId'), peopleWhere('staffId'), peopleWhere('recipientId')];
  const [awaitingAnswer, awaitingManager] =
    followUpPeople === 'nobody'
      ? [0, 0]
      : await Promise.all([store.impactFollowUps.count(tenantId, { ...followUpPeople, status: 'asked' }), store.impactFollowUps.count(tenantId, { ...followUpPeople, status: 'answered' })]);
  const view = buildLeadDigest({
    tenant,
    lead,
    week,
    coming,
    now,
    staff,
    sessions,
    participations,
    questionnaires,
    answers: await unnamedAnswers(store, tenantId, questionnaires, week, zone),
    gapTasks: await gapTaskCounts(store, tenantId, now, week, coming, schoolYear(now, zone).from, taskPeople),
    expiredMessages: messagePeople === 'nobody' ? 0 : await store.deliveries.count(tenantId, { ...messagePeople, status: 'expired', dueAt: { gte: week.start } }),
    ...(scope.kind === 'schools' ? { scopeText: scope.text } : {}),
  });
  const warnings = [
    ...(await loadLeaverManagerWarnings(store, tenantId, (s) => staffInScope(scope, s))),
    ...calendarWarning((await store.calendars.get(tenantId, 'calendar'))?.value, localDateOf(now, zone), zone),
  ];
  // Follow-ups only once the programme uses them, so other digests stay as short as they were.
  const digest = awaitingAnswer + awaitingManager > 0 ? { ...view, impactFollowUps: { awaitingAnswer, awaitingManager } } : view;
  // A line per school once mentoring is in use (docs/mentoring.md, "Who sees what"); a school's lead, their own school's only.
  const mentoring = (await loadMentoringLines(store, tenant, now)).filter((l) => schoolNameInScope(scope, l.school));
  return { ok: true, value: withMentoring(withDataWarnings(digest, warnings), mentoring) };
}
