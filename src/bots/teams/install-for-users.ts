import type { Clock } from '../../domain';
import { TeamsAppInstaller } from './app-installer';
import { GRAPH_BASE_URL, GraphClient, type GraphTokenProvider } from './graph-client';
import { clientSecretGraphTokens } from './graph-token';
import { InstallWaits } from './install-waits';

export interface InstallForUsersConfig {
  /** The manifest id, which is the bot's app id (MICROSOFT_APP_ID) unless given (tests run without one). */
  manifestId?: string;
  /** Graph's root (tests point it at a fake); https://graph.microsoft.com/v1.0 by default. */
  graphBaseUrl?: string;
  /** The app's id in the tenants' catalog (TEAMS_APP_CATALOG_ID); found by the manifest id when absent. */
  catalogId?: string;
  /** The bot's client secret for Graph tokens (MICROSOFT_APP_PASSWORD), unless `tokens` is given. */
  clientSecret?: string;
  /** Where Entra tokens come from (tests: their fake's address). */
  authorityHost?: string;
  /** Instead of a client secret (tests, or a managed identity wired by the caller). */
  tokens?: GraphTokenProvider;
  /** How long a send waits for Teams' installation event (5 s by default). */
  waitMs?: number;
  /** Waits for the spacing between Graph calls (tests pass their manual clock's). */
  sleep?: (ms: number) => Promise<void>;
}

export interface InstallForUsers {
  installer: TeamsAppInstaller;
  waits: InstallWaits;
  graphTimeoutMs: number;
  waitMs: number;
}

/** Graph calls get a shorter deadline than connector calls: a send may queue behind another install. */
const MAX_GRAPH_TIMEOUT_MS = 3_000;

/** Wires the Graph client, its tokens, the installer and the waits for installation events. */
export function installForUsers(config: InstallForUsersConfig, deps: { clock: Clock; /** The manifest id and Graph client id. */ appId: string | undefined; requestTimeoutMs: number }): InstallForUsers {
  if (!deps.appId) throw new Error('installing the app for users needs MICROSOFT_APP_ID (the manifest id and the Graph client id)');
  const graphBaseUrl = (config.graphBaseUrl ?? GRAPH_BASE_URL).replace(/\/$/, '');
  const tokens =
    config.tokens ??
    (config.clientSecret
      ? clientSecretGraphTokens({ clientId: deps.appId, clientSecret: config.clientSecret, graphBaseUrl, ...(config.authorityHost ? { authorityHost: config.authorityHost } : {}) })
      : undefined);
  if (!tokens) throw new Error('installing the app for users needs MICROSOFT_APP_PASSWORD (Graph tokens as the bot app)');
  const graphTimeoutMs = Math.min(deps.requestTimeoutMs, MAX_GRAPH_TIMEOUT_MS);
  const now = () => deps.clock.now();
  const graph = new GraphClient({ baseUrl: graphBaseUrl, tokens, timeoutMs: graphTimeoutMs, now });
  const installer = new TeamsAppInstaller({ graph, manifestId: deps.appId, now, ...(config.catalogId ? { catalogId: config.catalogId } : {}), ...(config.sleep ? { sleep: config.sleep } : {}) });
  return { installer, waits: new InstallWaits(), graphTimeoutMs, waitMs: config.waitMs ?? 5_000 };
}
