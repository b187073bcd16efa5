import { DateTime } from 'luxon';
import { needsReviewId, reviewWindowDay, type Delivery, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { buildNeedsForm, reviewYearNow } from './needs';

/**
 * The `year-ahead-prompt` outbox record (planner-year-ahead): the year-ahead form itself, with when
 * the review window opens. Not sent to someone who has written this year's review since it was
 * planned, nor once the review year it was planned for is no longer the current one.
 */
export async function composeYearAheadPrompt(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<{ view: CardView; text: string } | string> {
  const actor = { tenant, staff: recipient };
  const year = delivery.subject.reviewYear;
  if (!year || year !== reviewYearNow(deps, actor)) return 'review year passed';
  if (tenant.settings.yearAheadReviewOn === 'off') return 'year-ahead prompt turned off';
  if (await deps.store.needsReviews.get(tenant.id, needsReviewId(recipient.id, year))) return 'review already written';
  const opens = DateTime.fromISO(reviewWindowDay(tenant.settings.yearAheadReviewOn, Number(year.slice(0, 4))), { zone: tenant.settings.timezone }).toFormat('cccc d LLLL');
  const text = `Performance reviews start on ${opens}. Before yours, please fill in your year-ahead review: it stays yours unless you choose to share it with your line manager.`;
  return { view: await buildNeedsForm(deps, actor, { notice: { tone: 'info', text } }), text: `Your year-ahead review, before performance reviews start on ${opens}` };
}
