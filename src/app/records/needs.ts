import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CardView } from '../../cards/views';
import type { NeedsFormView, NeedsSummaryView } from '../../cards/views/needs';
import {
  DEVELOPMENT_STRANDS,
  DEVELOPMENT_STRAND_LABELS,
  DevelopmentStrand,
  NeedsReview,
  PREFERRED_CPD,
  PREFERRED_CPD_LABELS,
  PreferredCpd,
  reviewYearFor,
  needsReviewId,
  type FieldErrors,
} from '../../domain';
import { commentThemes } from '../reports';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

const text = z.string({ error: 'Please fill this in.' }).trim().min(1, 'Please fill this in.').max(2000, 'Keep this to 2000 characters.');
/** Optional answers: blank (or absent) is left out, not stored as "". */
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
  .pipe(z.string().max(2000, 'Keep this to 2000 characters.').optional());
/** Teams sends a multi-select as "a,b"; Slack's checkboxes arrive as an array. */
const listOf = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()], { error: 'Choose at least one.' })
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item, { error: 'Choose from the list.' }).min(1, 'Choose at least one.'));
/** A toggle (Teams "true"/"false") or a consent checkbox (Slack, read as "true"/"false"); absent: not shared. */
const consent = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'true');

export const NeedsInput = z.object({
  strengths: text,
  strengthsEvidence: optionalText,
  developmentAspect: text,
  developmentStrands: listOf(DevelopmentStrand),
  developmentEvidence: optionalText,
  preferred: listOf(PreferredCpd),
  aspirations: text,
  planNextYear: optionalText,
  planThreeYears: optionalText,
  planFiveYears: optionalText,
  supportWanted: optionalText,
  shareWithManager: consent,
});

/** This academic year's review, or next year's once its prompt has gone (reviewYearFor). */
export function reviewYearNow(deps: AppDeps, actor: Actor): string {
  return reviewYearFor(DateTime.fromJSDate(deps.clock.now(), { zone: actor.tenant.settings.timezone }).toISODate()!, actor.tenant.settings);
}

/** The review as the form's values (lists joined as Teams sends them). */
function formValues(review: NeedsReview): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of Object.keys(NeedsInput.shape)) {
    const v = (review as Record<string, unknown>)[key];
    if (typeof v === 'string') values[key] = v;
    else if (Array.isArray(v)) values[key] = v.join(',');
  }
  values.shareWithManager = String(review.sharedWithManagerId !== undefined);
  return values;
}

async function lineManagerName(deps: AppDeps, actor: Actor): Promise<string | undefined> {
  const id = actor.staff.lineManagerId;
  if (!id || id === actor.staff.id) return undefined;
  const manager = (await deps.store.staff.get(actor.tenant.id, id))?.value;
  return manager?.active ? manager.name : undefined;
}

/** `year ahead`: the form, filled in with what the person sent this year if they did. */
export async function buildNeedsForm(deps: AppDeps, actor: Actor, extra: Pick<NeedsFormView, 'values' | 'errors' | 'notice'> = {}): Promise<NeedsFormView> {
  const year = reviewYearNow(deps, actor);
  const [mine, manager] = await Promise.all([deps.store.needsReviews.get(actor.tenant.id, needsReviewId(actor.staff.id, year)), lineManagerName(deps, actor)]);
  const values = mine ? formValues(mine.value) : undefined;
  return { kind: 'needs-form', year, ...(manager ? { lineManagerName: manager } : {}), ...(values ? { values } : {}), ...extra };
}

/** `needs.submit`: one review per person and year; sending again replaces it (and its sharing). */
export async function submitNeeds(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const parsed = NeedsInput.safeParse(inputs);
  const typed = () => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '').slice(0, 2000)]));
  const refuse = async (errors: FieldErrors) => ({ ok: false, view: await buildNeedsForm(deps, actor, { values: typed(), errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } }) });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'strengths')] ??= i.message;
    return refuse(errors);
  }
  const { shareWithManager, ...answers } = parsed.data;
  const managerId = actor.staff.lineManagerId && actor.staff.lineManagerId !== actor.staff.id ? actor.staff.lineManagerId : undefined;
  // Fail closed: sharing with nobody would say "shared" and show it to no one.
  if (shareWithManager && !(managerId && (await lineManagerName(deps, actor)))) {
    return refuse({ shareWithManager: 'You have no line manager on the staff list, so this cannot be shared: ask your CPD lead to add one, or untick it to keep the review to yourself.' });
  }
  const year = reviewYearNow(deps, actor);
  const review = NeedsReview.parse({
    tenantId: actor.tenant.id,
    id: needsReviewId(actor.staff.id, year),
    staffId: actor.staff.id,
    year,
    ...Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)),
    ...(shareWithManager && managerId ? { sharedWithManagerId: managerId } : {}),
    submittedAt: deps.clock.now().toISOString(),
  });
  await deps.store.needsReviews.put(review);
  const who = shareWithManager ? 'Your line manager can read it (in their digest and with "team reviews"); ' : 'It is yours alone: nobody else reads it; ';
  return { ok: true, view: notice('good', `Thank you. Your year-ahead review for ${year} is saved. ${who}your CPD lead sees it only within counts and themes across everyone, never your name.`, 'Saved') };
}

/** `needs`: the lead's summary for this academic year: counts and themes, no names, withheld under the minimum. */
export async function needsSummary(deps: AppDeps, actor: Actor): Promise<NeedsSummaryView> {
  const year = reviewYearNow(deps, actor);
  const reviews = (await deps.store.needsReviews.find(actor.tenant.id, { where: { year } })).map((v) => v.value);
  const min = actor.tenant.settings.minAggregateCount;
  const base = { kind: 'needs-summary' as const, year, responses: reviews.length, preferred: [], strands: [], aspirationThemes: [], strengthThemes: [], developmentThemes: [] };
  if (reviews.length < min) return { ...base, withheld: `Results appear once ${min} people have sent a review.` };
  const counted = <K extends string>(keys: readonly K[], labels: Record<K, string>, has: (r: NeedsReview, k: K) => boolean) =>
    keys
      .map((k) => ({ label: labels[k], count: reviews.filter((r) => has(r, k)).length }))
      .filter((p) => p.count > 0)
      .sort((a, b) => b.count - a.count);
  // Themes only (no example quotes): a quote could identify its author in a small school. Shared or not, a review counts the same here.
  const themes = (texts: string[]) => commentThemes(texts, { minShared: min }).filter((t) => t.theme !== 'other').map((t) => ({ theme: t.theme, count: t.count }));
  return {
    ...base,
    preferred: counted(PREFERRED_CPD, PREFERRED_CPD_LABELS, (r, k) => r.preferred.includes(k)),
    strands: counted(DEVELOPMENT_STRANDS, DEVELOPMENT_STRAND_LABELS, (r, k) => (r.developmentStrands ?? []).includes(k)),
    aspirationThemes: themes(reviews.map((r) => r.aspirations)),
    strengthThemes: themes(reviews.map((r) => r.strengths)),
    developmentThemes: themes(reviews.flatMap((r) => (r.developmentAspect ? [r.developmentAspect] : []))),
  };
}
