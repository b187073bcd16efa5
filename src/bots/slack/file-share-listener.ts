import type { App, types, webApi } from '@slack/bolt';
import { receiveSchoolFile, type FileDownload } from '../../app/school-files';
import { renderBlockKitMessage } from '../../cards/blockkit';
import { downloadFile } from '../file-download';
import type { SlackBotContext } from './bot-context';
import { FileShareMessagePayload, FileSharedPayload, FilesInfoAnswer, type SlackFile } from './file-payloads';
import { actorOrExplain } from './listener-actor';

/**
 * A lead drops a roster, programme or calendar into the bot's DM. Slack says so twice, as a
 * `message` (subtype file_share, with the file) and as `file_shared` (with its id only): whichever
 * arrives first is handled, the other finds the file claimed. The answer is the dry run, posted in
 * the DM with Import and Cancel (card-actions.ts).
 */
export function registerFileShares(app: App, ctx: SlackBotContext): void {
  app.event('message', async ({ body, client }) => {
    const parsed = FileShareMessagePayload.safeParse(body);
    if (!parsed.success) return;
    const { event, team_id } = parsed.data;
    await handleFile(ctx, client, { teamId: team_id, userId: event.user, channel: event.channel }, event.files[0]!);
  });
  app.event('file_shared', async ({ body, client }) => {
    const parsed = FileSharedPayload.safeParse(body);
    // Files shared in channels are not sent to the bot; only its DM (an im channel, D…).
    if (!parsed.success || !parsed.data.event.channel_id.startsWith('D')) return;
    const { event, team_id } = parsed.data;
    await handleFile(ctx, client, { teamId: team_id, userId: event.user_id, channel: event.channel_id }, { id: event.file_id });
  });
}

async function handleFile(ctx: SlackBotContext, client: webApi.WebClient, where: { teamId: string; userId: string; channel: string }, file: SlackFile): Promise<void> {
  const found = await actorOrExplain(ctx, client, where.userId, where.teamId);
  if (!found) return;
  const claim = await ctx.claims.claim(found.actor.tenant.id, `file:${file.id}`);
  if (claim.outcome !== 'first') return;
  try {
    // `file_shared` gives only the id: its name and link come from files.info (metadata, not the file).
    const details = file.url_private_download || file.url_private ? file : ((await filesInfo(client, file.id)) ?? file);
    const view = await receiveSchoolFile(ctx.deps, found.actor, {
      name: details.name ?? details.title ?? details.id,
      download: async (): Promise<FileDownload> => {
        const url = details.url_private_download ?? details.url_private;
        if (!url) return { ok: false, message: 'Slack has not finished storing that file: please send it again in a moment.' };
        // The workspace's own token (OAuth: the request's authorized client; one workspace: the configured one).
        const token = client.token ?? ctx.botToken;
        if (!token) return { ok: false, message: 'Twilight has no Slack token for this workspace: ask IT to install it again.' };
        return downloadFile(url, ctx.files, { authorization: `Bearer ${token}` });
      },
    });
    const message = renderBlockKitMessage(view);
    await client.chat.postMessage({ channel: where.channel, text: message.text, blocks: message.blocks as types.KnownBlock[] });
  } catch (error) {
    await claim.release().catch(() => undefined);
    throw error;
  }
  await claim.done();
}

/** files.info for a file known only by id (`file_shared`); its name comes with it. */
async function filesInfo(client: webApi.WebClient, fileId: string): Promise<SlackFile | undefined> {
  const answer = FilesInfoAnswer.safeParse(await client.files.info({ file: fileId }));
  return answer.success ? answer.data.file : undefined;
}
