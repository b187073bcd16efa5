import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Slack Web API stand-in for load runs: answers what the bot calls after a submission
 * (auth.test, chat.update, chat.postMessage, chat.postEphemeral) and records only a count, so
 * 100,000 calls cost no memory. The test suite's FakeSlackApi records every call instead.
 */
export async function startQuietSlackApi(teamId: string): Promise<{ apiUrl: string; calls: () => number; stop: () => Promise<void> }> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const body = method === 'auth.test' ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: teamId } : { ok: true, channel: 'D1', ts: '1700000000.000100' };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    calls: () => calls,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
