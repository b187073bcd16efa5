import type { PlatformIdentity } from '../../app/identity';
import type { TeamsActivityEnvelope, TeamsRosterMember } from './inbound-schemas';

export function tenantIdOf(envelope: TeamsActivityEnvelope): string | undefined {
  return envelope.channelData?.tenant?.id ?? envelope.conversation.tenantId;
}

/** Who pressed or typed: the Teams user id, Entra object id and (when fetched) e-mail. */
export function identityOfSender(envelope: TeamsActivityEnvelope, email?: string): PlatformIdentity {
  const platformTenantId = tenantIdOf(envelope);
  return {
    platform: 'teams',
    userId: envelope.from.id,
    ...(platformTenantId ? { platformTenantId } : {}),
    ...(envelope.from.aadObjectId ? { aadObjectId: envelope.from.aadObjectId } : {}),
    ...(envelope.from.name ? { name: envelope.from.name } : {}),
    ...(email ? { email } : {}),
  };
}

export function identityOfMember(member: TeamsRosterMember, platformTenantId: string | undefined): PlatformIdentity {
  const email = member.email ?? member.userPrincipalName;
  const tenant = member.tenantId ?? platformTenantId;
  return {
    platform: 'teams',
    userId: member.id,
    ...(tenant ? { platformTenantId: tenant } : {}),
    ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
    ...(member.name ? { name: member.name } : {}),
    ...(email ? { email } : {}),
  };
}
