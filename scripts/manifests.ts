import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandHints, type CommandHint } from '../src/app/command-hints';

/**
 * The command parts of the Teams and Slack manifests, generated from the chat command table
 * (src/app/commands.ts, through src/app/command-hints.ts). Only those parts are written: the rest of
 * each manifest (scopes, supportsFiles, events) is kept as it is in the file.
 *   npm run manifests            rewrite manifest/teams/manifest.json and manifest/slack/manifest.yml
 *   npm run manifests -- --check exit 1 if either is not what the command table makes
 */

export const TEAMS_MANIFEST_VERSION = '1.30';
const root = resolve(__dirname, '..');
export const TEAMS_MANIFEST = join(root, 'manifest', 'teams', 'manifest.json');
export const SLACK_MANIFEST = join(root, 'manifest', 'slack', 'manifest.yml');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const title = (hint: CommandHint) => hint.name;
const teamsDescription = (hint: CommandHint) => (hint.argument ? `${hint.description}: ${hint.name} ${hint.argument}` : hint.description);

/** The Teams manifest with its schema version and the bot's command lists from the command table. */
export function teamsManifest(current: { [key: string]: Json }): { [key: string]: Json } {
  const bots = (current.bots as { [key: string]: Json }[]).map((bot) => ({
    ...bot,
    commandLists: [
      { scopes: ['personal'], commands: commandHints('personal').map((h) => ({ title: title(h), description: teamsDescription(h) })) },
      { scopes: ['team', 'groupChat'], commands: commandHints('team').map((h) => ({ title: title(h), description: teamsDescription(h) })) },
    ],
  }));
  return {
    ...current,
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: TEAMS_MANIFEST_VERSION,
    bots,
  };
}

/** Slack's `/cpd` usage hint: the same most-used commands, with their arguments. */
export function slackUsageHint(): string {
  const names = commandHints('personal').map((h) => (h.argument ? `${h.name} ${h.argument}` : h.name));
  if (!names.includes('help')) names.push('help');
  return `[${names.join(' | ')}]`;
}

export function slackManifest(current: string): string {
  const line = /^(\s+usage_hint: ).*$/m;
  if (!line.test(current)) throw new Error('manifest/slack/manifest.yml has no usage_hint line for /cpd');
  return current.replace(line, `$1${JSON.stringify(slackUsageHint())}`);
}

/** JSON in the manifest's own layout: short arrays and each command on one line, the rest indented. */
export function formatJson(value: Json, indent = ''): string {
  const inner = `${indent}  `;
  const primitive = (v: Json) => v === null || typeof v !== 'object';
  const flat = (v: Json): boolean => primitive(v) || (!Array.isArray(v) && Object.values(v).every(primitive)) || (Array.isArray(v) && v.every(primitive));
  const oneLine = (v: Json): string =>
    primitive(v) ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(oneLine).join(', ')}]` : `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(', ')} }`;
  if (primitive(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.every(primitive) || (value.length === 1 && flat(value[0]!))) return oneLine(value);
    return `[\n${value.map((v) => `${inner}${flat(v) ? oneLine(v) : formatJson(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  return `{\n${Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

export function generatedManifests(): { teams: string; slack: string } {
  const teams = teamsManifest(JSON.parse(readFileSync(TEAMS_MANIFEST, 'utf8')) as { [key: string]: Json });
  return { teams: `${formatJson(teams)}\n`, slack: slackManifest(readFileSync(SLACK_MANIFEST, 'utf8')) };
}

function main(): void {
  const { teams, slack } = generatedManifests();
  const stale = [
    [TEAMS_MANIFEST, teams],
    [SLACK_MANIFEST, slack],
  ].filter(([file, text]) => readFileSync(file!, 'utf8') !== text);
  if (process.argv.includes('--check')) {
    for (const [file] of stale) console.error(`${file} is not what the command table makes: run npm run manifests`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  for (const [file, text] of stale) writeFileSync(file!, text!);
  console.log(stale.length > 0 ? `wrote ${stale.map(([file]) => file).join(', ')}` : 'manifests already up to date');
}

if (require.main === module) main();
