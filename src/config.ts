import { z } from 'zod';

/**
 * How long one call to a platform may take before it is abandoned and reported as a transient
 * failure (PLATFORM_TIMEOUT_MS). Well under the dispatcher's lease, which checks each sender's
 * `maxSendMs` against it.
 */
export const DEFAULT_PLATFORM_TIMEOUT_MS = 10_000;

/** The longest PLATFORM_TIMEOUT_MS the scheduler takes: a Teams send is up to two calls, within 40 s of its 60 s lease. */
export const MAX_PLATFORM_TIMEOUT_MS = 20_000;

const Port = z.coerce.number().int().min(0).max(65535);
const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const Empty = z.literal('').transform(() => undefined);
const opt = <T extends z.ZodType>(schema: T) => z.union([Empty, schema]).optional();
/** An id or secret: a value of spaces (a pasted blank) is refused here, not left to fail deep in an SDK. */
const Credential = z.string().min(1).refine((v) => v.trim() !== '', 'is only spaces');

/** The signing key for links is derived from a bot secret only if it is at least this long. */
export const MIN_LINK_SECRET_LENGTH = 32;

/** A random secret of 32 characters has far more; "aaaa…" or "abab…" has one or two. */
const MIN_LINK_SECRET_DISTINCT = 10;

/** Why a LINK_SECRET someone chose could be guessed (links forged), or undefined if it will do. */
function linkSecretProblem(secret: string): string | undefined {
  if (secret.trim() === '') return 'is only spaces: give a random value (e.g. the output of `openssl rand -base64 32`)';
  if (secret.trim() !== secret) return 'begins or ends with spaces: give the value without them';
  if (secret.length < MIN_LINK_SECRET_LENGTH) return `must be at least ${MIN_LINK_SECRET_LENGTH} characters`;
  const distinct = new Set(secret).size;
  if (distinct < MIN_LINK_SECRET_DISTINCT) return `is too easy to guess (${distinct} different characters): give a random value (e.g. the output of \`openssl rand -base64 32\`)`;
  return undefined;
}

const LinkSecret = z.string().superRefine((secret, ctx) => {
  const problem = linkSecretProblem(secret);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * Files a lead sends the bot are fetched only from the platforms' own file hosts: Teams gives a
 * SharePoint / OneDrive download link, Slack a files.slack.com one (FILE_HOSTS).
 */
export const DEFAULT_FILE_HOSTS = ['*.sharepoint.com', 'files.slack.com'] as const;
/** A staff list of 2,000 is about 300 kB; the file is kept in one store document until Import (Cosmos allows 2 MB). */
export const DEFAULT_FILE_MAX_BYTES = 1_000_000;
export const DEFAULT_FILE_DOWNLOAD_TIMEOUT_MS = 15_000;

/** The tenant a local bot without platform credentials serves (and `seed-demo` creates). */
export const DEV_DEFAULT_TENANT_ID = 'demo';

/** Every environment variable the bot reads. README's configuration table lists the same. */
const Env = z
  .object({
    PORT: Port.default(3978),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['embedded', 'cosmos']).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    COSMOS_ENDPOINT: opt(z.url({ protocol: /^https?$/ })),
    COSMOS_KEY: opt(Credential),
    COSMOS_DATABASE: z.string().min(1).default('twilight'),
    COSMOS_CREATE_IF_MISSING: Bool.default(false),
    MICROSOFT_APP_ID: opt(Credential),
    MICROSOFT_APP_PASSWORD: opt(Credential),
    MICROSOFT_APP_TENANT_ID: opt(Credential),
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    // Installing the Teams app for staff who never opened it (Graph; docs/deploy.md): the catalog id is looked up once when unset.
    TEAMS_APP_CATALOG_ID: opt(z.string().min(1)),
    GRAPH_BASE_URL: opt(z.url({ protocol: /^https?$/ })),
    SLACK_BOT_TOKEN: opt(z.string().regex(/^xoxb-/, 'must start with xoxb-')),
    SLACK_SIGNING_SECRET: opt(Credential),
    SLACK_API_URL: opt(z.url()),
    // Slack's OAuth installation flow (a trust across workspaces): all three, or none (docs/install-slack.md).
    SLACK_CLIENT_ID: opt(z.string().min(1)),
    SLACK_CLIENT_SECRET: opt(z.string().min(1)),
    SLACK_TOKEN_KEY: opt(z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')),
    // No default: with platform credentials an unmapped Teams tenant or Slack workspace is refused unless this is set.
    DEFAULT_TENANT_ID: opt(z.string().regex(/^[A-Za-z0-9._:@-]+$/)),
    SCHEDULER: Bool.default(true),
    PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_PLATFORM_TIMEOUT_MS),
    DEV_PAGES: opt(Bool),
    PUBLIC_URL: opt(z.url({ protocol: /^https?$/ })),
    /** Telemetry to Application Insights when set (read first by src/telemetry/register.ts); off when not. */
    APPLICATIONINSIGHTS_CONNECTION_STRING: opt(z.string().regex(/InstrumentationKey=[0-9a-f-]{36}/i, 'is not an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)')),
    FILE_HOSTS: z
      .string()
      .default(DEFAULT_FILE_HOSTS.join(','))
      .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean))
      .refine((hosts) => hosts.every((h) => /^(\*\.)?[A-Za-z0-9.-]+$/.test(h)), 'must be host names separated by commas, e.g. *.sharepoint.com,files.slack.com'),
    FILE_MAX_BYTES: z.coerce.number().int().min(1000).max(1_500_000).default(DEFAULT_FILE_MAX_BYTES),
    FILE_DOWNLOAD_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_FILE_DOWNLOAD_TIMEOUT_MS),
    // The first CPD lead, named by the deployer: made a lead of DEFAULT_TENANT_ID at start-up and welcomed when they first open the bot.
    FIRST_CPD_LEAD_EMAIL: opt(z.email()),
    LINK_SECRET: opt(LinkSecret),
  })
  .superRefine((env, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (env.STORE === 'cosmos' && !env.COSMOS_ENDPOINT) fail('COSMOS_ENDPOINT', 'is required when STORE=cosmos');
    const teams = missingTeamsSettings(env);
    if (teams) fail(teams.missing.join(', '), `${teams.missing.length > 1 ? 'are' : 'is'} required because ${teams.given.join(' and ')} ${teams.given.length > 1 ? 'are' : 'is'} set (Teams is half-configured: set all of them or none)`);
    const oauth = missingSlackOAuthSettings(env);
    if (oauth) fail(oauth.missing, `is required because ${oauth.given.join(' and ')} ${oauth.given.length > 1 ? 'are' : 'is'} set (Slack OAuth is half-configured: set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_TOKEN_KEY, or none)`);
    const slack = oauth ? undefined : missingSlackSettings(env);
    if (slack) fail(slack.missing, `is required because ${slack.given} is set (Slack is half-configured: set both or neither)`);
    if (env.FIRST_CPD_LEAD_EMAIL && !env.DEFAULT_TENANT_ID) fail('DEFAULT_TENANT_ID', 'is required with FIRST_CPD_LEAD_EMAIL: it names the school (tenant) the first CPD lead leads');
    if (env.SCHEDULER && env.PLATFORM_TIMEOUT_MS > MAX_PLATFORM_TIMEOUT_MS) {
      fail('PLATFORM_TIMEOUT_MS', `must be at most ${MAX_PLATFORM_TIMEOUT_MS} when the scheduler runs (a Teams send is up to two calls and must fit in 40 s of the 60 s lease)`);
    }
    const production = Boolean(teams === undefined && teamsConfigured(env)) || Boolean(slack === undefined && slackConfigured(env));
    if (production && env.PUBLIC_URL && !env.LINK_SECRET && !derivableLinkSecret(env)) {
      fail('LINK_SECRET', `is required with PUBLIC_URL: no bot secret of at least ${MIN_LINK_SECRET_LENGTH} characters to derive the link key from`);
    }
  });

type ParsedEnv = z.infer<typeof Env>;

const TEAMS_SETTINGS = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'MICROSOFT_APP_TENANT_ID'] as const;
const SLACK_SETTINGS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

const teamsConfigured = (env: ParsedEnv) => TEAMS_SETTINGS.some((name) => env[name] !== undefined);
const SLACK_OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_TOKEN_KEY'] as const;
const slackOAuthConfigured = (env: Pick<ParsedEnv, (typeof SLACK_OAUTH_SETTINGS)[number]>) => SLACK_OAUTH_SETTINGS.every((name) => env[name] !== undefined);
const slackConfigured = (env: ParsedEnv) => SLACK_SETTINGS.some((name) => env[name] !== undefined) || SLACK_OAUTH_SETTINGS.some((name) => env[name] !== undefined);

/** The first OAuth setting missing when some are set: one line, naming it. */
function missingSlackOAuthSettings(env: Pick<ParsedEnv, (typeof SLACK_OAUTH_SETTINGS)[number] | 'SLACK_SIGNING_SECRET'>): { given: string[]; missing: string } | undefined {
  const given = SLACK_OAUTH_SETTINGS.filter((name) => env[name] !== undefined);
  if (given.length === 0) return undefined;
  const missing = [...SLACK_OAUTH_SETTINGS.filter((name) => env[name] === undefined), ...(env.SLACK_SIGNING_SECRET ? [] : ['SLACK_SIGNING_SECRET'])];
  return missing.length > 0 ? { given, missing: missing[0]! } : undefined;
}

/** Any Teams credential set means Teams runs authenticated, so all it needs must be set too. */
function missingTeamsSettings(env: ParsedEnv): { given: string[]; missing: string[] } | undefined {
  const given = TEAMS_SETTINGS.filter((name) => env[name] !== undefined);
  if (given.length === 0) return undefined;
  const needed: string[] = ['MICROSOFT_APP_ID'];
  if (env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') needed.push('MICROSOFT_APP_PASSWORD');
  // botbuilder needs the Entra tenant for a single-tenant bot and for a user-assigned managed identity.
  if (env.MICROSOFT_APP_TYPE !== 'MultiTenant') needed.push('MICROSOFT_APP_TENANT_ID');
  const missing = needed.filter((name) => env[name as (typeof TEAMS_SETTINGS)[number]] === undefined);
  if (missing.length === 0) return undefined;
  return { given: env.MICROSOFT_APP_TYPE === 'MultiTenant' ? given : [...given, `MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`], missing };
}

function missingSlackSettings(env: ParsedEnv): { given: string; missing: string } | undefined {
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) return { given: 'SLACK_BOT_TOKEN', missing: 'SLACK_SIGNING_SECRET' };
  if (env.SLACK_SIGNING_SECRET && !env.SLACK_BOT_TOKEN && !slackOAuthConfigured(env)) return { given: 'SLACK_SIGNING_SECRET', missing: 'SLACK_BOT_TOKEN' };
  return undefined;
}

/** A bot secret long enough to derive the link key from (a short one could be guessed, and links forged). */
function derivableLinkSecret(env: Pick<ParsedEnv, 'MICROSOFT_APP_PASSWORD' | 'SLACK_SIGNING_SECRET'>): string | undefined {
  return [env.MICROSOFT_APP_PASSWORD, env.SLACK_SIGNING_SECRET].find((secret) => secret !== undefined && secret.length >= MIN_LINK_SECRET_LENGTH);
}

export type Config = ParsedEnv & {
  /** Some platform has credentials: its requests are authenticated and the dev pages are off. */
  production: boolean;
  /** Teams credentials are set: /api/messages checks Bot Framework tokens. */
  teams: boolean;
  /** Slack credentials are set: /slack/events is served. */
  slack: boolean;
  devPages: boolean;
  /** The tenant an unmapped Teams tenant or Slack workspace falls back to: DEFAULT_TENANT_ID, or `demo` in dev mode only. */
  defaultTenantId: string | undefined;
  /** The key that signs links when LINK_SECRET is unset: a bot secret of at least 32 characters, if any. */
  derivedLinkSecret: string | undefined;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Azure App Service leaves `@Microsoft.KeyVault(...)` in place when it cannot read the vault. */
const KEY_VAULT_REFERENCE = /^\s*@Microsoft\.KeyVault\(/i;

function unresolvedKeyVaultReferences(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(Env.shape)
    .filter((name) => KEY_VAULT_REFERENCE.test(env[name] ?? ''))
    .map((name) => `${name}: is an unresolved Key Vault reference (@Microsoft.KeyVault(...)): give the app's identity access to the vault`);
}

/** Parses the environment. Each bad value gives one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const vaultErrors = unresolvedKeyVaultReferences(env);
  const parsed = Env.safeParse(env);
  if (vaultErrors.length > 0 || !parsed.success) {
    const named = new Set(vaultErrors.map((line) => line.slice(0, line.indexOf(':'))));
    const parseErrors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    return { ok: false, errors: [...vaultErrors, ...parseErrors.filter((line) => !named.has(line.slice(0, line.indexOf(':'))))] };
  }
  const data = parsed.data;
  const teams = teamsConfigured(data);
  const slack = slackConfigured(data);
  const production = teams || slack;
  return {
    ok: true,
    config: {
      ...data,
      production,
      teams,
      slack,
      // The dev pages act as any staff member: only on request, and never beside a platform secret.
      devPages: !production && data.DEV_PAGES === true,
      defaultTenantId: data.DEFAULT_TENANT_ID ?? (production ? undefined : DEV_DEFAULT_TENANT_ID),
      derivedLinkSecret: derivableLinkSecret(data),
    },
  };
}
