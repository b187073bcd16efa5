import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the platforms' file storage (SharePoint for Teams, files.slack.com for Slack) on
 * loopback: serves the files a test puts on it and records every request, so a test can show a
 * refused host was never asked. `requireToken` makes it answer 401 without that bearer token.
 */
export class LocalFileHost {
  readonly requests: { path: string; authorization?: string }[] = [];
  private readonly files = new Map<string, Uint8Array>();
  private server: Server | undefined;
  url = '';

  constructor(private readonly requireToken?: string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0]!;
      this.requests.push({ path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (this.requireToken && req.headers.authorization !== `Bearer ${this.requireToken}`) {
        res.writeHead(401).end();
        return;
      }
      const body = this.files.get(path);
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) });
      res.end(Buffer.from(body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Puts a file at `path`; returns its address on this host. */
  put(path: string, content: string | Uint8Array): string {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return `${this.url}${path}`;
  }

  /** The same file as seen through a host name the allow-list does not name. */
  elsewhere(path: string): string {
    return `${this.url.replace('127.0.0.1', 'localhost')}${path}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** Only the loopback file host is allowed, as FILE_HOSTS would name SharePoint and files.slack.com. */
export const TEST_FILE_LIMITS = { allowedHosts: ['127.0.0.1'], maxBytes: 50_000, timeoutMs: 5_000 };

/** A staff list as an MIS exports it: three new people, a line manager named by name. */
export const GOOD_ROSTER = [
  'First Name,Surname,E-mail,Job Title,Department,Line Manager',
  'Dawn,Cooper,dawn.cooper@school.example,Deputy Head,Leadership,',
  'Ravi,Kumar,ravi.kumar@school.example,Teacher of Maths,Maths,Dawn Cooper',
  'Ella,Ward,ella.ward@school.example,Teacher of English,English,Dawn Cooper',
].join('\r\n');

/** The same list with a broken e-mail on row 3 and a line manager nobody is called on row 4. */
export const BAD_ROSTER = [
  'First Name,Surname,E-mail,Job Title,Department,Line Manager',
  'Dawn,Cooper,dawn.cooper@school.example,Deputy Head,Leadership,',
  'Ravi,Kumar,ravi.kumar-at-school.example,Teacher of Maths,Maths,Dawn Cooper',
  'Ella,Ward,ella.ward@school.example,Teacher of English,English,Dawn Kooper',
].join('\r\n');
