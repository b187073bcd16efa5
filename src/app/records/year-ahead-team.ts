import { DEVELOPMENT_STRAND_LABELS, PREFERRED_CPD_LABELS, mayManagerReadReview, type NeedsReview, type Staff } from '../../domain';
import { formatDay } from '../../cards/format';
import type { SharedYearAheadReview, YearAheadTeamView } from '../../cards/views/needs';
import { NEEDS_FORM, NEEDS_SHORT_LABELS } from '../../cards/wording/needs';
import { findWhereIn } from '../../store/find-in';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import type { NoticeView } from '../../cards/views/notice';
import { notice } from '../notice';
import { reviewYearNow } from './needs';

/** A shared review as its line manager reads it: every answer given, with its question, in the form's order. */
export function sharedReviewOf(review: NeedsReview, name: string, zone: string): SharedYearAheadReview {
  const answers: { label: string; value: string }[] = [];
  for (const q of NEEDS_FORM) {
    const v = review[q.id];
    if (v === undefined) continue;
    const value =
      q.kind === 'strands' ? (review.developmentStrands ?? []).map((s) => DEVELOPMENT_STRAND_LABELS[s]).join(', ') : q.kind === 'preferred' ? review.preferred.map((p) => PREFERRED_CPD_LABELS[p]).join(', ') : String(v);
    answers.push({ label: NEEDS_SHORT_LABELS[q.id], value });
  }
  return { name, submittedText: `Sent ${formatDay(review.submittedAt, zone)}`, answers };
}

/**
 * The year's reviews a manager may read: their active direct reports' (by lineManagerId), each
 * shared with them by name (sharedWithManagerId). A review kept private, or shared with a
 * previous line manager, is not among them.
 */
export async function reviewsSharedWith(deps: AppDeps, tenantId: string, manager: Pick<Staff, 'id'>, year: string): Promise<{ reports: Staff[]; shared: { person: Staff; review: NeedsReview }[] }> {
  const reports = (await deps.store.staff.find(tenantId, { where: { lineManagerId: manager.id } })).map((v) => v.value).filter((s) => s.active && s.id !== manager.id);
  const byId = new Map(reports.map((s) => [s.id, s]));
  const reviews = await findWhereIn(deps.store.needsReviews, tenantId, 'staffId', [...byId.keys()], { year });
  const shared = reviews
    .filter((r) => byId.has(r.staffId) && mayManagerReadReview(r, byId.get(r.staffId)!, manager.id))
    .map((review) => ({ person: byId.get(review.staffId)!, review }))
    .sort((a, b) => b.review.submittedAt.localeCompare(a.review.submittedAt));
  return { reports, shared };
}

/** `team reviews`: the year-ahead reviews the actor's direct reports shared with them; never anyone else's. */
export async function yearAheadTeam(deps: AppDeps, actor: Actor): Promise<YearAheadTeamView | NoticeView> {
  const year = reviewYearNow(deps, actor);
  const { reports, shared } = await reviewsSharedWith(deps, actor.tenant.id, actor.staff, year);
  if (reports.length === 0) return notice('info', 'Team reviews are for line managers: nobody reports to you in the staff list. Say "year ahead" for your own review.');
  const zone = actor.tenant.settings.timezone;
  return { kind: 'year-ahead-team', year, reviews: shared.map((s) => sharedReviewOf(s.review, s.person.name, zone)), notShared: reports.length - shared.length };
}
