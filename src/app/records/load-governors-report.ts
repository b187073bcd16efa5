import { DateTime } from 'luxon';
import { SchoolCalendar } from '../../domain';
import type { GovernorsReportView } from '../../cards/views/governors-report';
import { findWhereIn } from '../../store/find-in';
import { buildGovernorsReport } from './governors-report';
import { loadProgrammeReport } from '../reports';
import type { ReportDeps, ReportResult } from '../reports';
import { currentTerm, parseTermName, termDates } from './school-term';
import { loadGovernorsMentoring, withGovernorsMentoring } from './governors-mentoring';

/** The governors' report for a named term ("autumn-2026"), or the current term when none is named. */
export async function loadGovernorsReport(deps: ReportDeps, tenantId: string, now: Date, termName?: string): Promise<ReportResult<GovernorsReportView>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  if (!tenant) return { ok: false, message: 'This school is not set up yet.' };
  const zone = tenant.settings.timezone;
  const calendar = (await store.calendars.get(tenantId, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId });
  let term = currentTerm(now, calendar, zone);
  if (termName !== undefined && termName.trim() !== '') {
    const parsed = parseTermName(termName);
    if (!parsed) return { ok: false, message: `"${termName}" is not a term: write it like autumn-2026, spring-2027 or summer-2027.` };
    term = termDates(parsed.season, parsed.year, calendar, zone);
  }
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: term.from, lt: term.to } } })).map((v) => v.value);
  const ids = sessions.filter((s) => s.status === 'published').map((s) => s.id);
  const participations = await findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true });
  const programme = await loadProgrammeReport(deps, tenantId, now, { from: term.from, to: term.to }, { answersInBlocks: true });
  if (!programme.ok) return programme;
  const from = term.from.slice(0, 10);
  // The term's logged CPD only (the report counts days before the term's end), not everything logged since.
  const until = term.to.slice(0, 10);
  const logged = (await store.cpdLog.find(tenantId, { where: { on: { gte: DateTime.fromISO(from).minus({ days: 1 }).toISODate()!, lt: until } } })).map((v) => v.value);
  const mentoring = await loadGovernorsMentoring(store, tenant, term);
  return {
    ok: true,
    value: withGovernorsMentoring(mentoring, buildGovernorsReport({
      tenant,
      term,
      now,
      today: DateTime.fromJSDate(now, { zone }).toISODate()!,
      sessions,
      participations,
      // Only the active staff are counted: those who left are not read.
      staff: (await store.staff.find(tenantId, { where: { active: true } })).map((v) => v.value),
      logged,
      statutory: (await store.statutoryTraining.find(tenantId)).map((v) => v.value),
      programme: programme.value,
    })),
  };
}
