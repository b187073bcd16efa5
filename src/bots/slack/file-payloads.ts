import { z } from 'zod';

/** A file as Slack describes it in a `message` event's `files[]` and in `files.info`. */
export const SlackFile = z.object({
  id: z.string().min(1),
  name: z.string().max(300).nullish(),
  title: z.string().max(300).nullish(),
  size: z.number().int().min(0).optional(),
  /** Fetched with the bot token (files:read); the link itself is no secret without it. */
  url_private_download: z.string().min(1).max(4000).optional(),
  url_private: z.string().min(1).max(4000).optional(),
  /** A file still being processed, or one from another workspace, has no download link yet. */
  mode: z.string().optional(),
});
export type SlackFile = z.infer<typeof SlackFile>;

/** A person sent files in the bot's DM: `message` with subtype `file_share` (message.im). */
export const FileShareMessagePayload = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('message'),
    subtype: z.literal('file_share'),
    channel_type: z.literal('im'),
    channel: z.string().min(1),
    user: z.string().min(1),
    files: z.array(SlackFile).min(1).max(10),
    bot_id: z.undefined().optional(),
  }),
});

/** `file_shared` (files:read): only the file's id; its details come from files.info. */
export const FileSharedPayload = z.object({
  team_id: z.string().min(1),
  event_id: z.string().min(1),
  event: z.object({
    type: z.literal('file_shared'),
    file_id: z.string().min(1),
    user_id: z.string().min(1),
    channel_id: z.string().min(1),
  }),
});

export const FilesInfoAnswer = z.object({ ok: z.literal(true), file: SlackFile });
