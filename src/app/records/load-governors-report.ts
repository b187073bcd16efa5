import { DateTime } from 'luxon';
import { academicYearDays, CATEGORY_LABELS, SchoolCalendar, type CpdBudget, type CpdLogEntry, type CpdRequest, type Participation, type Qualification, type Session, type Staff, type StatutoryTraining, type Tenant } from '../../domain';
import type { GovernorsReportView } from '../../cards/views/governors-report';
import { localDateOf } from '../../domain/school-time';
import { buildGovernorsReport } from './governors-report';
import { programmeReportFrom, readProgramme } from '../reports';
import type { ProgrammeReadings, ProgrammeReportView, ReportDeps, ReportResult } from '../reports';
import { findSchool, governorsPeriod, type GovernorsPeriod } from './governors-period';
import { withholdTogether, withoutCounts } from './governors-across-schools';
import { governorsMentoringRows, readGovernorsMentoring, withGovernorsMentoring, type GovernorsMentoringData } from './governors-mentoring';

/** Staff with no (known) school, leavers, trust-wide sessions, the trust's central budget: the part no school's report covers. */
const REST = '\u0000rest';

/** The school a session is for: its audience's, else the school it is run by; none, trust-wide. */
export function sessionSchool(s: Pick<Session, 'audience' | 'schoolId'>): string | undefined {
  return s.audience.kind === 'school' ? s.audience.schoolId : s.schoolId;
}

/** Everything the report reads for a period, read once whatever the slices. */
interface PeriodData {
  tenant: Tenant;
  period: GovernorsPeriod;
  sessions: Session[];
  participations: Participation[];
  staff: Staff[];
  logged: CpdLogEntry[];
  statutory: StatutoryTraining[];
  qualifications: Qualification[];
  budgets: CpdBudget[];
  requests: CpdRequest[];
  mentoring: GovernorsMentoringData;
}

/** The rest of what the report reads, beside the programme's readings: their sessions and attendance are the report's own (read once, not twice). */
async function loadPeriod(deps: ReportDeps, readings: ProgrammeReadings, period: GovernorsPeriod): Promise<PeriodData> {
  const { store } = deps;
  const { tenant, sessions } = readings;
  const tenantId = tenant.id;
  const published = new Set(sessions.filter((s) => s.status === 'published').map((s) => s.id));
  const participations = readings.participations.filter((p) => published.has(p.sessionId));
  const from = period.from.slice(0, 10);
  // The period's logged CPD only (the report counts days before the period's end), not everything logged since.
  const until = period.to.slice(0, 10);
  const year = academicYearDays(period.academicYear);
  const [staff, logged, statutory, qualifications, budgets, requests] = await Promise.all([
    // Only the active staff are counted: those who left are not read.
    store.staff.find(tenantId, { where: { active: true } }),
    store.cpdLog.find(tenantId, { where: { on: { gte: DateTime.fromISO(from).minus({ days: 1 }).toISODate()!, lt: until } } }),
    store.statutoryTraining.find(tenantId),
    store.qualifications.find(tenantId),
    store.cpdBudgets.find(tenantId, { where: { academicYear: period.academicYear } }),
    store.cpdRequests.find(tenantId, { where: { 'details.startDate': { gte: year.from, lt: year.to } } }),
  ]);
  const values = <T>(found: readonly { value: T }[]) => found.map((v) => v.value);
  const mentoring = await readGovernorsMentoring(store, tenant, period);
  return { tenant, period, sessions, participations, staff: values(staff), logged: values(logged), statutory: values(statutory), qualifications: values(qualifications), budgets: values(budgets), requests: values(requests), mentoring };
}

/** One part's inputs: a school's staff and what is theirs, or the rest (REST); undefined, the whole trust. */
function slice(data: PeriodData, part: string | undefined) {
  if (part === undefined) return data;
  const known = new Set(data.tenant.schools.map((s) => s.id));
  const partOf = (schoolId: string | undefined) => (schoolId !== undefined && known.has(schoolId) ? schoolId : REST);
  const staff = data.staff.filter((s) => partOf(s.schoolId) === part);
  const schoolOfStaff = new Map(data.staff.map((s) => [s.id, partOf(s.schoolId)]));
  const mine = (staffId: string) => (schoolOfStaff.get(staffId) ?? REST) === part;
  const participations = data.participations.filter((p) => mine(p.staffId));
  const attendedHere = new Set(participations.map((p) => p.sessionId));
  return {
    ...data,
    staff,
    participations,
    sessions: data.sessions.filter((s) => attendedHere.has(s.id) || partOf(sessionSchool(s)) === part),
    logged: data.logged.filter((e) => mine(e.staffId)),
    statutory: data.statutory.filter((t) => mine(t.staffId)),
    qualifications: data.qualifications.filter((q) => mine(q.staffId)),
    budgets: data.budgets.filter((b) => partOf(b.schoolId) === part),
    requests: data.requests.filter((r) => partOf(r.schoolId) === part),
  };
}

/** The slice's programme by category: its staff's attendances, wherever the session was. */
function categoriesOf(sessions: readonly Session[], participations: readonly Participation[], now: Date): ProgrammeReportView['byCategory'] {
  const held = sessions.filter((s) => s.status === 'published' && s.endsAt <= now.toISOString());
  const attendedAt = new Map<string, number>();
  for (const p of participations) attendedAt.set(p.sessionId, (attendedAt.get(p.sessionId) ?? 0) + 1);
  const categories = new Map<string, { category: string; sessions: number; attended: number }>();
  for (const s of held) {
    const c = categories.get(CATEGORY_LABELS[s.category]) ?? { category: CATEGORY_LABELS[s.category], sessions: 0, attended: 0 };
    c.sessions++;
    c.attended += attendedAt.get(s.id) ?? 0;
    categories.set(c.category, c);
  }
  return [...categories.values()].sort((a, b) => b.sessions - a.sessions || a.category.localeCompare(b.category));
}

function buildPart(readings: ProgrammeReadings, data: PeriodData, now: Date, part: string | undefined, school?: { name: string; scope: string }): GovernorsReportView {
  const { tenant, period } = data;
  const known = new Set(tenant.schools.map((s) => s.id));
  const partOfSession = (s: Session) => {
    const id = sessionSchool(s);
    return id !== undefined && known.has(id) ? id : REST;
  };
  // Answers released in blocks per school, so the trust's figures are the schools' added up (released-in-blocks.ts).
  const programme = programmeReportFrom(readings, now, { answersInBlocks: true, partOf: partOfSession, ...(part !== undefined ? { sessions: (s: Session) => partOfSession(s) === part } : {}) });
  const inputs = slice(data, part);
  const zone = tenant.settings.timezone;
  // Mentoring counts (issue 30) for the slice's own staff as mentees, after the other sections.
  return withGovernorsMentoring(
    governorsMentoringRows({ tenant, term: period, ...data.mentoring, mentees: inputs.staff }),
    buildGovernorsReport({
      tenant,
      term: period,
      now,
      today: DateTime.fromJSDate(now, { zone }).toISODate()!,
      sessions: inputs.sessions,
      participations: inputs.participations,
      staff: inputs.staff,
      logged: inputs.logged,
      statutory: inputs.statutory,
      programme: part === undefined ? programme : { ...programme, byCategory: categoriesOf(inputs.sessions, inputs.participations, now) },
      qualifications: inputs.qualifications,
      money: { academicYear: period.academicYear, budgets: inputs.budgets, requests: inputs.requests, fromDay: localDateOf(new Date(period.from), zone), toDay: localDateOf(new Date(period.to), zone), isYear: period.isYear, coverRatePence: tenant.settings.supplyCoverHalfDayPence },
      ...(school ? { school } : {}),
    }),
  );
}

/** Whether the period has anything to report for the slice (statutory training is as of today, not the period's). */
function hasAnything(data: ReturnType<typeof slice>, now: Date, fromDay: string, toDay: string): boolean {
  const held = data.sessions.some((s) => s.status === 'published' && s.endsAt <= now.toISOString());
  const inPeriod = (d?: string) => d !== undefined && fromDay <= d && d < toDay;
  const staff = new Set(data.staff.map((s) => s.id));
  const mentored = data.mentoring.meetings.some((m) => staff.has(m.menteeId) && inPeriod(m.record?.heldOn));
  return held || mentored || data.logged.length > 0 || data.budgets.length > 0 || data.requests.length > 0 || data.qualifications.some((q) => inPeriod(q.startedOn) || inPeriod(q.awardedOn));
}

/**
 * The governors' report for a term ("autumn-2026") or a school year ("2026-27"), the current term
 * when none is named; for the whole trust, or for one school (by id or name) when one is named.
 */
export async function loadGovernorsReport(deps: ReportDeps, tenantId: string, now: Date, periodText?: string, schoolText?: string): Promise<ReportResult<GovernorsReportView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const zone = tenant.settings.timezone;
  const calendar = (await store.calendars.get(tenantId, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId });
  const found = governorsPeriod(periodText, now, calendar, zone);
  if (!found.ok) return found;
  const { period } = found;
  const wanted = schoolText?.trim() ?? '';
  const school = wanted === '' || wanted.toLowerCase() === 'trust' ? undefined : findSchool(tenant, wanted);
  if (school && !school.ok) return school;
  // The period's sessions, attendance and answers are read once; the parts below are slices of them.
  const readings = await readProgramme(deps, tenant.id, now, { from: period.from, to: period.to });
  if (!readings.ok) return readings;
  const data = await loadPeriod(deps, readings.value, period);
  const fromDay = localDateOf(new Date(period.from), zone);
  const toDay = localDateOf(new Date(period.to), zone);
  const name = school?.school.name ?? tenant.name;
  if (!hasAnything(school ? slice(data, school.school.id) : data, now, fromDay, toDay)) {
    const last = localDateOf(new Date(Date.parse(period.to) - 1), zone);
    return { ok: false, message: `Nothing is recorded for ${name} in ${period.name} (${fromDay} to ${last}): no sessions held, no CPD logged, no budget, courses, qualifications or mentoring meetings. Name another term or year, e.g. "governors ${school ? `${school.school.name} ` : ''}2026-27".` };
  }
  const own = school
    ? {
        name: school.school.name,
        scope: `${school.school.name}'s staff: the sessions they attended wherever they were held, their hours, budget, courses, qualifications and statutory training. Evaluation by level covers the school's own sessions (answers to trust-wide sessions are anonymous and stay in the trust's report). A figure is also withheld where the same figure for another school is, so that no export less another shows a small group.`,
      }
    : undefined;
  // Every report is worked out beside all the others, the trust's too, so that none less another
  // (nor one section less another of the same report) shows a small group (decision 60).
  const trust = buildPart(readings.value, data, now, undefined);
  const parts = [...tenant.schools.map((s) => s.id), REST].map((part) => ({ id: part, view: buildPart(readings.value, data, now, part, part === school?.school.id ? own : undefined) }));
  const min = tenant.settings.minAggregateCount;
  const together = withholdTogether({ id: 'trust', view: trust }, parts, min, `withheld (fewer than ${min})`);
  return { ok: true, value: withoutCounts(school ? together.parts.get(school.school.id)! : together.trust) };
}
