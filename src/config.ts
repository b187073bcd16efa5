import { z } from 'zod';

/**
 * How long one call to a platform may take before it is abandoned and reported as a transient
 * failure (PLATFORM_TIMEOUT_MS). Well under the dispatcher's lease, which checks each sender's
 * `maxSendMs` against it.
 */
export const DEFAULT_PLATFORM_TIMEOUT_MS = 10_000;

const Port = z.coerce.number().int().min(0).max(65535);
const Bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const Empty = z.literal('').transform(() => undefined);
const opt = <T extends z.ZodType>(schema: T) => z.union([Empty, schema]).optional();

/** Every environment variable the bot reads. README's configuration table lists the same. */
const Env = z
  .object({
    PORT: Port.default(3978),
    HOST: z.string().min(1).default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STORE: z.enum(['embedded', 'cosmos']).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    COSMOS_ENDPOINT: opt(z.url({ protocol: /^https?$/ })),
    COSMOS_KEY: opt(z.string().min(1)),
    COSMOS_DATABASE: z.string().min(1).default('twilight'),
    COSMOS_CREATE_IF_MISSING: Bool.default(false),
    MICROSOFT_APP_ID: opt(z.string().min(1)),
    MICROSOFT_APP_PASSWORD: opt(z.string().min(1)),
    MICROSOFT_APP_TENANT_ID: opt(z.string().min(1)),
    MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    SLACK_BOT_TOKEN: opt(z.string().regex(/^xoxb-/, 'must start with xoxb-')),
    SLACK_SIGNING_SECRET: opt(z.string().min(1)),
    SLACK_API_URL: opt(z.url()),
    DEFAULT_TENANT_ID: z.string().regex(/^[A-Za-z0-9._:@-]+$/).default('demo'),
    SCHEDULER: Bool.default(true),
    // The dispatcher refuses, at start-up, a timeout that would let a send outlast its lease.
    PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(DEFAULT_PLATFORM_TIMEOUT_MS),
    DEV_PAGES: opt(Bool),
    PUBLIC_URL: opt(z.url({ protocol: /^https?$/ })),
    LINK_SECRET: opt(z.string().min(32, 'must be at least 32 characters')),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === 'cosmos' && !env.COSMOS_ENDPOINT) {
      ctx.addIssue({ code: 'custom', path: ['COSMOS_ENDPOINT'], message: 'is required when STORE=cosmos' });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !env.MICROSOFT_APP_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_PASSWORD'], message: 'is required when MICROSOFT_APP_ID is set' });
    }
    if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_TYPE === 'SingleTenant' && !env.MICROSOFT_APP_TENANT_ID) {
      ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: 'is required when MICROSOFT_APP_TYPE is SingleTenant (the default)' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required when SLACK_BOT_TOKEN is set' });
    }
  });

export type Config = z.infer<typeof Env> & {
  /** Production: real platform credentials are configured; dev pages are off and JWTs are checked. */
  production: boolean;
  devPages: boolean;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parses the environment. Each bad value gives one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    };
  }
  const production = Boolean(parsed.data.MICROSOFT_APP_ID || parsed.data.SLACK_BOT_TOKEN);
  return {
    ok: true,
    // The dev pages act as any staff member, so production credentials switch them off whatever DEV_PAGES says.
    config: { ...parsed.data, production, devPages: !production && (parsed.data.DEV_PAGES ?? true) },
  };
}
