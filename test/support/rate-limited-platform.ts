import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageSender, SendResult } from '../../src/app/outbound';
import type { Delivery, Platform, Staff } from '../../src/domain';
import { DOCUMENTED_LIMITS, type PlatformLimits, type Window } from '../../src/scheduler/send/rate-limits';

/**
 * A local HTTP stand-in for the Teams connector / Slack Web API that enforces the documented
 * sliding-window limits (per app per tenant, per conversation) with 429 + Retry-After, injects
 * some 429s and 5xx of its own, and records every message it accepted.
 */
export interface RateLimitedPlatform {
  url: string;
  /** Accepted messages per recipient: more than one is a duplicate. */
  received: Map<string, number>;
  stats: { accepted: number; limited: number; injected429: number; injected5xx: number; firstAt?: number; lastAt?: number };
  /** The same per tenant (its own 50/s on Teams): accepted, 429s, first and last accepted. */
  byTenant: Map<string, { accepted: number; limited: number; firstAt: number; lastAt: number }>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  limits?: Record<Platform, PlatformLimits>;
  inject429Rate?: number;
  inject5xxRate?: number;
  random?: () => number;
}

class Windows {
  private readonly log = new Map<string, number[]>();
  /** ms until a request fits every window, or 0 (and then it is counted). */
  admit(keys: { key: string; windows: Window[] }[], now: number): number {
    let wait = 0;
    for (const { key, windows } of keys) {
      const times = this.log.get(key) ?? [];
      for (const w of windows) {
        const inWindow = times.filter((t) => t > now - w.perMs);
        if (inWindow.length >= w.count) wait = Math.max(wait, inWindow[inWindow.length - w.count]! + w.perMs - now);
      }
    }
    if (wait > 0) return wait;
    for (const { key, windows } of keys) {
      const longest = Math.max(...windows.map((w) => w.perMs));
      const times = (this.log.get(key) ?? []).filter((t) => t > now - longest);
      times.push(now);
      this.log.set(key, times);
    }
    return 0;
  }
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

export async function startRateLimitedPlatform(options: PlatformOptions = {}): Promise<RateLimitedPlatform> {
  const limits = options.limits ?? DOCUMENTED_LIMITS;
  const random = options.random ?? Math.random;
  const windows = new Windows();
  const received = new Map<string, number>();
  const stats: RateLimitedPlatform['stats'] = { accepted: 0, limited: 0, injected429: 0, injected5xx: 0 };
  const byTenant: RateLimitedPlatform['byTenant'] = new Map();
  const tenantStats = (tenantId: string, now: number) => {
    const t = byTenant.get(tenantId) ?? { accepted: 0, limited: 0, firstAt: now, lastAt: now };
    byTenant.set(tenantId, t);
    return t;
  };
  let seq = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const platform = (req.url ?? '').split('/')[1] as Platform;
      const body = await bodyOf(req);
      const reply = (status: number, payload: object, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      if (random() < (options.inject429Rate ?? 0)) {
        stats.injected429++;
        return reply(429, { error: 'throttled (injected)' }, { 'retry-after': '1' });
      }
      if (random() < (options.inject5xxRate ?? 0)) {
        stats.injected5xx++;
        return reply(503, { error: 'unavailable (injected)' });
      }
      const now = Date.now();
      const wait = windows.admit(
        [
          { key: `${platform}|${body.tenantId}`, windows: limits[platform].app },
          { key: `${platform}|${body.tenantId}|${body.recipientId}`, windows: limits[platform].conversation },
        ],
        now,
      );
      if (wait > 0) {
        stats.limited++;
        tenantStats(body.tenantId ?? '', now).limited++;
        return reply(429, { error: 'throttled' }, { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
      }
      stats.accepted++;
      stats.firstAt ??= now;
      stats.lastAt = now;
      const t = tenantStats(body.tenantId ?? '', now);
      t.accepted++;
      t.lastAt = now;
      received.set(body.recipientId!, (received.get(body.recipientId!) ?? 0) + 1);
      reply(201, { id: `msg-${++seq}`, conversationId: `conv-${body.recipientId}` });
    })();
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stats,
    byTenant,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a kill switch saw: sends whose request had left when the process "died". */
export interface KillSwitch {
  afterSends: number;
  killed: boolean;
  inFlightAtKill: number;
  /** Shared by every sender of the "process": requests sent, answers not yet handled. */
  outstanding?: number;
  accepted?: number;
}

/** A MessageSender that speaks HTTP to the fake, as the real Teams and Slack senders speak to theirs. */
export class HttpPlatformSender implements MessageSender {
  constructor(
    readonly platform: Platform,
    private readonly baseUrl: string,
    private readonly kill?: KillSwitch,
    /** Its request gives up after this, as the real senders' clients do; under the dispatcher's lease budget. */
    readonly maxSendMs = 10_000,
  ) {}

  canReach(recipient: Staff): boolean {
    return this.platform === 'teams' ? recipient.teams !== undefined : recipient.slack !== undefined;
  }

  async send(recipient: Staff, _message: unknown, delivery: Delivery): Promise<SendResult> {
    if (this.kill?.killed) return new Promise<never>(() => undefined);
    this.track(+1);
    try {
      const res = await this.post(`${this.baseUrl}/${this.platform}/send`, JSON.stringify({ tenantId: delivery.tenantId, recipientId: recipient.id, deliveryId: delivery.id }));
      const payload = JSON.parse(res.body || '{}') as { id?: string; conversationId?: string; error?: string };
      if (this.kill?.killed) return new Promise<never>(() => undefined);
      if (res.status === 201) {
        if (this.kill && (this.kill.accepted = (this.kill.accepted ?? 0) + 1) >= this.kill.afterSends) {
          // The process dies now: requests already on the wire may land, none of their answers are recorded.
          this.kill.killed = true;
          this.kill.inFlightAtKill = this.kill.outstanding ?? 0;
          return new Promise<never>(() => undefined);
        }
        return { status: 'sent', messageId: payload.id!, conversationId: payload.conversationId! };
      }
      if (res.status === 429) return { status: 'throttled', retryAfterMs: Number(res.retryAfter ?? '1') * 1000 };
      if (res.status === 404) return { status: 'unreachable', reason: 'no conversation' };
      return { status: 'failed', transient: res.status >= 500, reason: `HTTP ${res.status}: ${payload.error ?? ''}` };
    } finally {
      this.track(-1);
    }
  }

  /**
   * node:http on a keep-alive agent rather than fetch: in the broadcast benches the sender, the
   * fake and the dispatcher share one process, and fetch's streams were a fifth of its CPU per message.
   */
  private readonly agent = new Agent({ keepAlive: true });

  private post(url: string, body: string): Promise<{ status: number; body: string; retryAfter?: string }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }, signal: AbortSignal.timeout(this.maxSendMs) }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ...(typeof res.headers['retry-after'] === 'string' ? { retryAfter: res.headers['retry-after'] } : {}) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  private track(delta: number): void {
    if (this.kill) this.kill.outstanding = (this.kill.outstanding ?? 0) + delta;
  }

  async update(): Promise<SendResult> {
    return { status: 'failed', transient: false, reason: 'not supported by the fake' };
  }
}
