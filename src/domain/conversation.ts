import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';
import { Platform } from './delivery';

/**
 * Where the bot can reach a person proactively. `reference` is the platform's own
 * opaque shape (a Bot Framework ConversationReference, or a Slack DM channel): only
 * src/bots reads it.
 */
export const ConversationRef = z.object({
  tenantId: Id,
  id: Id,
  platform: Platform,
  staffId: Id.optional(),
  /** Personal chat, team channel or group chat. */
  scope: z.enum(['personal', 'team', 'group']),
  /** Platform ids, kept for look-ups: Teams conversation id / Slack channel id. */
  conversationId: z.string().min(1),
  reference: z.record(z.string(), z.unknown()),
  updatedAt: Instant,
  /** The bot was removed from this conversation (uninstalled): nothing is sent through it until it is added again. */
  removedAt: Instant.optional(),
});
export type ConversationRef = z.infer<typeof ConversationRef>;

export function conversationRefId(platform: Platform, conversationId: string): string {
  return deterministicId('conv', platform, conversationId);
}
