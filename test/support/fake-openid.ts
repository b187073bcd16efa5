import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** Signs a JWT with an RSA key (RS256), as the Bot Framework channel signs its tokens. */
export function signRs256(privateKey: KeyObject, header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const unsigned = `${b64({ typ: 'JWT', alg: 'RS256', ...header })}.${b64(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

export const base64url = b64;

/**
 * A loopback stand-in for login.botframework.com: an OpenID document pointing at a key set with
 * one real RSA key (generated here), endorsed for msteams. Counts requests, so tests can see
 * one shared fetch and cached keys. `blackhole()` makes it accept connections and never answer.
 */
export class FakeOpenIdServer {
  readonly kid = 'twilight-test-key';
  readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private silent = false;
  requests: string[] = [];
  /** Connections accepted while blackholed (never answered). */
  heldConnections = 0;
  url = '';

  constructor() {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicJwk = pair.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  blackhole(): void {
    this.silent = true;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      if (this.silent) return;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/v1/.well-known/keys` }));
      else if (req.url === '/v1/.well-known/keys') res.end(JSON.stringify({ keys: [{ ...this.publicJwk, kid: this.kid, use: 'sig', endorsements: ['msteams', 'webchat'] }] }));
      else res.writeHead(404).end('{}');
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      if (this.silent) this.heldConnections++;
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
