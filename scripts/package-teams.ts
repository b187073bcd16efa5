import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';

/**
 * Builds the Teams app package (dist/teams-app.zip): manifest.json with the bot's app id and
 * domain filled in, plus the two icons. Usage:
 *   MICROSOFT_APP_ID=<guid> BOT_DOMAIN=twilight.example.org npm run package:teams
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$|^localhost$/i;
const ICONS = ['color.png', 'outline.png'] as const;

export interface PackageOptions {
  appId: string;
  botDomain: string;
  manifestDir: string;
  outFile: string;
}

export type PackageResult = { ok: true; outFile: string; bytes: number } | { ok: false; errors: string[] };

export function checkOptions(appId: string | undefined, botDomain: string | undefined): string[] {
  const errors: string[] = [];
  if (!appId) errors.push('MICROSOFT_APP_ID is required (the Azure Bot / Entra app id).');
  else if (!GUID.test(appId)) errors.push(`MICROSOFT_APP_ID must be a GUID, got "${appId}".`);
  if (!botDomain) errors.push('BOT_DOMAIN is required (the host name the bot is served from, e.g. twilight.example.org).');
  else if (!DOMAIN.test(botDomain)) errors.push(`BOT_DOMAIN must be a host name without scheme or path, got "${botDomain}".`);
  return errors;
}

export async function packageTeamsApp(options: PackageOptions): Promise<PackageResult> {
  const errors = checkOptions(options.appId, options.botDomain);
  if (errors.length > 0) return { ok: false, errors };
  const template = await readFile(join(options.manifestDir, 'manifest.json'), 'utf8');
  const manifest = template.replaceAll('{{MICROSOFT_APP_ID}}', options.appId).replaceAll('{{BOT_DOMAIN}}', options.botDomain);
  const left = manifest.match(/\{\{[A-Z_]+\}\}/g);
  if (left) return { ok: false, errors: [`manifest.json has placeholders with no value: ${[...new Set(left)].join(', ')}`] };
  JSON.parse(manifest); // a broken template fails here, not in Teams' upload dialog
  const zip = new JSZip();
  zip.file('manifest.json', manifest);
  for (const icon of ICONS) zip.file(icon, await readFile(join(options.manifestDir, icon)));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await mkdir(dirname(options.outFile), { recursive: true });
  await writeFile(options.outFile, bytes);
  return { ok: true, outFile: options.outFile, bytes: bytes.length };
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const result = await packageTeamsApp({
    appId: process.env.MICROSOFT_APP_ID ?? '',
    botDomain: process.env.BOT_DOMAIN ?? '',
    manifestDir: join(root, 'manifest', 'teams'),
    outFile: join(root, 'dist', 'teams-app.zip'),
  });
  if (!result.ok) {
    for (const error of result.errors) console.error(error);
    process.exitCode = 1;
    return;
  }
  console.log(`wrote ${result.outFile} (${result.bytes} bytes)`);
}

if (require.main === module) void main();
