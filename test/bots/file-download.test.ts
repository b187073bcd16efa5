import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadFile, hostAllowed } from '../../src/bots/file-download';

/**
 * The one way files sent to the bot are fetched, against a local HTTP server: allowed hosts only
 * (each redirect checked, the token never sent elsewhere), within the size and time limits.
 */
describe('downloading a file sent to the bot (a local file host on loopback)', () => {
  let server: Server;
  let base = '';
  const seen: { path: string; authorization?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
      if (req.url === '/hang') return; // never answers
      if (req.url === '/to-elsewhere') return void res.writeHead(302, { location: base.replace('127.0.0.1', 'localhost') + '/file' }).end();
      if (req.url === '/to-same') return void res.writeHead(302, { location: '/file' }).end();
      if (req.url === '/chunked') {
        // No Content-Length: the limit must be kept while reading.
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 20; i++) res.write('x'.repeat(1000));
        return void res.end();
      }
      if (req.url === '/missing') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/csv' }).end('Email,Name\r\na@b.example,A\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const limits = { allowedHosts: ['127.0.0.1'], maxBytes: 10_000, timeoutMs: 2_000 };

  it('matches host names exactly or as *.domain, never a look-alike', () => {
    expect(hostAllowed('school-my.sharepoint.com', ['*.sharepoint.com'])).toBe(true);
    expect(hostAllowed('sharepoint.com.evil.example', ['*.sharepoint.com'])).toBe(false);
    expect(hostAllowed('evilsharepoint.com', ['*.sharepoint.com'])).toBe(false);
    expect(hostAllowed('FILES.SLACK.COM', ['files.slack.com'])).toBe(true);
    expect(hostAllowed('files.slack.com.evil.example', ['files.slack.com'])).toBe(false);
  });

  it('fetches from an allowed host, following a redirect on that host with the token', async () => {
    const got = await downloadFile(`${base}/to-same`, limits, { authorization: 'Bearer xoxb-secret' });
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe('Email,Name\r\na@b.example,A\r\n');
    expect(seen.slice(-2)).toEqual([
      { path: '/to-same', authorization: 'Bearer xoxb-secret' },
      { path: '/file', authorization: 'Bearer xoxb-secret' },
    ]);
  });

  it('refuses a redirect to a host not allowed, without following it', async () => {
    const before = seen.length;
    const got = await downloadFile(`${base}/to-elsewhere`, limits, { authorization: 'Bearer xoxb-secret' });
    expect(got).toEqual({ ok: false, message: expect.stringContaining('this one is at localhost') });
    expect(seen.length).toBe(before + 1);
  });

  it('refuses plain HTTP to anything but loopback, and a host not allowed, before any request', async () => {
    expect(await downloadFile('http://files.slack.com/x.csv', { ...limits, allowedHosts: ['files.slack.com'] })).toEqual({ ok: false, message: expect.stringContaining('this one is at files.slack.com') });
    expect(await downloadFile('https://evil.example/x.csv', limits)).toEqual({ ok: false, message: expect.stringContaining('this one is at evil.example') });
    expect(await downloadFile('not a url', limits)).toEqual({ ok: false, message: 'That file came without an address I can read. Please send it again.' });
  });

  it('stops reading past the size limit even without a Content-Length, and says why', async () => {
    expect(await downloadFile(`${base}/chunked`, limits)).toEqual({ ok: false, message: expect.stringContaining('larger than 10 kB') });
  });

  it('gives up after the time limit on a host that never answers', async () => {
    const started = Date.now();
    const got = await downloadFile(`${base}/hang`, { ...limits, timeoutMs: 200 });
    expect(got).toEqual({ ok: false, message: 'Fetching that file took longer than a second, so I stopped. Please send it again.' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('says so when the file store refuses', async () => {
    expect(await downloadFile(`${base}/missing`, limits)).toEqual({ ok: false, message: 'I could not fetch that file (the file store answered 404). Please send it again.' });
  });
});
