import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { isKnownCommand } from '../../../src/app/commands';
import JSZip from 'jszip';
import { packageTeamsApp } from '../../../scripts/package-teams';

const ROOT = join(__dirname, '..', '..', '..');
const MANIFEST_DIR = join(ROOT, 'manifest', 'teams');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

interface Png {
  width: number;
  height: number;
  rgba: Buffer;
}

/** Reads an 8-bit RGBA, non-interlaced PNG (what the icons are) without a image library. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  // The icons are written with filter 0 on every row.
  for (let y = 0; y < height; y++) raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  return { width, height, rgba };
}

describe('Teams app package (manifest/teams, scripts/package-teams.ts)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'teams-pkg-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes a zip with the manifest (app id and domain filled in) and both icons', async () => {
    const outFile = join(dir, 'teams-app.zip');
    const result = await packageTeamsApp({ appId: APP_ID, botDomain: 'twilight.example.org', manifestDir: MANIFEST_DIR, outFile });
    expect(result).toMatchObject({ ok: true, outFile });
    const zip = await JSZip.loadAsync(await readFile(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const text = await zip.file('manifest.json')!.async('string');
    expect(text).not.toContain('{{');
    const manifest = JSON.parse(text);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['twilight.example.org']);
  });

  it('the manifest keeps within the Teams schema’s limits', async () => {
    const manifest = JSON.parse(await readFile(join(MANIFEST_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.accentColor).toMatch(/^#[0-9A-Fa-f]{6}$/);
    const bot = manifest.bots[0];
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    // A lead attaches the staff list, programme or calendar in the personal chat.
    expect(bot.supportsFiles).toBe(true);
    for (const list of bot.commandLists) {
      expect(list.commands.length).toBeLessThanOrEqual(12);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect(c.description.length).toBeLessThanOrEqual(128);
      }
    }
    // Every command Teams suggests is one the bot understands (not one that falls through to help).
    const titles: string[] = bot.commandLists[0].commands.map((c: { title: string }) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['sessions', 'my cpd', 'tasks', 'new session', 'report', 'register']));
    expect(titles.filter((t) => !isKnownCommand(t))).toEqual([]);
  });

  it('icons: colour 192×192; outline 32×32, white on transparent only', async () => {
    const color = readPng(await readFile(join(MANIFEST_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(await readFile(join(MANIFEST_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    for (let i = 0; i < outline.rgba.length; i += 4) {
      const [r, g, b, a] = outline.rgba.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
    }
  });

  it('refuses a missing or malformed app id, and the CLI says which variable is wrong', async () => {
    const bad = await packageTeamsApp({ appId: 'not-a-guid', botDomain: 'https://x/', manifestDir: MANIFEST_DIR, outFile: join(dir, 'x.zip') });
    expect(bad).toEqual({ ok: false, errors: [expect.stringContaining('MICROSOFT_APP_ID must be a GUID'), expect.stringContaining('BOT_DOMAIN')] });
    const run = promisify(execFile);
    const cli = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'package-teams.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(cli).toMatchObject({ code: 1, stderr: expect.stringContaining('MICROSOFT_APP_ID is required') });
  });
});
