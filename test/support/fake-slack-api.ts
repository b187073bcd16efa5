import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried (which workspace's bot made it). */
  token?: string;
}

/** What Slack's oauth.v2.access answers for one authorization code (used once). */
export interface OAuthGrant {
  teamId?: string;
  teamName?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId: string;
}

type Answer = (args: Record<string, unknown>) => Record<string, unknown>;

/**
 * A loopback stand-in for the Slack Web API (`clientOptions.slackApiUrl`): records every call,
 * answers the methods the bot uses, and can be told to answer 429 with Retry-After or an error,
 * or to hang a method: take its calls and never answer them.
 * Also accepts POSTs to /response/* (a slash command's or a button's response_url): each ephemeral
 * reply gets a message ts, and, as real Slack does, `chat.update` refuses ephemeral messages
 * (`message_not_found`): they can be changed only through a response_url with `replace_original`.
 */
export class FakeSlackApi {
  readonly calls: SlackApiCall[] = [];
  readonly users = new Map<string, { id: string; email: string; name: string }>();
  /** What files.info answers, by file id (a file shared in the DM, as Slack describes it). */
  readonly files = new Map<string, Record<string, unknown>>();
  private server: Server | undefined;
  private nextTs = 1_700_000_000;
  /** Calls taken while their method hung, never answered. */
  readonly hung: SlackApiCall[] = [];
  private readonly hanging = new Set<string>();
  private hungWaiters: { count: number; resolve: () => void }[] = [];
  private readonly delays = new Map<string, number>();
  private readonly overrides = new Map<string, { status: number; headers?: Record<string, string>; body: Record<string, unknown>; times: number }>();
  url = '';
  teamId = 'T0SCHOOL';
  /** Every ephemeral message shown, by ts: what a person sees privately after `/cpd …` or a press on one. */
  readonly ephemeral = new Map<string, { responseUrl?: string; args: Record<string, unknown> }>();
  private readonly pressedOn = new Map<string, string>();
  private presses = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
        const args = parseArgs(raw, req.headers['content-type']);
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
        this.calls.push({ method, args, ...(token ? { token } : {}) });
        if (method === 'oauth.v2.access') return this.reply(res, this.exchange(args, req.headers.authorization));
        const tokenTeam = token ? this.tokenTeams.get(token) : undefined;
        if (method === 'auth.test' && tokenTeam) return this.reply(res, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: tokenTeam, team: tokenTeam });
        if (token && this.revoked.has(token)) return this.reply(res, { ok: false, error: 'token_revoked' });
        if (this.hanging.has(method)) {
          this.hung.push({ method, args });
          this.hungWaiters = this.hungWaiters.filter((w) => (this.hung.length >= w.count ? (w.resolve(), false) : true));
          return;
        }
        const delayMs = this.delays.get(method);
        if (delayMs !== undefined) {
          setTimeout(() => {
            if (res.destroyed) return;
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(this.answer(method, args)));
          }, delayMs);
          return;
        }
        const override = this.overrides.get(method);
        if (override && override.times > 0) {
          override.times--;
          res.writeHead(override.status, { 'content-type': 'application/json', ...override.headers });
          res.end(JSON.stringify(override.body));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(this.answer(method, args)));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Codes Slack would hand the redirect, each for one workspace (or Grid organisation). */
  readonly grants = new Map<string, OAuthGrant>();
  /** Bot tokens of OAuth installs, by token: which workspace each belongs to. */
  readonly tokenTeams = new Map<string, string>();
  /** Tokens Slack has revoked (the app was uninstalled): every call with one is refused. */
  readonly revoked = new Set<string>();
  clientId = 'client-id-1';
  clientSecret = 'client-secret-1';

  private reply(res: import('node:http').ServerResponse, body: Record<string, unknown>): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  /** oauth.v2.access: the app's credentials (basic auth or form) and a code not used before. */
  private exchange(args: Record<string, unknown>, authorization: string | undefined): Record<string, unknown> {
    const basic = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
    const [id, secret] = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':') : [args.client_id, args.client_secret];
    if (id !== this.clientId || secret !== this.clientSecret) return { ok: false, error: 'invalid_client_id' };
    const grant = this.grants.get(String(args.code));
    if (!grant) return { ok: false, error: 'invalid_code' };
    this.grants.delete(String(args.code));
    if (grant.teamId) this.tokenTeams.set(grant.botToken, grant.teamId);
    return {
      ok: true,
      app_id: 'A0TWILIGHT',
      access_token: grant.botToken,
      token_type: 'bot',
      scope: 'chat:write,commands,users:read,users:read.email,im:history',
      bot_user_id: grant.botUserId,
      team: grant.teamId ? { id: grant.teamId, name: grant.teamName ?? grant.teamId } : null,
      enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
      is_enterprise_install: Boolean(grant.isEnterpriseInstall),
      authed_user: { id: 'UADMIN' },
    };
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Calls of `method` are read and never answered (a stalled API) until `recover()`. Nothing is posted. */
  hang(method: string): void {
    this.hanging.add(method);
  }

  /** Resolves once `count` calls in all have been left hanging. */
  async waitForHung(count: number): Promise<void> {
    if (this.hung.length >= count) return;
    await new Promise<void>((resolve) => this.hungWaiters.push({ count, resolve }));
  }

  recover(): void {
    this.hanging.clear();
    this.delays.clear();
  }

  /** Calls of `method` are answered, but only after `ms` (a slow API), until `recover()`. */
  slow(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /** The next `times` calls of `method` get a 429 with this Retry-After (seconds). */
  throttle(method: string, retryAfterSeconds: number, times = 1): void {
    this.overrides.set(method, { status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' }, times });
  }

  /** The next `times` calls of `method` answer `{ ok: false, error }`. */
  fail(method: string, error: string, times = 1): void {
    this.overrides.set(method, { status: 200, body: { ok: false, error }, times });
  }

  /** The next `times` calls of `method` answer HTTP 500 (the WebClient retries, then throws). */
  serverError(method: string, times = 1): void {
    this.overrides.set(method, { status: 500, body: { ok: false, error: 'internal_error' }, times });
  }

  callsOf(method: string): SlackApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const ANSWERS: Record<string, Answer> = {
      'auth.test': () => ({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: this.teamId, team: 'Huntingdon', url: 'https://school.slack.com/' }),
      'chat.postMessage': (a) => ({ ok: true, channel: String(a.channel).startsWith('U') ? `D${String(a.channel).slice(1)}` : a.channel, ts: this.ts(), message: { text: a.text } }),
      'chat.update': (a) => (this.ephemeral.has(String(a.ts)) ? { ok: false, error: 'message_not_found' } : { ok: true, channel: a.channel, ts: a.ts }),
      'chat.postEphemeral': (a) => {
        const ts = this.ts();
        this.ephemeral.set(ts, { args: a });
        return { ok: true, message_ts: ts };
      },
      'views.open': (a) => ({ ok: true, view: { id: `V${this.calls.length}`, ...(parseJson(a.view) as object) } }),
      'views.publish': (a) => ({ ok: true, view: { id: 'VHOME', ...(parseJson(a.view) as object) } }),
      'views.update': () => ({ ok: true }),
      'conversations.open': (a) => ({ ok: true, channel: { id: `D${String(a.users).slice(1)}` } }),
      'users.info': (a) => {
        const user = this.users.get(String(a.user));
        return user ? { ok: true, user: { id: user.id, name: user.name, real_name: user.name, profile: { email: user.email } } } : { ok: false, error: 'user_not_found' };
      },
      // Pages of `limit` members (Slack's cursor is opaque; here it is the next index).
      'users.list': (a) => {
        const all = [...this.users.values()];
        const from = Number(a.cursor ?? 0) || 0;
        const to = from + (Number(a.limit) || 200);
        const members = all.slice(from, to).map((u) => ({ id: u.id, name: u.name, deleted: false, is_bot: false, profile: { email: u.email } }));
        return { ok: true, members, response_metadata: { next_cursor: to < all.length ? String(to) : '' } };
      },
      'files.info': (a) => {
        const file = this.files.get(String(a.file));
        return file ? { ok: true, file } : { ok: false, error: 'file_not_found' };
      },
      'users.lookupByEmail': (a) => {
        const user = [...this.users.values()].find((u) => u.email === a.email);
        return user ? { ok: true, user: { id: user.id, name: user.name, profile: { email: user.email } } } : { ok: false, error: 'users_not_found' };
      },
    };
    if (method.startsWith('/response/')) return this.answerResponseUrl(method, args);
    return ANSWERS[method]?.(args) ?? { ok: false, error: 'unknown_method' };
  }

  /**
   * A response_url post: `replace_original` swaps the ephemeral message it came from (keeping its
   * ts); otherwise a new ephemeral message appears. `in_channel` replies are not tracked here.
   */
  private answerResponseUrl(path: string, args: Record<string, unknown>): Record<string, unknown> {
    if (args.response_type === 'in_channel') return { ok: true };
    const replaced = args.replace_original === true ? this.pressedOn.get(path) : undefined;
    this.ephemeral.set(replaced ?? this.ts(), { responseUrl: path, args });
    return { ok: true };
  }

  /** A button press's response_url, bound (as Slack binds it) to the message the button is on. */
  responseUrlForPress(messageTs: string): string {
    const path = `/response/press-${++this.presses}`;
    this.pressedOn.set(path, messageTs);
    return `${this.url}${path}`;
  }

  /** The ephemeral message a response_url post made (the last one through that path). */
  ephemeralFrom(path: string): { ts: string; args: Record<string, unknown> } | undefined {
    const found = [...this.ephemeral].reverse().find(([, m]) => m.responseUrl === path);
    return found ? { ts: found[0], args: found[1].args } : undefined;
  }

  private ts(): string {
    this.nextTs += 1;
    return `${this.nextTs}.000100`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** WebClient posts forms (JSON-encoding nested values) or JSON; response_url posts JSON. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return (parseJson(raw) as Record<string, unknown>) ?? {};
  const out: Record<string, unknown> = {};
  // Only objects and arrays are JSON-encoded in a form; ids and timestamps stay strings.
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? parseJson(v) : v;
  return out;
}
