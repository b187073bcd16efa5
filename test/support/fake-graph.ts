import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Microsoft Graph's Teams app installation, answering as Graph does:
 * GET /appCatalogs/teamsApps?$filter=externalId eq '...' lists the app; POST
 * /users/{id}/teamwork/installedApps answers 201 (installed), 409 (already installed), or what
 * the test plans (403 without the permission, 429 with Retry-After). After a 201 it tells the bot,
 * as Teams does, through `onInstalled` (the test posts the conversationUpdate).
 */
export interface GraphRequest {
  method: string;
  path: string;
  /** On the test's clock. */
  at: number;
  status: number;
}

export class FakeGraph {
  readonly requests: GraphRequest[] = [];
  /** Users the app is installed for (Entra object ids). */
  readonly installedFor = new Set<string>();
  /** Every request gets this while set (e.g. 403 for a deployment without the permission). */
  refuseWith: { status: number; headers?: Record<string, string> } | undefined;
  private planned: { remaining: number; status: number; headers: Record<string, string> } | undefined;
  private server: Server | undefined;
  url = '';

  constructor(
    private readonly options: {
      token: string;
      manifestId: string;
      catalogId: string;
      now: () => number;
      onInstalled: (userAadId: string) => Promise<void>;
    },
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `count` requests get `status` (e.g. 429 with `{ 'Retry-After': '2' }`). */
  failNext(count: number, status: number, headers: Record<string, string> = {}): void {
    this.planned = { remaining: count, status, headers };
  }

  installs(): GraphRequest[] {
    return this.requests.filter((r) => r.method === 'POST');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      this.requests.push({ method: req.method ?? '', path: url.pathname, at: this.options.now(), status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const error = (status: number, code: string, headers: Record<string, string> = {}) => reply(status, { error: { code, message: `${code} (fake Graph)` } }, headers);
    if (req.headers.authorization !== `Bearer ${this.options.token}`) return error(401, 'InvalidAuthenticationToken');
    if (this.refuseWith) return error(this.refuseWith.status, this.refuseWith.status === 403 ? 'Forbidden' : 'TooManyRequests', this.refuseWith.headers);
    if (this.planned && this.planned.remaining > 0) {
      this.planned.remaining--;
      return error(this.planned.status, this.planned.status === 429 ? 'TooManyRequests' : 'Planned', this.planned.headers);
    }
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (req.method === 'GET' && parts[1] === 'appCatalogs' && parts[2] === 'teamsApps') {
      const wanted = /externalId eq '([^']*)'/.exec(url.searchParams.get('$filter') ?? '')?.[1];
      const apps = wanted === this.options.manifestId ? [{ id: this.options.catalogId, externalId: wanted, distributionMethod: 'organization' }] : [];
      return reply(200, { value: apps });
    }
    if (req.method === 'POST' && parts[1] === 'users' && parts[3] === 'teamwork' && parts[4] === 'installedApps') {
      const userAadId = parts[2] as string;
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      if (body['teamsApp@odata.bind'] !== `${this.url}/appCatalogs/teamsApps/${this.options.catalogId}`) return error(400, 'BadRequest');
      if (this.installedFor.has(userAadId)) return error(409, 'Conflict');
      this.installedFor.add(userAadId);
      reply(201);
      // Teams tells the bot a moment later, as its own request.
      setImmediate(() => void this.options.onInstalled(userAadId));
      return;
    }
    return error(404, 'NotFound');
  }
}
