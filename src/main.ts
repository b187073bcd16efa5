// First: telemetry's HTTP instrumentation must be in place before anything loads `http`.
import { telemetry } from './telemetry/register';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { Router } from 'express';
import { ActorCache } from './app/identity';
import { composeMessage } from './app/compose-message';
import type { MessageSender } from './app/outbound';
import { createSlackBot, type SlackBot } from './bots/slack/create-slack-bot';
import { keepFinishingSubmissions } from './bots/slack/finish-kept-submissions';
import { CLAIM_LEASE_MS } from './bots/slack/request-once';
import { createTeamsBot } from './bots/teams/create-teams-bot';
import { loadConfig, type Config } from './config';
import { devPageRouters } from './dev/dev-pages';
import { systemClock, type Clock } from './domain/clock';
import { createHttpApp } from './http/app';
import { listen } from './http/listen';
import { linkRoutes } from './http/link-routes';
import { startupNotes } from './http/startup-notes';
import { signedLinksFromConfig } from './links-from-config';
import { createLogger, type Logger } from './log';
import { startScheduler, type Scheduler } from './scheduler/scheduler';
import { nameCpdLead } from './app/setup';
import { DataFolderInUseError, openStore } from './store/open-store';
import type { Store } from './store/store';
import { loadStatusFigures } from './app/status';
import { twilightMetrics } from './telemetry/twilight-metrics';

/** The composition root: the only place that reads the environment and builds clients. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) console.error(`config: ${line}`);
    process.exit(2);
  }
  const config = loaded.config;
  const logger = createLogger(config.LOG_LEVEL);
  const clock = systemClock;
  // Everything in this process uses the watched store, so its staff and tenant writes reach the cache.
  const actors = new ActorCache({ clock });
  // The gauges read the store once a minute, and only with telemetry on (the no-op meter never asks).
  const metrics = twilightMetrics(async () => loadStatusFigures({ store, clock }, (await store.tenants.findAcrossTenants()).map((t) => t.value.id)));
  const store = actors.watch(await openStoreOrExit(config, clock, logger, metrics.requestUnits));
  if (telemetry.enabled) logger.info('telemetry: on (Application Insights)');
  const links = signedLinksFromConfig(config, clock);
  if (!links) logger.warn('PUBLIC_URL is not set: cards carry no calendar or certificate links');
  const deps = { store, clock, logger, actors, ...(links ? { links } : {}) };
  // The deployer's first CPD lead: made a lead of the school (created if new) while it has none, welcomed on their first visit.
  if (config.FIRST_CPD_LEAD_EMAIL && config.DEFAULT_TENANT_ID) {
    const named = await nameCpdLead({ store, clock }, config.DEFAULT_TENANT_ID, { email: config.FIRST_CPD_LEAD_EMAIL }, { firstOnly: true });
    if (named.ok) logger.info({ tenantId: config.DEFAULT_TENANT_ID, outcome: named.outcome, tenantCreated: named.tenantCreated }, 'first CPD lead named (FIRST_CPD_LEAD_EMAIL)');
    else logger.warn({ reason: named.message }, 'FIRST_CPD_LEAD_EMAIL: could not name the first CPD lead');
  }
  const files = { allowedHosts: config.FILE_HOSTS, maxBytes: config.FILE_MAX_BYTES, timeoutMs: config.FILE_DOWNLOAD_TIMEOUT_MS };

  const routers: Router[] = links ? [linkRoutes({ store, clock, links })] : [];
  const senders: MessageSender[] = [];
  const drains: (() => Promise<void>)[] = [];
  let linkStaff: (() => ReturnType<SlackBot['linkStaffByEmail']>) | undefined;
  const stoppers: (() => void)[] = [];

  // Teams with its credentials checks every token; without them it is the local dev bot (Agents
  // Playground, /dev), which believes anyone: so it is not mounted at all beside Slack credentials.
  if (config.teams || !config.production) {
    const teams = createTeamsBot({
      ...deps,
      config: {
        ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
        ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
        ...(config.MICROSOFT_APP_TENANT_ID ? { appTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
        appType: config.MICROSOFT_APP_TYPE,
        ...(config.defaultTenantId ? { defaultTenantId: config.defaultTenantId } : {}),
        requestTimeoutMs: config.PLATFORM_TIMEOUT_MS,
        files,
        // With a client secret the bot may install its app for people (refused by Graph, and recorded, until granted).
        ...(config.MICROSOFT_APP_ID && config.MICROSOFT_APP_PASSWORD
          ? {
              installForUsers: {
                clientSecret: config.MICROSOFT_APP_PASSWORD,
                ...(config.TEAMS_APP_CATALOG_ID ? { catalogId: config.TEAMS_APP_CATALOG_ID } : {}),
                ...(config.GRAPH_BASE_URL ? { graphBaseUrl: config.GRAPH_BASE_URL } : {}),
              },
            }
          : {}),
      },
    });
    routers.push(teams.router);
    senders.push(teams.sender);
  }

  const slackOAuth =
    config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_TOKEN_KEY
      ? {
          clientId: config.SLACK_CLIENT_ID,
          clientSecret: config.SLACK_CLIENT_SECRET,
          tokenKey: Buffer.from(config.SLACK_TOKEN_KEY, 'base64'),
          ...(config.PUBLIC_URL ? { redirectUri: new URL('/slack/oauth_redirect', config.PUBLIC_URL).toString() } : {}),
          ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
        }
      : undefined;
  if (config.slack && (config.SLACK_BOT_TOKEN || slackOAuth) && config.SLACK_SIGNING_SECRET) {
    const slack = createSlackBot({
      ...deps,
      config: {
        // With OAuth each workspace's own token; SLACK_BOT_TOKEN alone serves one workspace.
        ...(slackOAuth ? { oauth: slackOAuth } : { botToken: config.SLACK_BOT_TOKEN }),
        signingSecret: config.SLACK_SIGNING_SECRET,
        ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
        ...(config.defaultTenantId ? { defaultTenantId: config.defaultTenantId } : {}),
        requestTimeoutMs: config.PLATFORM_TIMEOUT_MS,
        files,
      },
    });
    routers.push(slack.router);
    senders.push(slack.sender);
    drains.push(slack.drain);
    linkStaff = () => slack.linkStaffByEmail();
    // Submissions a killed process closed at the ack deadline: finished (or their senders told) now and every lease.
    stoppers.push(keepFinishingSubmissions(() => slack.finishKeptSubmissions(), CLAIM_LEASE_MS, (err) => logger.error({ err }, 'slack: finishing kept submissions failed')));
  }

  // Never mounted with production credentials (config.devPages is false then).
  if (config.devPages && config.defaultTenantId) routers.push(...devPageRouters(config, { ...deps, defaultTenantId: config.defaultTenantId }));

  const app = createHttpApp({ store, logger, routers });
  let server: Server;
  try {
    server = await listen(app, config.PORT, config.HOST);
  } catch (error) {
    // Nothing else has started: no scheduler runs without the server it belongs to.
    console.error(`twilight: cannot listen on ${config.HOST}:${config.PORT}: ${listenFailure(error)}`);
    await store.close().catch(() => undefined);
    process.exit(1);
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;

  let scheduler: Scheduler | undefined;
  if (config.SCHEDULER) {
    scheduler = startScheduler({
      store,
      clock,
      logger,
      senders,
      compose: (delivery) => composeMessage(deps, delivery),
      instanceId: `${hostname()}-${randomUUID().slice(0, 8)}`,
      cron: true,
      ...(linkStaff ? { linkStaff } : {}),
      onOutcome: metrics.messageOutcome,
    });
  }
  const [listening, ...more] = startupNotes({
    host: config.HOST,
    port,
    devPages: config.devPages,
    production: config.production,
    store: store.kind,
    dataDir: config.DATA_DIR,
    ...(config.COSMOS_ENDPOINT ? { cosmosEndpoint: config.COSMOS_ENDPOINT } : {}),
    cosmosDatabase: config.COSMOS_DATABASE,
  });
  logger.info(
    { ...listening!.fields, store: store.kind, production: config.production, teams: senders.some((s) => s.platform === 'teams'), slack: senders.some((s) => s.platform === 'slack'), devPages: config.devPages, scheduler: Boolean(scheduler) },
    listening!.msg,
  );
  for (const note of more) logger.info(note.fields, note.msg);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Stop taking requests, let deliveries in flight be recorded, then close the store.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const stopTimer of stoppers) stopTimer();
    await scheduler?.stop();
    await Promise.all(drains.map((drain) => drain()));
    await closed;
    await store.close();
    await telemetry.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'telemetry: could not send the last figures'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The embedded store's folder (or Cosmos) unusable: one line naming the setting, not a stack trace. */
async function openStoreOrExit(config: Config, clock: Clock, logger: Logger, onRequestCharge: (requestCharge: number) => void): Promise<Store> {
  try {
    return await openStore(config, clock, { logger, onRequestCharge });
  } catch (error) {
    // Another twilight holds the folder: its own line and exit code, from main's catch.
    if (error instanceof DataFolderInUseError) throw error;
    const where = config.STORE === 'embedded' ? `DATA_DIR: cannot use ${config.DATA_DIR} for the embedded store` : `COSMOS_ENDPOINT: cannot open the Cosmos DB store at ${config.COSMOS_ENDPOINT}`;
    console.error(`config: ${where}: ${firstLine(error)}`);
    process.exit(1);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

function listenFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') return 'the address is already in use (is another twilight running?)';
  if (code === 'EACCES') return 'permission denied (ports below 1024 need privileges)';
  return firstLine(error);
}

main().catch((error: unknown) => {
  if (error instanceof DataFolderInUseError) {
    console.error(`twilight: ${error.message}`);
    process.exit(3);
  }
  console.error('twilight failed to start:', error);
  process.exit(1);
});
