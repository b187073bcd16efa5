import type { Staff, Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { ManagerDigestView } from '../../cards/views/manager-digest';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { withReportLinks } from '../reports';
import { loadManagerDigest } from './load-manager-digest';

/** The weekly `manager-digest` outbox record: its card, or why it is not sent (a string, as every composer says). */
export async function composeManagerDigest(deps: AppDeps, tenant: Tenant, recipient: Staff): Promise<{ view: ManagerDigestView; text: string } | string> {
  const digest = await loadManagerDigest(deps, tenant.id, recipient.id, deps.clock.now());
  if (!digest.ok) return digest.message;
  if (digest.value.reports.length === 0) return 'no direct reports';
  return { view: withReportLinks(deps.links, tenant.id, recipient.id, digest.value, { fullReport: false }), text: `Your team's CPD this week (${digest.value.weekText})` };
}

/** A line manager's digest on demand: only their own direct reports (the loader filters by lineManagerId). */
export async function myTeamDigest(deps: AppDeps, actor: Actor): Promise<CardView> {
  const digest = await loadManagerDigest(deps, actor.tenant.id, actor.staff.id, deps.clock.now());
  // Nobody reports to them: an empty team digest would only puzzle them.
  if (digest.ok && digest.value.reports.length === 0) {
    return notice('info', 'The digest is for line managers: it covers the people who report to you, and nobody does in the staff list. Say "my cpd" for your own record.');
  }
  return digest.ok ? withReportLinks(deps.links, actor.tenant.id, actor.staff.id, digest.value, { fullReport: false }) : notice('attention', digest.message);
}
