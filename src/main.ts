import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { Router } from 'express';
import { ActorCache } from './app/actor-cache';
import { composeMessage } from './app/compose-message';
import type { MessageSender } from './app/outbound';
import { createSlackBot } from './bots/slack/create-slack-bot';
import { createTeamsBot } from './bots/teams/create-teams-bot';
import { loadConfig } from './config';
import { devPageRouters } from './dev/dev-pages';
import { systemClock } from './domain/clock';
import { createHttpApp } from './http/app';
import { linkRoutes } from './http/link-routes';
import { signedLinksFromConfig } from './links-from-config';
import { createLogger } from './log';
import { startScheduler, type Scheduler } from './scheduler/scheduler';
import { DataFolderInUseError, openStore } from './store/open-store';

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
  const store = actors.watch(await openStore(config, clock));
  const links = signedLinksFromConfig(config, clock);
  if (!links) logger.warn('PUBLIC_URL is not set: cards carry no calendar or certificate links');
  const deps = { store, clock, logger, actors, ...(links ? { links } : {}) };

  const routers: Router[] = links ? [linkRoutes({ store, clock, links })] : [];
  const senders: MessageSender[] = [];
  const drains: (() => Promise<void>)[] = [];

  // Teams runs in every mode: without an app id it is the local dev bot (Agents Playground, /dev).
  const teams = createTeamsBot({
    ...deps,
    config: {
      ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
      ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
      ...(config.MICROSOFT_APP_TENANT_ID ? { appTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
      appType: config.MICROSOFT_APP_TYPE,
      defaultTenantId: config.DEFAULT_TENANT_ID,
      requestTimeoutMs: config.PLATFORM_TIMEOUT_MS,
    },
  });
  routers.push(teams.router);
  senders.push(teams.sender);

  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) {
    const slack = createSlackBot({
      ...deps,
      config: {
        botToken: config.SLACK_BOT_TOKEN,
        signingSecret: config.SLACK_SIGNING_SECRET,
        ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
        defaultTenantId: config.DEFAULT_TENANT_ID,
        requestTimeoutMs: config.PLATFORM_TIMEOUT_MS,
      },
    });
    routers.push(slack.router);
    senders.push(slack.sender);
    drains.push(slack.drain);
  }

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
    });
  }

  // Never mounted with production credentials (config.devPages is false then).
  routers.push(...devPageRouters(config, { ...deps, defaultTenantId: config.DEFAULT_TENANT_ID }));

  const app = createHttpApp({ store, logger, routers });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info(
      { port, store: store.kind, production: config.production, slack: senders.some((s) => s.platform === 'slack'), scheduler: Boolean(scheduler) },
      'twilight is listening',
    );
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Stop taking requests, let deliveries in flight be recorded, then close the store.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await scheduler?.stop();
    await Promise.all(drains.map((drain) => drain()));
    await closed;
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof DataFolderInUseError) {
    console.error(`twilight: ${error.message}`);
    process.exit(3);
  }
  console.error('twilight failed to start:', error);
  process.exit(1);
});
