import { z } from 'zod';

/**
 * The parts of Teams activities the bot relies on, parsed once at the edge. Anything else in the
 * activity is ignored; a payload without these is answered, never acted on.
 */

export const TeamsSender = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().min(1).optional(),
});

export const TeamsActivityEnvelope = z.object({
  from: TeamsSender,
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.enum(['personal', 'channel', 'groupChat']).optional(),
    tenantId: z.string().optional(),
  }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().min(1) }).optional(),
      team: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
    })
    .passthrough()
    .optional(),
});
export type TeamsActivityEnvelope = z.infer<typeof TeamsActivityEnvelope>;

/**
 * The bot removed from a conversation: `installationUpdate` with action remove (or remove-upgrade),
 * or `conversationUpdate` whose membersRemoved holds the bot. No sender needed: only where it was.
 */
export const TeamsRemovalActivity = z.object({
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }),
  channelData: z
    .object({
      tenant: z.object({ id: z.string().min(1) }).optional(),
      team: z.object({ id: z.string().min(1) }).optional(),
    })
    .passthrough()
    .optional(),
});
export type TeamsRemovalActivity = z.infer<typeof TeamsRemovalActivity>;

/** An Action.Execute invoke (`adaptiveCard/action`): the verb and the button's data merged with the inputs. */
export const AdaptiveCardActionInvoke = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.string(), z.unknown()).default({}),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});
export type AdaptiveCardActionInvoke = z.infer<typeof AdaptiveCardActionInvoke>;

/** A roster entry from `GET /v3/conversations/{team}/pagedmembers`. */
export const TeamsRosterMember = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  aadObjectId: z.string().min(1).optional(),
  email: z.string().optional(),
  userPrincipalName: z.string().optional(),
  tenantId: z.string().optional(),
});
export type TeamsRosterMember = z.infer<typeof TeamsRosterMember>;

/** A stored Bot Framework conversation reference, checked before it is used to send. */
export const StoredConversationReference = z.object({
  channelId: z.string().min(1),
  serviceUrl: z.string().url(),
  conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional(), conversationType: z.string().optional() }).passthrough(),
  bot: z.object({ id: z.string().min(1), name: z.string().optional() }).passthrough(),
  user: z.object({ id: z.string().min(1) }).passthrough().optional(),
});
export type StoredConversationReference = z.infer<typeof StoredConversationReference>;
