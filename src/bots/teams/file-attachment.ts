import { z } from 'zod';
import type { FileDownload, ReceivedFile } from '../../app/school-files';
import { downloadFile, type FileDownloadLimits } from '../file-download';

/** What Teams sends when someone attaches a file in the personal chat (the manifest's `supportsFiles`). */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export const TeamsFileAttachment = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(300),
  contentUrl: z.string().optional(),
  content: z.object({
    /** A short-lived pre-authenticated link to the file in the sender's OneDrive (SharePoint). */
    downloadUrl: z.string().min(1).max(4000),
    uniqueId: z.string().optional(),
    fileType: z.string().optional(),
  }),
});
export type TeamsFileAttachment = z.infer<typeof TeamsFileAttachment>;

/** The first file attached to a message, if any; other attachments (a card, HTML) are not files. */
export function attachedFile(attachments: unknown): TeamsFileAttachment | undefined {
  if (!Array.isArray(attachments)) return undefined;
  for (const a of attachments) {
    const parsed = TeamsFileAttachment.safeParse(a);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** The link needs no token: it is only followed to an allowed host (docs/deploy.md, FILE_HOSTS). */
export function receivedTeamsFile(file: TeamsFileAttachment, limits: FileDownloadLimits): ReceivedFile {
  return { name: file.name, download: (): Promise<FileDownload> => downloadFile(file.content.downloadUrl, limits) };
}
