import type { Staff, Tenant } from '../../domain';
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
import { leadDigestScope, sessionInScope, staffInScope, type DigestScope } from './digest-scope';

/** The digest's week of messages that could not be delivered: counts and reasons, no names (the digest names nobody; `unreachable` does). */
const DIGEST_DAYS = 7;

/** The trend and the undelivered messages beside the digest, within the lead's scope; the full report page (the whole trust's) for a trust lead only. */
async function digestExtras(deps: AppDeps, tenant: Tenant, scope: DigestScope): Promise<Required<Pick<LeadDigestView, 'weeks' | 'undelivered'>>> {
  const now = deps.clock.now();
  const weeks = await loadDigestWeeks(deps, tenant.id, now, tenant.settings.timezone, undefined, (s) => sessionInScope(scope, s));
  const undelivered = await recentUndelivered(deps, tenant.id, now, DIGEST_DAYS, false, scope.kind === 'trust' ? undefined : (p) => p !== undefined && staffInScope(scope, p));
  return { weeks, undelivered };
}

/** The weekly `lead-digest` outbox record: its card, or why it is not sent (a string, as every composer says). */
export async function composeLeadDigest(deps: AppDeps, tenant: Tenant, recipient: Staff): Promise<{ view: LeadDigestView; text: string } | string> {
  // Planned while they were a lead (of the trust or a school); a role or school taken away since then stops the programme figures.
  const scope = leadDigestScope(tenant, recipient);
  if (!scope) return 'recipient is no longer a CPD lead';
  const digest = await loadLeadDigest(deps, tenant.id, recipient.id, deps.clock.now());
  if (!digest.ok) return digest.message;
  const { weeks, undelivered } = await digestExtras(deps, tenant, scope);
  // Messages that did not arrive are worth a digest on their own: someone missed an invitation.
  if (hasNothingToReport(digest.value) && undelivered.messages === 0) return 'nothing to report: no sessions, open questionnaires or gap tasks';
  const view = withReportLinks(deps.links, tenant.id, recipient.id, { ...digest.value, weeks, undelivered }, { fullReport: scope.kind === 'trust' });
  return { view, text: `Your CPD programme this week (${digest.value.weekText})` };
}

/** `programme`: the same digest on demand (the command table lets CPD leads and schools' own leads in). Shown even when quiet. */
export async function programmeDigest(deps: AppDeps, actor: Actor): Promise<CardView> {
  const scope = leadDigestScope(actor.tenant, actor.staff);
  const digest = await loadLeadDigest(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  if (!digest.ok || !scope) return notice('attention', digest.ok ? 'Only CPD leads can do that.' : digest.message);
  const { weeks, undelivered } = await digestExtras(deps, actor.tenant, scope);
  return withReportLinks(deps.links, actor.tenant.id, actor.staff.id, { ...digest.value, weeks, undelivered }, { fullReport: scope.kind === 'trust' });
}
