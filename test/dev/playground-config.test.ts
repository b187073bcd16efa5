import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_STAFF_CSV } from '../../src/app/demo/demo-staff';

const root = join(__dirname, '..', '..');
const dir = join(root, 'examples', 'playground');

/** One top-level-or-nested "key: value" of a shipped YAML file (the files are flat enough to read so). */
function field(text: string, section: string, key: string): string | undefined {
  const block = text.slice(text.indexOf(`\n${section}:\n`));
  return new RegExp(`\\n  ${key}: (.+)\\n`).exec(block)?.[1]?.trim();
}

/** Issue 24 item 21: a Playground configuration per named person, each with its own personal chat. */
describe('Agents Playground configurations in examples/playground', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
  const configs = files.map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

  it('ship a teacher, a line manager and the CPD lead of the demo school, and a first lead named on day one, by name and e-mail', () => {
    const people = configs.map((c) => `${field(c.text, 'currentUser', 'name')} <${field(c.text, 'currentUser', 'email')}>`);
    expect(people.sort()).toEqual(['Alex Morgan <alex.morgan@riverside.example>', 'Hannah Okafor <hannah.okafor@riverside.example>', 'Rachel Green <rachel.green@riverside.example>', 'Sam Rivers <sam.rivers@riverside.example>']);
    // The day-one lead is named by e-mail (FIRST_CPD_LEAD_EMAIL, lead add) before any staff list: not a demo person.
    for (const c of configs.filter((c) => c.file !== 'sam-rivers.yml')) expect(DEMO_STAFF_CSV).toContain(`${field(c.text, 'currentUser', 'name')},${field(c.text, 'currentUser', 'email')},`);
    expect(DEMO_STAFF_CSV).not.toContain('sam.rivers@riverside.example');
  });

  it('give each person their own personal chat and identity, so signing in as one never takes over another’s chat', () => {
    const chats = configs.map((c) => field(c.text, 'personalChat', 'id'));
    expect(chats.every((id) => id !== undefined && !id.includes('__'))).toBe(true);
    expect(new Set(chats).size).toBe(configs.length);
    expect(new Set(configs.map((c) => field(c.text, 'currentUser', 'aadObjectId'))).size).toBe(configs.length);
    expect(new Set(configs.map((c) => field(c.text, 'currentUser', 'id'))).size).toBe(configs.length);
  });

  it('are named in the README with the command that uses them', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain('M365_AGENTS_PLAYGROUND_CONFIG_PATH=examples/playground/hannah-okafor.yml');
    for (const c of configs) expect(readme).toContain(`examples/playground/${c.file}`);
  });
});
