import type { AppDeps } from '../../app/deps';
import type { Logger } from '../../log';
import type { SlackRequestClaims } from './request-once';
import type { FileDownloadLimits } from '../file-download';

/** What every Slack listener needs: the use cases' deps, the logger and the request claims. */
export interface SlackBotContext {
  deps: AppDeps & { defaultTenantId?: string };
  logger: Logger;
  /** This process's claims on Slack requests, so a retry of handled work changes nothing. */
  claims: SlackRequestClaims;
  /** Files sent in the DM: fetched with the bot token, from allowed hosts only, within these limits. */
  files: FileDownloadLimits;
  /** The single-workspace token; with OAuth each request's client carries its workspace's own. */
  botToken?: string | undefined;
}
