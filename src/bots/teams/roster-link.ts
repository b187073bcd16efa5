import { TeamsInfo, type TurnContext } from 'botbuilder';
import { resolveActor } from '../../app/identity';
import type { AppDeps } from '../../app/deps';
import type { Tenant } from '../../domain';
import { TeamsRosterMember } from './inbound-schemas';
import { identityOfMember } from './teams-identity';

export interface RosterLinkResult {
  members: number;
  linked: number;
  unknown: number;
  /** The school/trust the linked members belong to (the first one found). */
  tenant?: Tenant;
}

const PAGE_SIZE = 200;

/**
 * Walks the team roster page by page and links each member to their staff record (Entra object
 * id first, then e-mail), so the bot can later open a 1:1 chat with people who never opened it.
 */
export async function linkTeamRoster(
  deps: AppDeps,
  context: TurnContext,
  platformTenantId: string | undefined,
  defaultTenantId: string | undefined,
): Promise<RosterLinkResult> {
  const result: RosterLinkResult = { members: 0, linked: 0, unknown: 0 };
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, PAGE_SIZE, continuationToken);
    for (const raw of page.members ?? []) {
      result.members++;
      const member = TeamsRosterMember.safeParse(raw);
      if (!member.success) {
        result.unknown++;
        continue;
      }
      const actor = await resolveActor(deps, identityOfMember(member.data, platformTenantId), defaultTenantId);
      if (actor.ok) {
        result.linked++;
        result.tenant ??= actor.actor.tenant;
      } else result.unknown++;
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return result;
}

/** People added to a team the bot is already in: link each one as the roster walk would. */
export async function linkAddedMembers(
  deps: AppDeps,
  context: TurnContext,
  memberIds: string[],
  platformTenantId: string | undefined,
  defaultTenantId: string | undefined,
): Promise<number> {
  let linked = 0;
  for (const id of memberIds) {
    const member = TeamsRosterMember.safeParse(await TeamsInfo.getMember(context, id));
    if (!member.success) continue;
    const actor = await resolveActor(deps, identityOfMember(member.data, platformTenantId), defaultTenantId);
    if (actor.ok) linked++;
  }
  return linked;
}
