import { TeamsInfo, type TurnContext } from 'botbuilder';
import { resolveActor, type ActorResult } from '../../app/identity';
import type { AppDeps } from '../../app/deps';
import type { Logger } from '../../log';
import type { TeamsActivityEnvelope } from './inbound-schemas';
import { identityOfSender } from './teams-identity';

/**
 * Matches the sender to a staff record. Activities carry the Entra object id but no e-mail, so
 * on first contact (no linked id yet) the member's e-mail is fetched from Teams and tried.
 */
export async function resolveTeamsActor(
  deps: AppDeps & { logger?: Logger },
  context: TurnContext,
  envelope: TeamsActivityEnvelope,
  defaultTenantId: string | undefined,
): Promise<ActorResult> {
  const first = await resolveActor(deps, identityOfSender(envelope), defaultTenantId);
  if (first.ok) return first;
  if (first.unmappedPlatformTenant !== undefined) {
    // Production without DEFAULT_TENANT_ID: a Teams tenant no school was linked to is refused.
    deps.logger?.warn({ teamsTenantId: first.unmappedPlatformTenant }, `teams: refused a request from Teams tenant ${first.unmappedPlatformTenant}, which is linked to no tenant`);
    return first;
  }
  const email = await memberEmail(context, envelope.from.id);
  if (!email) return first;
  return resolveActor(deps, identityOfSender(envelope, email), defaultTenantId);
}

async function memberEmail(context: TurnContext, userId: string): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(context, userId);
    return member.email ?? member.userPrincipalName ?? undefined;
  } catch {
    // No roster access (e.g. the emulator): the person stays unknown and is told so.
    return undefined;
  }
}
