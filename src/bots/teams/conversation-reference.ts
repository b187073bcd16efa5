import { TurnContext, type ConversationReference } from 'botbuilder';
import { conversationRefId, type ConversationRef } from '../../domain';
import { StoredConversationReference, type TeamsActivityEnvelope } from './inbound-schemas';

const SCOPES = { personal: 'personal', channel: 'team', groupChat: 'group' } as const;

export function scopeOf(envelope: TeamsActivityEnvelope): ConversationRef['scope'] {
  return SCOPES[envelope.conversation.conversationType ?? 'personal'];
}

/**
 * The record kept so the bot can write later. A team is stored by its team id (the roster and
 * the channel live under it); chats by their conversation id.
 */
export function toConversationRef(
  context: TurnContext,
  envelope: TeamsActivityEnvelope,
  owner: { tenantId: string; staffId?: string },
  now: Date,
): ConversationRef {
  const reference = TurnContext.getConversationReference(context.activity);
  const scope = scopeOf(envelope);
  return {
    tenantId: owner.tenantId,
    id: conversationRefId('teams', reference.conversation?.id ?? envelope.conversation.id),
    platform: 'teams',
    ...(scope === 'personal' && owner.staffId ? { staffId: owner.staffId } : {}),
    scope,
    conversationId: envelope.conversation.id,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    updatedAt: now.toISOString(),
  };
}

export type ParsedReference = { ok: true; reference: Partial<ConversationReference> } | { ok: false; reason: string };

/** A stored reference is data from the store: check it before handing it to the adapter. */
export function parseStoredReference(raw: unknown): ParsedReference {
  const parsed = StoredConversationReference.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `stored conversation reference is unusable: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  return { ok: true, reference: parsed.data as unknown as Partial<ConversationReference> };
}
