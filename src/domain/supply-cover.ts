import { countOf } from './count-of';
import { poundsInWords } from './money';

/**
 * Supply cover in pounds: a request's cover half-days at the tenant's one trust-wide rate
 * (`supply-cover-half-day`). The cost is shown beside the half-days, never taken from the CPD
 * budget: many schools pay supply from a staffing line (docs/decisions.md, "Supply cover costed").
 */

/** The cost of `halfDays` of cover at `ratePence` a half-day; undefined when no rate is set (not costed, never £0). */
export function coverCostPence(halfDays: number, ratePence: number | undefined): number | undefined {
  return ratePence === undefined ? undefined : halfDays * ratePence;
}

/** "£1,540 at £110 a half-day"; undefined when no rate is set. */
export function coverCostText(halfDays: number, ratePence: number | undefined): string | undefined {
  const cost = coverCostPence(halfDays, ratePence);
  return cost === undefined || ratePence === undefined ? undefined : `${poundsInWords(cost)} at ${poundsInWords(ratePence)} a half-day`;
}

/** "14 half-days (£1,540 at £110 a half-day)", or "14 half-days" when no rate is set. */
export function coverWithCost(halfDays: number, ratePence: number | undefined): string {
  const cost = coverCostText(halfDays, ratePence);
  return `${countOf(halfDays, 'half-day')}${cost ? ` (${cost})` : ''}`;
}

/** Where a lead sets the rate: said once where cover would be costed (the budget view). */
export const COVER_NOT_COSTED =
  'Supply cover is not costed: no rate is set for a half-day of cover. Set it with "settings evaluation" (A half-day of supply cover costs).';
