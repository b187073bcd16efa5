import { z } from 'zod';
import { CardActionSchema } from '../../cards/actions';

/** The parts of Slack's payloads this bot reads, parsed once at the edge (bolt's types are not validation). */

export const SlashCommandPayload = z.object({
  command: z.string(),
  text: z.string().max(4000).default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
  response_url: z.string().url(),
});
export type SlashCommandPayload = z.infer<typeof SlashCommandPayload>;

const User = z.object({ id: z.string().min(1), team_id: z.string().optional() });
const Team = z.object({ id: z.string().min(1) }).nullish();

export const BlockActionPayload = z.object({
  type: z.literal('block_actions'),
  user: User,
  team: Team,
  trigger_id: z.string().min(1),
  container: z
    .object({
      type: z.string(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      view_id: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  /** Present on presses in messages; the only way to change an ephemeral one. */
  response_url: z.string().url().max(500).optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  actions: z.array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional(), action_ts: z.string().optional() })).min(1),
});
export type BlockActionPayload = z.infer<typeof BlockActionPayload>;

/** One input's state: each element type reports its value in its own field. */
export const InputState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).optional(),
  selected_date_time: z.number().nullish(),
  selected_date: z.string().nullish(),
});
export type InputState = z.infer<typeof InputState>;

export const ViewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  user: User,
  team: Team,
  view: z.object({
    id: z.string().min(1),
    callback_id: z.string(),
    private_metadata: z.string().max(3000),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), InputState)) }),
    /** The view as submitted; read only for a register's listed people (register-selections.ts). */
    blocks: z.array(z.unknown()).max(100).optional(),
  }),
});
export type ViewSubmissionPayload = z.infer<typeof ViewSubmissionPayload>;

export const AppHomeOpenedPayload = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({ type: z.literal('app_home_opened'), user: z.string().min(1), tab: z.string().optional() }),
});

/** The app was uninstalled from the workspace `team_id`. */
export const AppUninstalledPayload = z.object({
  team_id: z.string().min(1),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
  event_id: z.string().min(1),
  event: z.object({ type: z.literal('app_uninstalled') }),
});

/** Tokens revoked in workspace `team_id`: user tokens under `oauth`, the bot's under `bot`. */
export const TokensRevokedPayload = z.object({
  team_id: z.string().min(1),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('tokens_revoked'),
    tokens: z.object({ oauth: z.array(z.string()).optional(), bot: z.array(z.string()).optional() }),
  }),
});

/** What a modal carries between views.open and its submission. */
export const ModalMetadata = z.object({
  /** The verb is checked again by the verb table when the modal is submitted; the ids are parsed here. */
  action: CardActionSchema.extend({ verb: z.string() }),
  /** The DM message to update once the form is saved. */
  channel: z.string().optional(),
  ts: z.string().optional(),
  /** An ephemeral message to replace instead (it cannot be updated with chat.update). */
  responseUrl: z.string().url().max(500).optional(),
});
export type ModalMetadata = z.infer<typeof ModalMetadata>;

/**
 * A message typed by a person in the bot's DM (`message.im`, App Home's Messages tab). Edits,
 * deletions, joins and bot messages carry a `subtype` or a `bot_id` and are refused here.
 */
export const DirectMessagePayload = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('message'),
    channel_type: z.literal('im'),
    channel: z.string().min(1),
    user: z.string().min(1),
    text: z.string().max(4000).default(''),
    subtype: z.undefined().optional(),
    bot_id: z.undefined().optional(),
  }),
});
