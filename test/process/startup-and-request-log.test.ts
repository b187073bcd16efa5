import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** Every JSON log line the process has printed so far. */
function collectLines(child: ChildProcess): LogLine[] {
  const lines: LogLine[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    partial += chunk.toString();
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
  });
  return lines;
}

async function until<T>(what: string, find: () => T | undefined, timeoutMs = 30000): Promise<T> {
  const stop = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > stop) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot process says where it is, and logs one line per inbound activity', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-startup-'));
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('start-up names the address, the /dev page, the store and its data folder; an activity is logged without personal data', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SCHEDULER: 'false', DEV_PAGES: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = collectLines(child);
    const listening = await until('listening line', () => lines.find((l) => /twilight is listening/.test(l.msg)));
    const port = listening.port as number;
    const base = `http://127.0.0.1:${port}`;
    expect(listening.msg).toBe(`twilight is listening on ${base}`);
    await until('dev pages line', () => lines.find((l) => l.msg === `dev pages: ${base}/dev`));
    await until('store line', () => lines.find((l) => l.msg === `store: embedded, data folder ${dataDir}`));

    // A card button pressed by a person Twilight does not know, with what they typed: answered in the HTTP response.
    const activity = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'act-1',
      value: { action: { type: 'Action.Execute', verb: 'questionnaire.submit', data: { questionnaireId: 'q-1', comments: 'help me, I am Hannah Secretname' } }, trigger: 'manual' },
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: '29:hannah-user', name: 'Hannah Secretname', aadObjectId: 'aad-hannah-secret' },
      recipient: { id: '28:bot', name: 'Twilight' },
      conversation: { id: 'a:conversation-secret', conversationType: 'personal', tenantId: 'tenant-x' },
      channelData: { tenant: { id: 'tenant-x' } },
    };
    const answer = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const inbound = await until('inbound line', () => lines.find((l) => l.msg.startsWith('inbound ')));
    expect(inbound).toMatchObject({ level: 30, platform: 'teams', activity: 'invoke', name: 'adaptiveCard/action', verb: 'questionnaire.submit', status: answer.status });
    expect(inbound.msg).toBe(`inbound teams invoke adaptiveCard/action questionnaire.submit ${answer.status}`);
    expect(typeof inbound.ms).toBe('number');
    expect(JSON.stringify(inbound)).not.toMatch(/Secretname|help me|hannah|secret/i);
    await new Promise((r) => setTimeout(r, 300));
    expect(lines.filter((l) => l.msg.startsWith('inbound '))).toHaveLength(1);
  });
});
