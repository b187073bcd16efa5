/**
 * The Teams and Slack manifests' command parts are generated from the chat command table, and the
 * Teams manifest is valid against Microsoft's published JSON schema for its version, read offline from
 * the @microsoft/app-manifest package (the schemas v1.10 to v1.30 are in it). The schemas are draft-04:
 * they are checked with ajv-draft-04 and ajv-formats, as that package's own validateAgainstSchema does
 * (the package itself cannot be loaded under jest: it requires an ES-only module).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { commandHints, HINTS_PER_SCOPE } from '../../src/app/command-hints';
import { chatCommandTable, isKnownCommand } from '../../src/app/commands';
import { generatedManifests, SLACK_MANIFEST, slackManifest, TEAMS_MANIFEST, teamsManifest } from '../../scripts/manifests';

const teamsText = readFileSync(TEAMS_MANIFEST, 'utf8');
const teams = JSON.parse(teamsText) as {
  manifestVersion: string;
  $schema: string;
  bots: { supportsFiles: boolean; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
};
const schemaFile = (version: string) =>
  join(require.resolve('@microsoft/app-manifest/package.json'), '..', 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');

/** The schema's errors for a manifest, one line each ([] when it is valid). */
function schemaErrors(manifest: unknown, version = '1.30'): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile(version), 'utf8')) as object);
  return validate(manifest) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** What package-teams puts in the zip: the placeholders filled in. */
const packaged = (text: string) => JSON.parse(text.replaceAll('{{MICROSOFT_APP_ID}}', '3f2504e0-4f89-41d3-9a0c-0305e82c3301').replaceAll('{{BOT_DOMAIN}}', 'twilight.example.org'));

describe('manifests generated from the command table', () => {
  test('the committed manifests are what `npm run manifests` makes (so a new command cannot be forgotten)', () => {
    const generated = generatedManifests();
    expect(teamsText).toBe(generated.teams);
    expect(readFileSync(SLACK_MANIFEST, 'utf8')).toBe(generated.slack);
  });

  test('the manifest as it was (1.17, ten commands) is valid for 1.17 too: the validator reads the version it is given', () => {
    expect(schemaErrors({ ...packaged(teamsText), $schema: undefined, manifestVersion: '1.17', bots: [{ ...packaged(teamsText).bots[0], commandLists: [] }] }, '1.17')).toEqual([]);
  });

  test('the Teams manifest is schema 1.30 and valid against Microsoft\'s JSON schema for 1.30, offline', () => {
    expect(teams.manifestVersion).toBe('1.30');
    expect(teams.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    expect(schemaErrors(packaged(teamsText))).toEqual([]);
  });

  test('the validation is real: a 13th command, an unknown property and a missing field are each refused', () => {
    const tooMany = packaged(teamsText);
    while (tooMany.bots[0].commandLists[0].commands.length < 13) tooMany.bots[0].commandLists[0].commands.push({ title: 'more', description: 'x' });
    expect(schemaErrors(tooMany).join('\n')).toMatch(/must NOT have more than 12 items/);
    const unknown = { ...packaged(teamsText), colour: 'purple' };
    expect(schemaErrors(unknown).join('\n')).toMatch(/must NOT have additional properties/);
    const { accentColor: _accent, ...missing } = packaged(teamsText);
    expect(schemaErrors(missing).join('\n')).toMatch(/accentColor/);
  });

  test('the personal list is the 12 most-used commands, each one the bot understands, with who may use it', () => {
    const personal = teams.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands).toHaveLength(HINTS_PER_SCOPE);
    expect(personal.commands.map((c) => c.title)).toEqual(commandHints('personal').map((h) => h.name));
    expect(personal.commands.map((c) => c.title)).toEqual(expect.arrayContaining(['request cpd', 'log cpd', 'requests', 'year ahead', 'calendar']));
    for (const c of personal.commands) expect(isKnownCommand(c.title)).toBe(true);
    const leadOnly = new Set(chatCommandTable().filter((c) => c.leadOnly).map((c) => c.names[0]));
    for (const c of personal.commands) expect({ title: c.title, lead: c.description.includes('(CPD leads)') }).toEqual({ title: c.title, lead: leadOnly.has(c.title) });
    const team = teams.bots[0]!.commandLists.find((l) => l.scopes.includes('team'))!;
    expect(team.commands.map((c) => c.title)).toEqual(['help']);
  });

  test("Slack's /cpd usage hint names the same commands, with their arguments, and help", () => {
    const slack = parse(readFileSync(SLACK_MANIFEST, 'utf8')) as { features: { slash_commands: { command: string; usage_hint: string }[] } };
    const hint = slack.features.slash_commands.find((c) => c.command === '/cpd')!.usage_hint;
    const names = hint.replace(/^\[|\]$/g, '').split(' | ');
    expect(names.slice(0, HINTS_PER_SCOPE)).toEqual(commandHints('personal').map((h) => (h.argument ? `${h.name} ${h.argument}` : h.name)));
    expect(names).toContain('report <session>');
    expect(names.at(-1)).toBe('help');
    for (const name of names) expect(isKnownCommand(name.replace(/ <.*$/, ''))).toBe(true);
  });

  test('only the command parts are generated: the rest of each manifest (supportsFiles, scopes, events) is kept', () => {
    const current = JSON.parse(teamsText);
    const withFiles = { ...current, bots: [{ ...current.bots[0], supportsFiles: true }], webApplicationInfo: { id: '{{MICROSOFT_APP_ID}}' } };
    const regenerated = teamsManifest(withFiles) as typeof withFiles;
    expect(regenerated.bots[0].supportsFiles).toBe(true);
    expect(regenerated.webApplicationInfo).toEqual({ id: '{{MICROSOFT_APP_ID}}' });
    const slackWithFiles = readFileSync(SLACK_MANIFEST, 'utf8').replace('      - chat:write\n', '      - chat:write\n      - files:read\n');
    expect(slackManifest(slackWithFiles)).toContain('      - files:read\n');
    expect(slackManifest(slackWithFiles)).toBe(slackWithFiles);
  });
});
