import { z } from 'zod';
import { costPence, type CpdRequest, type CpdRequestStatus } from './cpd-request';
import { deterministicId, Id, Instant } from './ids';

/** An academic year as the policies write it, e.g. 2026-27 (1 September to 31 August). */
export const AcademicYear = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'an academic year is written like 2026-27')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5)), 'the second year must follow the first, e.g. 2026-27');
export type AcademicYear = z.infer<typeof AcademicYear>;

/** The academic year a calendar day (YYYY-MM-DD) falls in. */
export function academicYearOf(localDate: string): AcademicYear {
  const year = Number(localDate.slice(0, 4));
  const start = Number(localDate.slice(5, 7)) >= 9 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The days of an academic year as an indexed query wants them: from 1 September, up to (not including) the next 1 September. */
export function academicYearDays(year: AcademicYear): { from: string; to: string } {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-09-01`, to: `${start + 1}-09-01` };
}

/** A CPD budget for one school, or for the trust as a whole (scope trust), for one academic year. */
export const CpdBudget = z.object({
  tenantId: Id,
  id: Id,
  scope: z.enum(['school', 'trust']),
  schoolId: Id.optional(),
  academicYear: AcademicYear,
  amountPence: z.number().int().min(0).max(1_000_000_000),
  setBy: Id.optional(),
  setAt: Instant,
});
export type CpdBudget = z.infer<typeof CpdBudget>;

/** One budget per school (or trust) and year: setting it again replaces the amount. */
export function budgetId(academicYear: string, schoolId?: string): string {
  return deterministicId('bud', academicYear, schoolId ?? 'trust');
}

/** Approved but not yet booked: money promised. */
const COMMITTED: readonly CpdRequestStatus[] = ['approved'];
/** Booked and after: money spent (at the actual cost). */
const SPENT: readonly CpdRequestStatus[] = ['booked', 'attended', 'evaluated', 'not-attended'];

/** Whether a request's cost counts in the budget (approved, booked or after): the school's record of spending. */
export function countsInBudget(status: CpdRequestStatus): boolean {
  return COMMITTED.includes(status) || SPENT.includes(status);
}

export interface BudgetPosition {
  amountPence: number;
  committedPence: number;
  spentPence: number;
  /** Waiting for approval: not yet counted, shown so approvers see what is coming. */
  pendingPence: number;
  leftPence: number;
  coverHalfDays: number;
}

/** Where a budget stands given the year's requests; declined, withdrawn and cancelled ones count for nothing. */
export function budgetPosition(amountPence: number, requests: readonly Pick<CpdRequest, 'status' | 'details' | 'booking'>[]): BudgetPosition {
  let committedPence = 0;
  let spentPence = 0;
  let pendingPence = 0;
  let coverHalfDays = 0;
  for (const request of requests) {
    if (COMMITTED.includes(request.status)) committedPence += costPence(request);
    else if (SPENT.includes(request.status)) spentPence += costPence(request);
    else if (request.status === 'submitted') pendingPence += costPence(request);
    else continue;
    if (request.status !== 'submitted') coverHalfDays += request.details.coverHalfDays;
  }
  return { amountPence, committedPence, spentPence, pendingPence, leftPence: amountPence - committedPence - spentPence, coverHalfDays };
}

/** Whether granting this request would take the budget below zero. */
export function wouldExceed(position: Pick<BudgetPosition, 'leftPence'>, request: Pick<CpdRequest, 'details' | 'booking'>): boolean {
  return costPence(request) > position.leftPence;
}
