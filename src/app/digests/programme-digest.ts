import { hasRole, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { LeadDigestView } from '../../cards/views/lead-digest';
import { hasNothingToReport } from './lead-digest';
import { loadDigestWeeks } from './load-digest-weeks';
import { loadLeadDigest } from './load-lead-digest';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { withReportLinks } from '../reports';
import { recentUndelivered } from '../reach';

/** The digest's week of messages that could not be delivered: counts and reasons, no names (the digest names nobody; `unreachable` does). */
const DIGEST_DAYS = 7;

/** The weekly `lead-digest` outbox record: its card, or why it is not sent (a string, as every composer says). */
export async function composeLeadDigest(deps: AppDeps, tenant: Tenant, recipient: Staff): Promise<{ view: LeadDigestView; text: string } | string> {
  // Planned while they were a lead; a role taken away since then stops the programme figures.
  if (!hasRole(recipient, 'cpd-lead')) return 'recipient is no longer a CPD lead';
  const digest = await loadLeadDigest(deps, tenant.id, recipient.id, deps.clock.now());
  if (!digest.ok) return digest.message;
  const undelivered = await recentUndelivered(deps, tenant.id, deps.clock.now(), DIGEST_DAYS, false);
  // Messages that did not arrive are worth a digest on their own: someone missed an invitation.
  if (hasNothingToReport(digest.value) && undelivered.messages === 0) return 'nothing to report: no sessions, open questionnaires or gap tasks';
  const weeks = await loadDigestWeeks(deps, tenant.id, deps.clock.now(), tenant.settings.timezone);
  const view = withReportLinks(deps.links, tenant.id, recipient.id, { ...digest.value, weeks, undelivered }, { fullReport: true });
  return { view, text: `Your CPD programme this week (${digest.value.weekText})` };
}

/** `programme`: the same digest on demand (lead-only: the command table checks the role). Shown even when quiet. */
export async function programmeDigest(deps: AppDeps, actor: Actor): Promise<CardView> {
  const digest = await loadLeadDigest(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  if (!digest.ok) return notice('attention', digest.message);
  const weeks = await loadDigestWeeks(deps, actor.tenant.id, deps.clock.now(), actor.tenant.settings.timezone);
  const undelivered = await recentUndelivered(deps, actor.tenant.id, deps.clock.now(), DIGEST_DAYS, false);
  return withReportLinks(deps.links, actor.tenant.id, actor.staff.id, { ...digest.value, weeks, undelivered }, { fullReport: true });
}
