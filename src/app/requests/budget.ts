import {
  academicYearDays,
  academicYearOf,
  AcademicYear,
  budgetId,
  budgetPosition,
  costPence,
  COVER_NOT_COSTED,
  coverCostText,
  CpdBudget,
  formatPence,
  gapTaskId,
  hasRole,
  parsePounds,
  PATHWAY_GROUP_NAMES,
  PURPOSE_LABELS,
  type CpdRequest,
  type Tenant,
} from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { CpdBudgetView } from '../../cards/views/cpd-budget';
import type { NoticeView } from '../../cards/views/notice';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

export type SetBudgetResult = { ok: true; budget: CpdBudget; message: string } | { ok: false; message: string };

/** A school by id or name, or the trust as a whole ("trust"). */
function scopeOf(tenant: Tenant, ref: string): { scope: 'trust' } | { scope: 'school'; schoolId: string; name: string } | undefined {
  const wanted = ref.trim().toLowerCase();
  if (wanted === 'trust' || wanted === tenant.name.toLowerCase()) return { scope: 'trust' };
  const school = tenant.schools.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  return school ? { scope: 'school', schoolId: school.id, name: school.name } : undefined;
}

/** Sets (or replaces) the CPD budget of a school or the trust for an academic year: one document per school and year. */
export async function setCpdBudget(deps: AppDeps, tenant: Tenant, input: { scope: string; amount: string; year?: string; setBy?: string }): Promise<SetBudgetResult> {
  const scope = scopeOf(tenant, input.scope);
  if (!scope) return { ok: false, message: `No school called "${input.scope}". Give a school's name or id, or "trust".` };
  const amountPence = parsePounds(input.amount);
  if (amountPence === undefined) return { ok: false, message: `"${input.amount}" is not an amount in pounds (e.g. 12000 or 12,000.50).` };
  const year = input.year ?? academicYearOf(localDateOf(deps.clock.now(), tenant.settings.timezone));
  const parsedYear = AcademicYear.safeParse(year);
  if (!parsedYear.success) return { ok: false, message: `"${year}" is not an academic year like 2026-27.` };
  const schoolId = scope.scope === 'school' ? scope.schoolId : undefined;
  const budget = CpdBudget.parse({
    tenantId: tenant.id,
    id: budgetId(parsedYear.data, schoolId),
    scope: scope.scope,
    ...(schoolId ? { schoolId } : {}),
    academicYear: parsedYear.data,
    amountPence,
    ...(input.setBy ? { setBy: input.setBy } : {}),
    setAt: deps.clock.now().toISOString(),
  });
  await deps.store.cpdBudgets.put(budget);
  const name = scope.scope === 'school' ? scope.name : 'the trust';
  return { ok: true, budget, message: `CPD budget for ${name}, ${parsedYear.data}: ${formatPence(amountPence)}.` };
}

const COUNTED = ['approved', 'booked', 'attended', 'evaluated', 'not-attended'];

/** Whether a request counts against the budget already (approved, booked or later). */
export function countsAgainstBudget(request: Pick<CpdRequest, 'status'>): boolean {
  return COUNTED.includes(request.status);
}

/** A school's requests count against its budget; those with no school against the trust's (central) one. */
const inScope = (request: CpdRequest, schoolId: string | undefined) => (request.schoolId ?? undefined) === schoolId;

/** The year's requests, by the course's start date. */
async function requestsOfYear(deps: AppDeps, tenant: Tenant, year: AcademicYear): Promise<CpdRequest[]> {
  const days = academicYearDays(year);
  const found = await deps.store.cpdRequests.find(tenant.id, { where: { 'details.startDate': { gte: days.from, lt: days.to } } });
  return found.map((r) => r.value).filter((r) => academicYearOf(r.details.startDate) === year);
}

/**
 * Where a school's budget (or the trust's central one) stands for a year: the one figure that both
 * `budget` and a request's card show, so they never disagree. Undefined when no budget is set.
 */
export async function budgetStanding(deps: AppDeps, tenant: Tenant, year: AcademicYear, schoolId: string | undefined) {
  const budget = (await deps.store.cpdBudgets.get(tenant.id, budgetId(year, schoolId)))?.value;
  if (!budget) return undefined;
  const requests = (await requestsOfYear(deps, tenant, year)).filter((r) => inScope(r, schoolId));
  return { year, position: budgetPosition(budget.amountPence, requests) };
}

function sumBy(requests: readonly CpdRequest[], key: (r: CpdRequest) => string): { label: string; value: string }[] {
  const totals = new Map<string, number>();
  for (const r of requests) totals.set(key(r), (totals.get(key(r)) ?? 0) + costPence(r));
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([label, pence]) => ({ label, value: formatPence(pence) }));
}

/**
 * The lead's `budget [year]`: for each school (and the trust) the budget, committed (approved,
 * not booked), spent (booked, at the actual cost) and left; cover used; spend by purpose and
 * pathway; cost per course attended. Cover used is costed at the trust's half-day rate when one is set.
 */
export async function cpdBudgetView(deps: AppDeps, actor: Actor, argument: string): Promise<CpdBudgetView | NoticeView> {
  if (!hasRole(actor.staff, 'cpd-lead')) return notice('attention', 'Only CPD leads can see the budget.');
  const { tenant } = actor;
  const year = argument.trim() || academicYearOf(localDateOf(deps.clock.now(), tenant.settings.timezone));
  if (!AcademicYear.safeParse(year).success) return notice('attention', `"${year}" is not an academic year like 2026-27.`);
  const [budgets, requests] = await Promise.all([
    deps.store.cpdBudgets.find(tenant.id, { where: { academicYear: year } }),
    // Only the year's requests (by course start date), not every request ever made.
    requestsOfYear(deps, tenant, year),
  ]);
  const scopes = [{ id: undefined as string | undefined, name: tenant.kind === 'trust' ? 'Trust (central)' : tenant.name }, ...tenant.schools.map((s) => ({ id: s.id as string | undefined, name: s.name }))];
  const rows = scopes
    .map((scope) => {
      const budget = budgets.find((b) => (b.value.schoolId ?? undefined) === scope.id)?.value;
      const theirs = requests.filter((r) => inScope(r, scope.id));
      const position = budgetPosition(budget?.amountPence ?? 0, theirs);
      return { scope, budget, theirs, position };
    })
    .filter((row) => row.budget || row.theirs.length > 0);
  const counted = requests.filter(countsAgainstBudget);
  const attended = requests.filter((r) => r.status === 'attended' || r.status === 'evaluated');
  const attendedCost = attended.reduce((sum, r) => sum + costPence(r), 0);
  // Value for money as the policies ask: what each returned impact report ("share what you learned") cost.
  const shareTasks = await Promise.all(attended.map((r) => (r.booking ? deps.store.gapTasks.get(tenant.id, gapTaskId(r.booking.sessionId, r.requesterId)) : undefined)));
  const reports = shareTasks.filter((t) => t?.value.status === 'reported').length;
  // Cover is shown in pounds beside the half-days, not taken from the budget (docs/decisions.md).
  const rate = tenant.settings.supplyCoverHalfDayPence;
  return {
    kind: 'cpd-budget',
    year,
    rows: rows.map(({ scope, budget, position }) => ({
      name: scope.name,
      budgetText: budget ? formatPence(budget.amountPence) : 'Not set',
      committedText: formatPence(position.committedPence),
      spentText: formatPence(position.spentPence),
      leftText: budget ? formatPence(position.leftPence) : '—',
      overBudget: budget !== undefined && position.leftPence < 0,
      coverHalfDays: position.coverHalfDays,
      ...(rate !== undefined ? { coverCostText: coverCostText(position.coverHalfDays, rate) } : {}),
    })),
    // Fail closed: no rate is said once, with where to set it, not shown as £0.
    ...(rate === undefined && rows.length > 0 ? { coverNote: COVER_NOT_COSTED } : {}),
    byPurpose: sumBy(counted, (r) => PURPOSE_LABELS[r.details.purpose]),
    byPathway: sumBy(counted, (r) => (r.details.pathway ? PATHWAY_GROUP_NAMES[r.details.pathway] : 'No pathway named')),
    costPerAttendeeText: attended.length > 0 ? `${formatPence(Math.round(attendedCost / attended.length))} per course attended (${attended.length})` : 'No courses attended yet',
    costPerImpactReportText: reports > 0 ? `${formatPence(Math.round(attendedCost / reports))} per impact report returned (${reports})` : 'No impact reports returned yet',
  };
}
