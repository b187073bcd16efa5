import { SLACK_INSTALLATIONS, slackInstallationId } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { linkPlatformTenant } from './tenant-settings';

/**
 * `link slack T…`: the lead confirms in chat a workspace its admin installed from this trust's
 * install link (Slack's OAuth flow). Only an installation made from this tenant's link can be
 * confirmed here; the first workspace becomes the trust's, further ones are added beside it.
 */
export async function linkWorkspaceCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const match = /^slack\s+(T[A-Z0-9]{2,20})$/i.exec(argument.trim());
  if (!match) return notice('attention', 'Say "link slack T0123ABCD" with the workspace id the installing admin was shown.');
  const teamId = match[1]!.toUpperCase();
  const installation = (await deps.store.slackInstallations.get(SLACK_INSTALLATIONS, slackInstallationId({ teamId })!))?.value;
  if (!installation || installation.requestedTenantId !== actor.tenant.id) {
    return notice('attention', `Twilight has no install of Slack workspace ${teamId} from your trust's install link. Send its admin the link (/slack/install?tenant=${actor.tenant.id}) first.`);
  }
  const linked = await linkPlatformTenant(deps, actor.tenant.id, 'slack', teamId, { also: true });
  if (!linked.ok) return notice('attention', linked.message);
  const name = installation.name ? ` (${installation.name})` : '';
  return notice('good', linked.changed ? `Linked: people in Slack workspace ${teamId}${name} are now ${actor.tenant.name}'s.` : `Slack workspace ${teamId}${name} was already linked to ${actor.tenant.name}.`);
}
