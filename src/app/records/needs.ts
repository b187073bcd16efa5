import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CardView } from '../../cards/views';
import type { NeedsFormView, NeedsSummaryView } from '../../cards/views/needs';
import { NeedsReview, PREFERRED_CPD, PREFERRED_CPD_LABELS, PreferredCpd, academicYearOf, needsReviewId, type FieldErrors } from '../../domain';
import { commentThemes } from '../reports';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

const text = z.string({ error: 'Please fill this in.' }).trim().min(1, 'Please fill this in.').max(2000, 'Keep this to 2000 characters.');
/** Teams sends a multi-select as "a,b"; Slack's checkboxes arrive as an array. */
const preferredList = z
  .union([z.array(z.string()), z.string()], { error: 'Choose at least one.' })
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(PreferredCpd, { error: 'Choose from the list.' }).min(1, 'Choose at least one.'));
export const NeedsInput = z.object({ strengths: text, aspirations: text, preferred: preferredList });

function yearNow(deps: AppDeps, actor: Actor): string {
  return academicYearOf(DateTime.fromJSDate(deps.clock.now(), { zone: actor.tenant.settings.timezone }).toISODate()!);
}

/** `year ahead`: the form, filled in with what the person sent this year if they did. */
export async function buildNeedsForm(deps: AppDeps, actor: Actor, extra: Pick<NeedsFormView, 'values' | 'errors' | 'notice'> = {}): Promise<NeedsFormView> {
  const year = yearNow(deps, actor);
  const mine = (await deps.store.needsReviews.get(actor.tenant.id, needsReviewId(actor.staff.id, year)))?.value;
  const values = mine ? { strengths: mine.strengths, aspirations: mine.aspirations, preferred: mine.preferred.join(',') } : undefined;
  return { kind: 'needs-form', year, ...(values ? { values } : {}), ...extra };
}

/** `needs.submit`: one review per person and year; sending again replaces it. */
export async function submitNeeds(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const parsed = NeedsInput.safeParse(inputs);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'strengths')] ??= i.message;
    const values = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '').slice(0, 2000)]));
    return { ok: false, view: await buildNeedsForm(deps, actor, { values, errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } }) };
  }
  const year = yearNow(deps, actor);
  await deps.store.needsReviews.put(NeedsReview.parse({ tenantId: actor.tenant.id, id: needsReviewId(actor.staff.id, year), staffId: actor.staff.id, year, ...parsed.data, submittedAt: deps.clock.now().toISOString() }));
  return { ok: true, view: notice('good', `Thank you. Your year-ahead review for ${year} is saved; your CPD lead sees it only within counts and themes.`, 'Saved') };
}

/** `needs`: the lead's summary for this academic year: counts and themes, no names, withheld under the minimum. */
export async function needsSummary(deps: AppDeps, actor: Actor): Promise<NeedsSummaryView> {
  const year = yearNow(deps, actor);
  const reviews = (await deps.store.needsReviews.find(actor.tenant.id, { where: { year } })).map((v) => v.value);
  const min = actor.tenant.settings.minAggregateCount;
  const base = { kind: 'needs-summary' as const, year, responses: reviews.length, preferred: [], aspirationThemes: [], strengthThemes: [] };
  if (reviews.length < min) return { ...base, withheld: `Results appear once ${min} people have sent a review.` };
  const preferred = PREFERRED_CPD.map((p) => ({ label: PREFERRED_CPD_LABELS[p], count: reviews.filter((r) => r.preferred.includes(p)).length }))
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count);
  // Themes only (no example quotes): a quote could identify its author in a small school.
  const themes = (texts: string[]) => commentThemes(texts, { minShared: min }).filter((t) => t.theme !== 'other').map((t) => ({ theme: t.theme, count: t.count }));
  return { ...base, preferred, aspirationThemes: themes(reviews.map((r) => r.aspirations)), strengthThemes: themes(reviews.map((r) => r.strengths)) };
}
