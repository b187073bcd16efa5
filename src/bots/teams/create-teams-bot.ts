import { CloudAdapter, type TurnContext } from 'botbuilder';
import express, { type Router } from 'express';
import type { ActorCache } from '../../app/identity';
import type { MessageSender } from '../../app/outbound';
import { DEFAULT_PLATFORM_TIMEOUT_MS } from '../../config';
import { DEFAULT_FILE_LIMITS, type FileDownloadLimits } from '../file-download';
import type { SignedLinks } from '../../app/signed-links';
import type { Clock } from '../../domain';
import { logInbound } from '../../http/inbound-log';
import type { Logger } from '../../log';
import type { AppDeps } from '../../app/deps';
import { MAX_BODY_BYTES } from '../../http/request-guards';
import { channelTokenVerifier } from './channel-token';
import { DeadlineBotFrameworkAuthentication } from './connector-deadline';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, SigningKeySource } from './signing-keys';
import { TokenCheckedBotFrameworkAuthentication } from './token-checked-authentication';
import { TeamsProactiveSender } from './proactive-sender';
import { TwilightTeamsHandler } from './twilight-teams-handler';
import { installForUsers, type InstallForUsersConfig } from './install-for-users';

export interface TeamsBotConfig {
  /** Unset in dev mode: requests are not authenticated and replies carry no token. */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  /** The tenant a single-school deployment serves when the Teams tenant is not mapped. */
  defaultTenantId?: string;
  /** Each call to the Bot Connector gives up after this (PLATFORM_TIMEOUT_MS). */
  requestTimeoutMs?: number;
  /** Where the channel's signing keys are published (Microsoft's; tests serve their own on loopback). */
  openIdMetadataUrl?: string;
  /** Fetching the signing keys gives up after this; requests meanwhile get 503 with Retry-After. */
  keyFetchTimeoutMs?: number;
  /** Files sent in the personal chat: allowed hosts, size and time (FILE_HOSTS, FILE_MAX_BYTES, FILE_DOWNLOAD_TIMEOUT_MS). */
  files?: FileDownloadLimits;
  /** Installing the app for people who never opened it, through Microsoft Graph (install-for-users.ts). */
  installForUsers?: InstallForUsersConfig;
}

export interface TeamsBotDeps {
  store: AppDeps['store'];
  clock: Clock;
  logger: Logger;
  links?: SignedLinks;
  config: TeamsBotConfig;
  /** Resolved people kept between requests; `store` must be `actors.watch(...)` of the same store. */
  actors?: ActorCache;
}

export interface TeamsBot {
  router: Router;
  sender: MessageSender;
}

/** Well inside Teams' 15 s wait for an invoke answer, so a 503 arrives before Teams gives up. */
export const KEY_FETCH_TIMEOUT_MS = 5_000;

/** Builds the Teams adapter, handler and proactive sender, and the `POST /api/messages` route. */
export function createTeamsBot(deps: TeamsBotDeps): TeamsBot {
  const { config, logger } = deps;
  const requestTimeoutMs = config.requestTimeoutMs ?? DEFAULT_PLATFORM_TIMEOUT_MS;
  const options = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    // botbuilder insists on an app id for SingleTenant; the dev bot has none.
    MicrosoftAppType: config.appId ? config.appType : 'MultiTenant',
    MicrosoftAppTenantId: config.appTenantId ?? '',
  };
  // With an app id every request's token is checked, with a bounded key fetch (channel-token.ts).
  const tokens = config.appId
    ? channelTokenVerifier({
        appId: config.appId,
        clock: deps.clock,
        keys: new SigningKeySource({ metadataUrl: config.openIdMetadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA_URL, clock: deps.clock, fetchTimeoutMs: config.keyFetchTimeoutMs ?? KEY_FETCH_TIMEOUT_MS }),
      })
    : undefined;
  const auth = tokens ? new TokenCheckedBotFrameworkAuthentication(options, requestTimeoutMs, tokens) : new DeadlineBotFrameworkAuthentication(options, requestTimeoutMs);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, conversationId: context.activity.conversation?.id }, 'teams turn failed');
  };
  const install = config.installForUsers ? installForUsers(config.installForUsers, { clock: deps.clock, appId: config.installForUsers.manifestId ?? config.appId, requestTimeoutMs }) : undefined;
  const handler = new TwilightTeamsHandler({
    store: deps.store,
    clock: deps.clock,
    ...(deps.links ? { links: deps.links } : {}),
    logger,
    defaultTenantId: config.defaultTenantId,
    files: config.files ?? DEFAULT_FILE_LIMITS,
    ...(deps.actors ? { actors: deps.actors } : {}),
    ...(install ? { installs: install.waits } : {}),
  });
  const router = express.Router();
  router.post('/api/messages', express.json({ limit: MAX_BODY_BYTES }), async (req, res) => {
    // botbuilder throws (a 500) on a body that is not an activity; that is the sender's fault.
    const body = req.body as { type?: unknown; name?: unknown; value?: { action?: unknown } } | undefined;
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    // A card action without an action object makes TeamsActivityHandler answer 501.
    const badCardAction = body?.name === 'adaptiveCard/action' && !(isObject(body.value) && isObject(body.value!.action));
    if (!isObject(body) || typeof body!.type !== 'string' || (body!.type === 'invoke' && badCardAction)) {
      res.status(400).json({ error: 'not_an_activity', message: 'The body must be a Bot Framework activity with a type.' });
      return;
    }
    const started = performance.now();
    const activity = body!;
    // One info line per activity, once answered: its kind and the card verb, never who sent it or what they wrote.
    res.once('finish', () => {
      const verb = isObject(activity.value) && isObject(activity.value!.action) ? (activity.value!.action as { verb?: unknown }).verb : undefined;
      logInbound(logger, { platform: 'teams', activity: activity.type as string, name: activity.name, verb, status: res.statusCode, ms: Math.round(performance.now() - started) });
    });
    if (tokens) {
      // Refused here, before botbuilder, which would print a stack trace per request and answer
      // 500 with its error text for a forged token it cannot verify.
      const checked = await tokens.check(req.header('authorization'), body as { channelId?: unknown; serviceUrl?: unknown });
      if (!checked.ok) {
        logger.warn({ reason: checked.reason, status: checked.status }, 'teams: refused an unauthenticated request');
        if (checked.status === 503) {
          res.status(503).set('Retry-After', String(checked.retryAfterSeconds)).json({ error: 'authentication_unavailable', message: 'The request cannot be authenticated just now. Try again shortly.' });
        } else {
          res.status(401).json({ error: 'unauthorized', message: 'The request is not authenticated.' });
        }
        return;
      }
    }
    await adapter.process(req, res, (context) => handler.run(context));
  });
  const sender = new TeamsProactiveSender({ store: deps.store, clock: deps.clock, adapter, appId: config.appId ?? '', requestTimeoutMs, ...(install ? { install } : {}) });
  return { router, sender };
}
