import { randomUUID } from 'node:crypto';
import { App, LogLevel, webApi, type Logger as BoltLogger } from '@slack/bolt';
import express, { type Router } from 'express';
import type { ActorCache } from '../../app/identity';
import type { MessageSender } from '../../app/outbound';
import { DEFAULT_PLATFORM_TIMEOUT_MS } from '../../config';
import type { SignedLinks } from '../../app/signed-links';
import type { Clock } from '../../domain/clock';
import type { Logger } from '../../log';
import type { AppDeps } from '../../app/deps';
import { registerAppHome } from './app-home-listener';
import { registerBlockActions } from './block-action-listener';
import { registerDirectMessages } from './direct-message-listener';
import { registerFileShares } from './file-share-listener';
import { DEFAULT_FILE_LIMITS, type FileDownloadLimits } from '../file-download';
import type { SlackBotContext } from './bot-context';
import { linkEveryWorkspace, linkSlackUsersByEmail, type LinkPacing, type SlackLinkCounts } from './link-by-email';
import { finishKeptSubmissions } from './finish-kept-submissions';
import { SlackRequestClaims } from './request-once';
import { RouterReceiver } from './router-receiver';
import { createSlackSender } from './slack-sender';
import { registerSlashCommand } from './slash-command-listener';
import { registerUninstall } from './uninstall-listener';
import { registerViewSubmissions } from './view-submission-listener';
import { TwilightInstallationStore } from './installation-store';
import { slackOAuthRoutes, type SlackOAuthConfig } from './oauth-routes';
import { WorkspaceClients } from './workspace-clients';

export interface SlackBotConfig {
  /** One workspace, one token (SLACK_BOT_TOKEN); or `oauth` for any number of workspaces. */
  botToken?: string;
  /** Slack's OAuth installation flow: each workspace's (or Grid organisation's) own token, sealed in the store. */
  oauth?: SlackOAuthConfig & { tokenKey: Buffer };
  signingSecret: string;
  /** The Web API base URL; tests point it at a loopback fake. */
  slackApiUrl?: string;
  /** Tenant for a single-school deployment whose workspace is not yet recorded on a tenant. */
  defaultTenantId?: string;
  /** Each Web API request gives up after this (PLATFORM_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Slack is answered by this, whatever a listener waits on (default SLACK_ACK_DEADLINE_MS; tests shorten it). */
  ackDeadlineMs?: number;
  /** Files sent in the DM: allowed hosts, size and time (FILE_HOSTS, FILE_MAX_BYTES, FILE_DOWNLOAD_TIMEOUT_MS). */
  files?: FileDownloadLimits;
}

export interface SlackBot {
  /** Mount on the shared server: serves POST /slack/events. */
  router: Router;
  sender: MessageSender;
  app: App;
  /**
   * Links unlinked staff by e-mail (users.list): of `tenantId`, or of the tenant this workspace
   * serves. The scheduler calls it at start, after a roster import and daily (staff-link-sweep.ts).
   */
  linkStaffByEmail(tenantId?: string, pacing?: LinkPacing): Promise<SlackLinkCounts>;
  /** Waits for work still running after Slack was answered (tests, graceful shutdown). */
  drain(): Promise<void>;
  /** Finishes submissions a dead process closed at the ack deadline, or tells their senders (run at start and every lease). */
  finishKeptSubmissions(): Promise<number>;
}

function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-bolt' });
  let level = LogLevel.WARN;
  return {
    debug: (...msg: unknown[]) => child.debug(msg.map(String).join(' ')),
    info: (...msg: unknown[]) => child.info(msg.map(String).join(' ')),
    warn: (...msg: unknown[]) => child.warn(msg.map(String).join(' ')),
    error: (...msg: unknown[]) => child.error(msg.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * The Slack bot: a bolt App whose receiver is an express Router on the shared server.
 * Call from the composition root:
 *   const slack = createSlackBot({ store, clock, logger, config: { botToken, signingSecret, slackApiUrl } });
 *   createHttpApp({ store, logger, routers: [slack.router] }); dispatcher senders: [slack.sender]
 */
export function createSlackBot(deps: {
  store: AppDeps['store'];
  clock: Clock;
  logger: Logger;
  links?: SignedLinks;
  config: SlackBotConfig;
  actors?: ActorCache;
  /** Names this process in its request claims (default: a fresh id per bot). */
  instanceId?: string;
}): SlackBot {
  const { store, clock, logger, config, actors } = deps;
  const receiver = new RouterReceiver({ signingSecret: config.signingSecret, clock, logger, ...(config.ackDeadlineMs ? { ackDeadlineMs: config.ackDeadlineMs } : {}) });
  const timeout = config.requestTimeoutMs ?? DEFAULT_PLATFORM_TIMEOUT_MS;
  // `timeout` aborts each request (WebClient gives every attempt its own AbortSignal.timeout).
  const clientOptions = { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}), timeout, retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 } };
  const installations = config.oauth ? new TwilightInstallationStore({ store, clock, tokenKey: config.oauth.tokenKey }) : undefined;
  if (!installations && !config.botToken) throw new Error('Slack needs SLACK_BOT_TOKEN or the OAuth settings');
  // With OAuth, bolt authorizes each request with its workspace's (or organisation's) own token.
  const auth = installations
    ? {
        authorize: async (source: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) => {
          const installation = await installations.find(source);
          if (!installation) throw new Error(`Twilight is not installed in Slack ${source.isEnterpriseInstall ? `organisation ${source.enterpriseId}` : `workspace ${source.teamId}`}`);
          return { botToken: await installations.tokenOf(installation), botId: installation.botId, botUserId: installation.botUserId, teamId: installation.teamId, enterpriseId: installation.enterpriseId };
        },
      }
    : { token: config.botToken };
  const app = new App({ ...auth, receiver, logger: boltLogger(logger), clientOptions });
  const appDeps = { store, clock, ...(deps.links ? { links: deps.links } : {}), ...(actors ? { actors } : {}), ...(config.defaultTenantId ? { defaultTenantId: config.defaultTenantId } : {}) };
  const ctx: SlackBotContext = { deps: appDeps, logger, claims: new SlackRequestClaims(appDeps, deps.instanceId ?? `slack-${randomUUID()}`),
    files: config.files ?? DEFAULT_FILE_LIMITS,
    botToken: config.botToken,
  };
  registerSlashCommand(app, ctx);
  registerBlockActions(app, ctx);
  registerViewSubmissions(app, ctx);
  registerAppHome(app, ctx);
  registerDirectMessages(app, ctx);
  registerFileShares(app, ctx);
  registerUninstall(app, ctx, installations);
  app.error(async (error) => {
    // To the receiver, which logs it once and tells the person if Slack has already been answered.
    throw error;
  });
  // Proactive sends get their own client: 429 comes straight back as `throttled` (see slack-sender.ts),
  // and no retries of its own, so a hung API costs one timeout, not three, of the delivery's lease:
  // the dispatcher retries with backoff.
  const sendOptions = { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true };
  const workspaces = installations ? { send: new WorkspaceClients(installations, sendOptions), link: new WorkspaceClients(installations, clientOptions) } : undefined;
  const sender = workspaces
    ? createSlackSender(async (recipient) => (recipient.slack?.teamId ? workspaces.send.forTeam(recipient.slack.teamId) : undefined), { maxSendMs: timeout })
    : createSlackSender(new webApi.WebClient(config.botToken, sendOptions), { maxSendMs: timeout });
  const router = installations && config.oauth ? express.Router().use(receiver.router, slackOAuthRoutes({ store, clock, logger, installerLogger: boltLogger(logger), installations, config: config.oauth })) : receiver.router;
  return {
    router,
    sender,
    app,
    linkStaffByEmail: (tenantId, pacing) => (workspaces && installations ? linkEveryWorkspace(ctx.deps, installations, workspaces.link, tenantId, pacing) : linkSlackUsersByEmail(ctx.deps, app.client, tenantId, pacing)),
    drain: () => receiver.drain(),
    finishKeptSubmissions: () => finishKeptSubmissions(ctx, app.client),
  };
}
