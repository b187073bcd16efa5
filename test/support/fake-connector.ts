import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service, set as the activities' `serviceUrl`. It records
 * every activity the bot sends or updates, opens 1:1 conversations, serves team rosters page by
 * page, and can be told to fail the next N requests (429 with Retry-After, 403, 503...).
 */

export interface RecordedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST .../activities/{replyToId}) or updated (PUT). */
  activityId?: string;
  /** The id the connector gave the activity. */
  id: string;
  activity: Record<string, unknown> & { type?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
}

export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
}

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

interface PlannedFailure {
  remaining: number;
  status: number;
  headers: Record<string, string>;
}

export class FakeConnector {
  readonly activities: RecordedActivity[] = [];
  readonly conversations: CreatedConversation[] = [];
  /** Every request, failed or not, as "METHOD path". */
  readonly requests: string[] = [];
  private readonly rosters = new Map<string, RosterMember[]>();
  /** Requests taken while hung and never answered, as "METHOD path". */
  readonly hung: string[] = [];
  private failure: PlannedFailure | undefined;
  private hanging = false;
  private hungWaiters: { count: number; resolve: () => void }[] = [];
  private counter = 0;
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The roster served for a team (or any conversation) id. */
  setRoster(conversationId: string, members: RosterMember[]): void {
    this.rosters.set(conversationId, members);
  }

  /** The next `count` requests get `status` with these headers (e.g. `{ 'Retry-After': '1' }`). */
  failNext(count: number, status: number, headers: Record<string, string> = {}): void {
    this.failure = { remaining: count, status, headers };
  }

  /**
   * From now on, read each request and never answer it, as a connector that accepts the
   * connection and then stalls. Nothing is recorded as sent; `stop()` drops the open requests.
   */
  hang(): void {
    this.hanging = true;
  }

  /** Resolves once `count` requests in all have been left hanging. */
  async waitForHung(count: number): Promise<void> {
    if (this.hung.length >= count) return;
    await new Promise<void>((resolve) => this.hungWaiters.push({ count, resolve }));
  }

  /** Answer new requests again (the hung ones stay unanswered: their clients gave up). */
  recover(): void {
    this.hanging = false;
  }

  /** Activities posted to one conversation, oldest first. */
  sentTo(conversationId: string): RecordedActivity[] {
    return this.activities.filter((a) => a.conversationId === conversationId);
  }

  /** The Adaptive Card of a recorded activity. */
  static card(recorded: RecordedActivity | undefined): Record<string, unknown> | undefined {
    return recorded?.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  }

  private nextId(prefix: string): string {
    this.counter++;
    return `${prefix}-${this.counter}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    this.requests.push(`${req.method} ${url.pathname}`);
    if (this.hanging) {
      this.hung.push(`${req.method} ${url.pathname}`);
      this.hungWaiters = this.hungWaiters.filter((w) => (this.hung.length >= w.count ? (w.resolve(), false) : true));
      return;
    }
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    if (this.failure && this.failure.remaining > 0) {
      this.failure.remaining--;
      reply(this.failure.status, { error: { code: 'Planned', message: `planned ${this.failure.status}` } }, this.failure.headers);
      return;
    }
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    // /v3/conversations
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return reply(404, { error: { code: 'NotFound', message: url.pathname } });
    if (parts.length === 2 && req.method === 'POST') {
      const id = this.nextId('a:1to1');
      this.conversations.push({ id, parameters: body });
      return reply(201, { id, serviceUrl: this.url });
    }
    const conversationId = parts[2] as string;
    if (parts[3] === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
      const id = req.method === 'PUT' ? (parts[4] as string) : this.nextId('act');
      this.activities.push({
        method: req.method,
        conversationId,
        ...(parts[4] ? { activityId: parts[4] } : {}),
        id,
        activity: body as RecordedActivity['activity'],
      });
      return reply(200, { id });
    }
    if (parts[3] === 'pagedmembers' && req.method === 'GET') {
      const members = this.rosters.get(conversationId) ?? [];
      const size = Number(url.searchParams.get('pageSize') ?? 200);
      const start = Number(url.searchParams.get('continuationToken') ?? 0);
      const next = start + size < members.length ? String(start + size) : undefined;
      return reply(200, { members: members.slice(start, start + size), ...(next ? { continuationToken: next } : {}) });
    }
    if (parts[3] === 'members' && parts[4] && req.method === 'GET') {
      const member = [...this.rosters.values()].flat().find((m) => m.id === parts[4]);
      return member ? reply(200, member) : reply(404, { error: { code: 'MemberNotFound', message: 'no such member' } });
    }
    return reply(404, { error: { code: 'NotFound', message: url.pathname } });
  }
}

export async function startFakeConnector(): Promise<FakeConnector> {
  return new FakeConnector().start();
}
