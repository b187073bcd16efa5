import { DateTime } from 'luxon';
import { assignPathwayJoiners } from '../../app/mentoring';
import type { Clock } from '../../domain';
import { academicYearOf, SchoolCalendar, Tenant } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { Store } from '../../store/store';
import { withoutChangeLog } from '../../store/change-log';
import { planDeliveries, settled, type PlanningInput } from './planner';
import type { SubjectPlanned } from './plan-session';
import { scheduleWakes } from './wake-ups';
import { withPlanned } from './planner-types';
import { sessionWakeAt, tenantWakeAt } from './wake-times';
import { DAY_MS } from './planner-types';
import { advanceCpdRequests } from './request-progress';
import { writePlan, type PlanSummary } from './write-plan';

export interface PlanDeps {
  store: Store;
  clock: Clock;
}

export type { PlanSummary } from './write-plan';
export { CANCELLED_TTL_SECONDS } from './write-plan';

/** Sessions older than this (and their gap tasks) no longer lead to messages. */
const LOOK_BACK_DAYS = 60;
/** Up to 26 school weeks plus holidays after a marked session. */
const IMPACT_LOOK_BACK_DAYS = 240;
/** Mentoring meetings of the last half year: an action agreed at one is nudged until a fortnight after it was due. */
const MENTORING_LOOK_BACK_DAYS = 183;

const values = <T>(rows: { value: T }[]): T[] => rows.map((r) => r.value);

/** Reads what the planner needs for one tenant, plans, and writes with create-if-absent. */
export async function planTenant(deps: PlanDeps, tenantId: string): Promise<PlanSummary> {
  return (await planWholeTenant(deps, tenantId)).summary;
}

/**
 * The whole tenant at once: the tenant-wide rules, and every session again as the safety net
 * (each session's next wake-up is recorded for it to be planned alone then). Runs after a change
 * to the roster, settings, calendar or statutory training, at start, and at least daily. First it
 * assigns pathway joiners their standing programme (the one write step before planning).
 */
export function planWholeTenant(deps: PlanDeps, tenantId: string): Promise<SubjectPlanned> {
  return withoutChangeLog(() => readAndPlanTenant(deps, tenantId));
}

async function readAndPlanTenant(deps: PlanDeps, tenantId: string): Promise<SubjectPlanned> {
  const { store } = deps;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOOK_BACK_DAYS * DAY_MS).toISOString();
  const tenantDoc = await store.tenants.get(tenantId, tenantId);
  if (!tenantDoc) throw new Error(`no tenant ${tenantId}`);
  const tenant = Tenant.parse(tenantDoc.value);
  // Sessions marked for an impact follow-up are asked about weeks later: looked back on further than the rest.
  const impactSince = new Date(now.getTime() - IMPACT_LOOK_BACK_DAYS * DAY_MS).toISOString();
  // People who joined a pathway with a standing programme assignment get it first, so this pass plans their reminders (docs/mentoring.md).
  await assignPathwayJoiners(deps, tenant);
  // Mentoring (planner-mentoring.ts): meetings of the last half year (their actions are nudged for weeks after), every link, this year's reviews.
  const mentoringSince = DateTime.fromJSDate(now, { zone: tenant.settings.timezone }).minus({ days: MENTORING_LOOK_BACK_DAYS }).toISODate()!;
  const [mentoringMeetings, mentoringLinks, progressReviews] = await Promise.all([
    store.mentoringMeetings.find(tenantId, { where: { weekStart: { gte: mentoringSince } } }),
    store.mentoringLinks.find(tenantId),
    store.progressReviews.find(tenantId, { where: { year: academicYearOf(localDateOf(now, tenant.settings.timezone)) } }),
  ]);
  const [calendar, recentSessions, staff, templates, gapTasks, pending, statutoryTraining, markedSessions, impactFollowUps, cpdRequests] = await Promise.all([
    store.calendars.get(tenantId, 'calendar'),
    store.sessions.find(tenantId, { where: { startsAt: { gte: since } } }),
    store.staff.find(tenantId, { where: { active: true } }),
    store.templates.find(tenantId),
    store.gapTasks.find(tenantId, { where: { dueAt: { gte: since } } }),
    store.deliveries.find(tenantId, { where: { status: 'pending' } }),
    // All of it: the renewal rule keeps to its horizon, and a required topic with none is due (planStatutoryDue).
    store.statutoryTraining.find(tenantId),
    store.sessions.find(tenantId, { where: { startsAt: { gte: impactSince, lt: since }, 'impactFollowUp.weeksAfter': { exists: true } } }),
    store.impactFollowUps.find(tenantId, { where: { status: { in: ['asked', 'answered'] } } }),
    // Requests waiting for an approver: their nudges (docs/requests.md).
    store.cpdRequests.find(tenantId, { where: { status: 'submitted' } }),
  ]);
  const sessions = recentSessions;
  // Only the impact rule sees the older marked sessions: the other rules keep their own look-back.
  const sessionIds = [...sessions, ...markedSessions].map((s) => s.value.id);
  const [participations, sessionQuestionnaires, openSurveys] = await Promise.all([
    sessionIds.length ? store.participations.find(tenantId, { where: { sessionId: { in: sessionIds } } }) : [],
    sessionIds.length ? store.questionnaires.find(tenantId, { where: { sessionId: { in: sessionIds } } }) : [],
    // Surveys belong to no session: those not long closed (closesAt is indexed), so their pending messages can be cancelled.
    store.questionnaires.find(tenantId, { where: { purpose: 'survey', closesAt: { gte: new Date(now.getTime() - 7 * DAY_MS).toISOString() } } }),
  ]);
  const questionnaires = [...new Map([...sessionQuestionnaires, ...openSurveys].map((q) => [q.value.id, q])).values()];
  const questionnaireIds = questionnaires.map((q) => q.value.id);
  const receipts = questionnaireIds.length
    ? await store.receipts.find(tenantId, { where: { questionnaireId: { in: questionnaireIds } } })
    : [];

  const input: PlanningInput = {
    tenant,
    calendar: calendar?.value ?? SchoolCalendar.parse({ tenantId }),
    sessions: values(sessions),
    participations: values(participations),
    questionnaires: values(questionnaires),
    templates: values(templates),
    receipts: values(receipts),
    gapTasks: values(gapTasks),
    staff: values(staff),
    statutoryTraining: values(statutoryTraining),
    impactFollowUps: values(impactFollowUps),
    impactSessions: values(markedSessions),
    pending: values(pending),
    cpdRequests: values(cpdRequests),
    mentoringMeetings: values(mentoringMeetings),
    mentoringLinks: values(mentoringLinks),
    progressReviews: values(progressReviews),
    now,
  };
  const plan = settled(input, planDeliveries);

  const summary = await writePlan(store, plan, new Map(pending.map((p) => [p.value.id, p.version])));
  // Booked courses move on to attended and evaluated as their sessions do.
  await advanceCpdRequests(deps, tenantId, now);
  const after = withPlanned(input, plan);
  await scheduleWakes(store, tenantId, [...sessions, ...markedSessions].map(({ value: s }) => ({ subject: { kind: 'session', sessionId: s.id }, at: sessionWakeAt(after, s) })));
  const wakeAt = tenantWakeAt(after);
  return { summary, ...(wakeAt ? { wakeAt } : {}) };
}
