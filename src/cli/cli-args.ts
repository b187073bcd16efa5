/** What the operator asked for, parsed from argv (without node and the script). */
export type CliCommand =
  | { kind: 'import-staff'; file: string; tenantId?: string; skipBad: boolean; dryRun: boolean; deactivateMissing: boolean; map?: string }
  | { kind: 'import-programme'; file: string; tenantId?: string; skipBad: boolean; publish: boolean }
  | { kind: 'export'; what: 'responses' | 'records' | 'report' | 'requests'; tenantId?: string; out?: string; year?: string }
  | { kind: 'budget-set'; scope: string; amount: string; year?: string; tenantId?: string }
  | { kind: 'staff-add'; tenantId?: string; fields: Record<string, string> }
  | { kind: 'staff-show' | 'staff-deactivate'; tenantId?: string; email: string }
  | { kind: 'staff-away'; tenantId?: string; email: string; until: string }
  | { kind: 'staff-erase'; tenantId?: string; email: string; confirm: boolean }
  | { kind: 'import-calendar'; file: string; tenantId?: string; dryRun: boolean }
  | { kind: 'calendar-show'; tenantId?: string; year?: number }
  | { kind: 'templates-export'; tenantId?: string; out?: string }
  | { kind: 'templates-import'; tenantId?: string; file: string; dryRun: boolean }
  | { kind: 'tenant-link'; tenantId?: string; platform: 'slack' | 'teams'; platformId: string }
  | { kind: 'tenant-show'; tenantId?: string }
  | { kind: 'tenant-set-min-group-size'; tenantId?: string; value: string }
  | { kind: 'tenant-set-school-cpd-lead'; tenantId?: string; school: string; who: string }
  | { kind: 'programme-publish'; tenantId?: string }
  | { kind: 'retention-sweep' }
  | { kind: 'import-statutory' | 'import-qualifications'; file: string; tenantId?: string; skipBad: boolean }
  | { kind: 'export-governors'; term?: string; tenantId?: string; out?: string }
  | { kind: 'seed-demo' }
  | { kind: 'lead-add'; tenantId?: string; email: string; name?: string }
  | { kind: 'help' };

/** Every command, what it takes, and one example that runs as written (a test parses each). */
export const COMMANDS: readonly { usage: string; example: string[] }[] = [
  { usage: 'import staff FILE.csv [--dry-run] [--skip-bad] [--deactivate-missing] [--map "Heading=field,..."]', example: ['import', 'staff', 'sims-export.csv', '--dry-run'] },
  { usage: 'import programme FILE.csv [--skip-bad] [--publish]', example: ['import', 'programme', 'examples/programme.csv'] },
  { usage: 'import statutory FILE.csv [--skip-bad]   (email, topic, completed, expires)', example: ['import', 'statutory', 'statutory.csv'] },
  { usage: 'import qualifications FILE.csv [--skip-bad]   (email, qualification, started, awarded)', example: ['import', 'qualifications', 'qualifications.csv'] },
  { usage: 'programme publish', example: ['programme', 'publish'] },
  { usage: 'import calendar FILE.ics|FILE.csv [--dry-run]', example: ['import', 'calendar', 'examples/calendar/england-2026-27.ics'] },
  { usage: 'calendar show [--year 2026]', example: ['calendar', 'show', '--year', '2026'] },
  { usage: 'export responses|records|report [--out FILE]', example: ['export', 'report', '--out', 'report.csv'] },
  { usage: 'export governors [--term autumn-2026] [--out FILE]   (the current term without --term)', example: ['export', 'governors', '--term', 'autumn-2026', '--out', 'governors.csv'] },
  { usage: 'export requests [--year 2026-27] [--out FILE]   (CPD requests with costs, for the finance office)', example: ['export', 'requests', '--year', '2026-27', '--out', 'requests.csv'] },
  { usage: 'budget set SCHOOL|trust AMOUNT [--year 2026-27]   (a CPD budget in pounds)', example: ['budget', 'set', 'Oakfield Primary', '4500', '--year', '2026-27'] },
  { usage: 'templates export [--out FILE.json]', example: ['templates', 'export', '--out', 'templates.json'] },
  { usage: 'templates import FILE.json [--dry-run]', example: ['templates', 'import', 'templates.json'] },
  { usage: 'tenant show', example: ['tenant', 'show'] },
  { usage: 'tenant link slack WORKSPACE-ID | tenant link teams ENTRA-TENANT-ID', example: ['tenant', 'link', 'slack', 'T0123ABCD'] },
  { usage: 'tenant set min-group-size N (3 to 25)', example: ['tenant', 'set', 'min-group-size', '5'] },
  { usage: "tenant set school-cpd-lead SCHOOL EMAIL|none (a school's own CPD lead)", example: ['tenant', 'set', 'school-cpd-lead', 'sch-1', 'lee.lead@school.example'] },
  {
    usage: 'staff add --email E --name "N" [--job-title T] [--department D] [--manager EMAIL|NAME] [--role R] [--pathway P] [--school S]',
    example: ['staff', 'add', '--email', 'jo.bloggs@school.org.uk', '--name', 'Jo Bloggs', '--job-title', 'Teacher of Art'],
  },
  { usage: 'lead add EMAIL [--name "N"]   (names a CPD lead; welcomed with "setup" when they first open the bot)', example: ['lead', 'add', 'lee.lead@school.org.uk', '--name', 'Lee Lead'] },
  { usage: 'staff show EMAIL', example: ['staff', 'show', 'jo.bloggs@school.org.uk'] },
  { usage: 'staff deactivate EMAIL', example: ['staff', 'deactivate', 'jo.bloggs@school.org.uk'] },
  { usage: 'staff away EMAIL --until DATE', example: ['staff', 'away', 'jo.bloggs@school.org.uk', '--until', '2027-01-04'] },
  { usage: 'staff erase EMAIL --confirm', example: ['staff', 'erase', 'jo.bloggs@school.org.uk', '--confirm'] },
  { usage: 'retention sweep', example: ['retention', 'sweep'] },
  { usage: 'seed-demo', example: ['seed-demo'] },
  { usage: 'help', example: ['help'] },
];

const quoted = (arg: string) => (/[\s"]/.test(arg) ? `"${arg}"` : arg);

export const USAGE = [
  'Usage: npm run cli -- <command> [--tenant ID]   (the tenant defaults to DEFAULT_TENANT_ID)',
  '',
  ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      e.g. npm run cli -- ${c.example.map(quoted).join(' ')}`]),
  '',
  'Imports, headings and examples: docs/imports.md',
  '',
].join('\n');

const BOOLEAN_FLAGS = new Set(['--skip-bad', '--publish', '--help', '-h', '--dry-run', '--deactivate-missing', '--confirm']);
/** `staff add` flags: each becomes a roster column, so one person is checked like a file row. */
export const STAFF_ADD_FLAGS: Record<string, string> = {
  '--email': 'Email',
  '--name': 'Name',
  '--first-name': 'First Name',
  '--last-name': 'Last Name',
  '--role': 'Role',
  '--job-title': 'Job Title',
  '--department': 'Department',
  '--manager': 'Line Manager',
  '--pathway': 'Pathway',
  '--school': 'School',
};
const VALUE_FLAGS = new Set(['--tenant', '--out', '--map', '--year', '--until', '--term', ...Object.keys(STAFF_ADD_FLAGS)]);

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (BOOLEAN_FLAGS.has(arg)) flags.set(arg, true);
    else if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `${arg} needs a value` };
      flags.set(arg, value);
    } else if (arg.startsWith('-')) return { ok: false, message: `unknown option ${arg}` };
    else positional.push(arg);
  }
  const text = (name: string): string | undefined => {
    const v = flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const tenant = text('--tenant');
  const tenantPart = tenant ? { tenantId: tenant } : {};
  const [verb, noun, file] = positional;
  if (flags.has('--help') || flags.has('-h') || verb === undefined || verb === 'help') return { ok: true, command: { kind: 'help' } };
  if (verb === 'import' && (noun === 'staff' || noun === 'programme')) {
    if (!file) return { ok: false, message: `import ${noun} needs a CSV file` };
    return noun === 'staff'
      ? {
          ok: true,
          command: {
            kind: 'import-staff',
            file,
            skipBad: flags.has('--skip-bad'),
            dryRun: flags.has('--dry-run'),
            deactivateMissing: flags.has('--deactivate-missing'),
            ...tenantPart,
            ...(text('--map') ? { map: text('--map')! } : {}),
          },
        }
      : { ok: true, command: { kind: 'import-programme', file, skipBad: flags.has('--skip-bad'), publish: flags.has('--publish'), ...tenantPart } };
  }
  if (verb === 'import' && (noun === 'statutory' || noun === 'qualifications')) {
    if (!file) return { ok: false, message: `import ${noun} needs a CSV file` };
    return { ok: true, command: { kind: `import-${noun}`, file, skipBad: flags.has('--skip-bad'), ...tenantPart } };
  }
  if (verb === 'export' && noun === 'governors') {
    const out = text('--out');
    const term = text('--term');
    return { ok: true, command: { kind: 'export-governors', ...tenantPart, ...(out ? { out } : {}), ...(term ? { term } : {}) } };
  }
  if (verb === 'export' && (noun === 'responses' || noun === 'records' || noun === 'report' || noun === 'requests')) {
    const out = text('--out');
    const year = text('--year');
    return { ok: true, command: { kind: 'export', what: noun, ...tenantPart, ...(out ? { out } : {}), ...(year ? { year } : {}) } };
  }
  if (verb === 'budget' && noun === 'set') {
    // The school's name may have spaces: every word but the last names it.
    const rest = positional.slice(2);
    const amount = rest.pop();
    if (!amount || rest.length === 0) return { ok: false, message: 'budget set needs a school (or "trust") and an amount' };
    const year = text('--year');
    return { ok: true, command: { kind: 'budget-set', scope: rest.join(' '), amount, ...tenantPart, ...(year ? { year } : {}) } };
  }
  if (verb === 'import' && noun === 'calendar') {
    if (!file) return { ok: false, message: 'import calendar needs a .ics or .csv file' };
    return { ok: true, command: { kind: 'import-calendar', file, dryRun: flags.has('--dry-run'), ...tenantPart } };
  }
  if (verb === 'calendar' && (noun === 'show' || noun === undefined)) {
    const year = text('--year');
    if (year !== undefined && !/^20\d\d$/.test(year)) return { ok: false, message: `--year: "${year}" is not a year like 2026 (the school year 2026-27)` };
    return { ok: true, command: { kind: 'calendar-show', ...tenantPart, ...(year ? { year: Number(year) } : {}) } };
  }
  if (verb === 'programme' && noun === 'publish') return { ok: true, command: { kind: 'programme-publish', ...tenantPart } };
  if (verb === 'templates' && noun === 'export') {
    const out = text('--out');
    return { ok: true, command: { kind: 'templates-export', ...tenantPart, ...(out ? { out } : {}) } };
  }
  if (verb === 'templates' && noun === 'import') {
    if (!file) return { ok: false, message: 'templates import needs a .json file (start from what templates export writes)' };
    return { ok: true, command: { kind: 'templates-import', file, dryRun: flags.has('--dry-run'), ...tenantPart } };
  }
  if (verb === 'tenant' && (noun === 'show' || noun === undefined)) return { ok: true, command: { kind: 'tenant-show', ...tenantPart } };
  if (verb === 'tenant' && noun === 'link') {
    const platformId = positional[3];
    if ((file !== 'slack' && file !== 'teams') || !platformId) return { ok: false, message: 'use: tenant link slack T0123ABCD, or tenant link teams <entra tenant id>' };
    return { ok: true, command: { kind: 'tenant-link', platform: file, platformId, ...tenantPart } };
  }
  if (verb === 'tenant' && noun === 'set') {
    const value = positional[3];
    if (file === 'school-cpd-lead') {
      const who = positional[4];
      if (value === undefined || who === undefined) return { ok: false, message: 'use: tenant set school-cpd-lead SCHOOL EMAIL (or none)' };
      return { ok: true, command: { kind: 'tenant-set-school-cpd-lead', school: value, who, ...tenantPart } };
    }
    if (file !== 'min-group-size' || value === undefined) return { ok: false, message: 'use: tenant set min-group-size N (3 to 25), or tenant set school-cpd-lead SCHOOL EMAIL' };
    return { ok: true, command: { kind: 'tenant-set-min-group-size', value, ...tenantPart } };
  }
  if (verb === 'staff' && noun === 'add') {
    const fields = Object.fromEntries(Object.entries(STAFF_ADD_FLAGS).flatMap(([flag, column]) => (text(flag) !== undefined ? [[column, text(flag)!]] : [])));
    if (!fields.Email) return { ok: false, message: 'staff add needs --email' };
    if (!fields.Name && !fields['First Name'] && !fields['Last Name']) return { ok: false, message: 'staff add needs --name (or --first-name and --last-name)' };
    return { ok: true, command: { kind: 'staff-add', fields, ...tenantPart } };
  }
  if (verb === 'staff' && noun === 'away') {
    const until = text('--until');
    if (!file || !until) return { ok: false, message: 'use: staff away EMAIL --until 2027-01-04 (the day they are back)' };
    return { ok: true, command: { kind: 'staff-away', email: file, until, ...tenantPart } };
  }
  if (verb === 'staff' && noun === 'erase') {
    if (!file) return { ok: false, message: 'use: staff erase EMAIL --confirm' };
    return { ok: true, command: { kind: 'staff-erase', email: file, confirm: flags.has('--confirm'), ...tenantPart } };
  }
  if (verb === 'staff' && (noun === 'show' || noun === 'deactivate')) {
    if (!file) return { ok: false, message: `staff ${noun} needs an e-mail address` };
    return { ok: true, command: { kind: noun === 'show' ? 'staff-show' : 'staff-deactivate', email: file, ...tenantPart } };
  }
  if (verb === 'lead' && noun === 'add') {
    if (!file) return { ok: false, message: 'use: lead add EMAIL [--name "Full Name"]' };
    const name = text('--name');
    return { ok: true, command: { kind: 'lead-add', email: file, ...(name ? { name } : {}), ...tenantPart } };
  }
  if (verb === 'retention' && noun === 'sweep') return { ok: true, command: { kind: 'retention-sweep' } };
  if (verb === 'seed-demo') return { ok: true, command: { kind: 'seed-demo' } };
  return { ok: false, message: `unknown command: ${positional.join(' ')}` };
}
