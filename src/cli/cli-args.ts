import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the operator asked for, parsed from argv (without node and the script). */
export type CliCommand =
  | { kind: 'import-staff'; file: string; tenantId?: string; skipBad: boolean; dryRun: boolean; deactivateMissing: boolean; map?: string }
  | { kind: 'import-programme'; file: string; tenantId?: string; skipBad: boolean; publish: boolean }
  | { kind: 'export'; what: 'responses' | 'records' | 'report' | 'requests'; tenantId?: string; out?: string; year?: string }
  | { kind: 'budget-set'; scope: string; amount: string; year?: string; tenantId?: string }
  | { kind: 'staff-add'; tenantId?: string; fields: Record<string, string> }
  | { kind: 'staff-show' | 'staff-deactivate'; tenantId?: string; email: string }
  | { kind: 'staff-away'; tenantId?: string; email: string; until: string }
  | { kind: 'staff-mentor'; tenantId?: string; person: string; role: string; mentor: string }
  | { kind: 'programmes-export'; tenantId?: string; out?: string }
  | { kind: 'programmes-import'; tenantId?: string; file: string; dryRun: boolean }
  | { kind: 'staff-erase'; tenantId?: string; email: string; confirm: boolean }
  | { kind: 'import-calendar'; file: string; tenantId?: string; dryRun: boolean }
  | { kind: 'calendar-show'; tenantId?: string; year?: number }
  | { kind: 'templates-export'; tenantId?: string; out?: string }
  | { kind: 'templates-import'; tenantId?: string; file: string; dryRun: boolean }
  | { kind: 'tenant-link'; tenantId?: string; platform: 'slack' | 'teams'; platformId: string; also?: boolean }
  | { kind: 'tenant-show'; tenantId?: string }
  | { kind: 'settings-show' | 'settings-history'; tenantId?: string }
  | { kind: 'settings-set'; tenantId?: string; key: string; value: string }
  | { kind: 'tenant-set-school-cpd-lead'; tenantId?: string; school: string; who: string }
  | { kind: 'programme-publish'; tenantId?: string }
  | { kind: 'retention-sweep' }
  | { kind: 'cosmos-move-to-answers' }
  | { kind: 'import-statutory' | 'import-qualifications'; file: string; tenantId?: string; skipBad: boolean }
  | { kind: 'export-governors'; term?: string; year?: string; school?: string; tenantId?: string; out?: string }
  | { kind: 'export-providers'; provider?: string; format: 'csv' | 'md'; year?: string; tenantId?: string; out?: string }
  | { kind: 'seed-demo' }
  | { kind: 'lead-add'; tenantId?: string; email: string; name?: string }
  | { kind: 'status'; tenantId?: string }
  /** `help`, `--help`, or `<command> --help` (then `topic` is that command's usage, words and all). */
  | { kind: 'help'; topic?: string }
  | { kind: 'version' };

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

/** One option of a command: `--name VALUE` (string) or `--name` (boolean), with its line in the help. */
export interface CliOption {
  type: 'string' | 'boolean';
  /** The value's placeholder in the help (string options). */
  value?: string;
  help: string;
}

type Values = Record<string, string | boolean | undefined>;
type TenantPart = { tenantId?: string };

/**
 * One command. To add one: an entry in COMMANDS below (its words, usage, options and an example that
 * parses), a `kind` in CliCommand, and its case in run-cli.ts. `--tenant` and `--help` come with every command.
 */
export interface CliCommandSpec {
  /** The words that name it (`['import', 'staff']`); the longest match wins. */
  words: readonly string[];
  /** Other words that name it too (`['calendar']` for `calendar show`). */
  alias?: readonly string[];
  usage: string;
  summary: string;
  options?: Readonly<Record<string, CliOption>>;
  /** One example that runs as written (a test parses each). */
  example: string[];
  /** Turns the positionals after the words, and the option values, into the command. */
  build(positionals: string[], values: Values, tenant: TenantPart): ParsedArgs;
}

/** `staff add` flags: each becomes a roster column, so one person is checked like a file row. */
export const STAFF_ADD_FLAGS: Record<string, string> = {
  email: 'Email',
  name: 'Name',
  'first-name': 'First Name',
  'last-name': 'Last Name',
  role: 'Role',
  'job-title': 'Job Title',
  department: 'Department',
  manager: 'Line Manager',
  pathway: 'Pathway',
  school: 'School',
};

const ok = (command: CliCommand): ParsedArgs => ({ ok: true, command });
const fail = (message: string): ParsedArgs => ({ ok: false, message });
const text = (values: Values, name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
const flag = (values: Values, name: string): boolean => values[name] === true;
/** `{ key: value }` when the value is given, `{}` when not (the command types have optional fields). */
const some = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

const SKIP_BAD: CliOption = { type: 'boolean', help: 'import the good rows and list the bad ones (otherwise a bad row stops the import)' };
const DRY_RUN: CliOption = { type: 'boolean', help: 'print what would change; write nothing' };
const OUT: CliOption = { type: 'string', value: 'FILE', help: 'write to FILE (otherwise to the terminal)' };

export const COMMANDS: readonly CliCommandSpec[] = [
  {
    words: ['import', 'staff'],
    usage: 'import staff FILE.csv [--dry-run] [--skip-bad] [--deactivate-missing] [--map "Heading=field,..."]',
    summary: 'Import the staff list: a CSV of your own, or a SIMS, Arbor, Bromcom, iSAMS, Entra ID or Google Workspace export as it is.',
    options: {
      'dry-run': DRY_RUN,
      'skip-bad': SKIP_BAD,
      'deactivate-missing': { type: 'boolean', help: 'deactivate the staff who are not in the file (a leaver list)' },
      map: { type: 'string', value: '"Heading=field,..."', help: 'read a column the importer does not recognise as a field (or "ignore" it)' },
    },
    example: ['import', 'staff', 'sims-export.csv', '--dry-run'],
    build: ([file], values, tenant) =>
      file
        ? ok({ kind: 'import-staff', file, skipBad: flag(values, 'skip-bad'), dryRun: flag(values, 'dry-run'), deactivateMissing: flag(values, 'deactivate-missing'), ...tenant, ...some('map', text(values, 'map')) })
        : fail('import staff needs a CSV file'),
  },
  {
    words: ['import', 'programme'],
    usage: 'import programme FILE.csv [--skip-bad] [--publish]',
    summary: "Import the year's sessions (London local times); new sessions are drafts until published.",
    options: { 'skip-bad': SKIP_BAD, publish: { type: 'boolean', help: 'publish the new sessions at once (invitations go out at the next allowed time)' } },
    example: ['import', 'programme', 'examples/programme.csv'],
    build: ([file], values, tenant) =>
      file ? ok({ kind: 'import-programme', file, skipBad: flag(values, 'skip-bad'), publish: flag(values, 'publish'), ...tenant }) : fail('import programme needs a CSV file'),
  },
  {
    words: ['import', 'statutory'],
    usage: 'import statutory FILE.csv [--skip-bad]   (email, topic, completed, expires)',
    summary: 'Import statutory training records (dates as YYYY-MM-DD).',
    options: { 'skip-bad': SKIP_BAD },
    example: ['import', 'statutory', 'statutory.csv'],
    build: ([file], values, tenant) => (file ? ok({ kind: 'import-statutory', file, skipBad: flag(values, 'skip-bad'), ...tenant }) : fail('import statutory needs a CSV file')),
  },
  {
    words: ['import', 'qualifications'],
    usage: 'import qualifications FILE.csv [--skip-bad]   (email, qualification, started, awarded)',
    summary: 'Import qualifications (NPQs and the like) in progress or awarded.',
    options: { 'skip-bad': SKIP_BAD },
    example: ['import', 'qualifications', 'qualifications.csv'],
    build: ([file], values, tenant) => (file ? ok({ kind: 'import-qualifications', file, skipBad: flag(values, 'skip-bad'), ...tenant }) : fail('import qualifications needs a CSV file')),
  },
  {
    words: ['programme', 'publish'],
    usage: 'programme publish',
    summary: 'Publish the draft sessions still to come: invitations go out at the next allowed time.',
    example: ['programme', 'publish'],
    build: (_p, _v, tenant) => ok({ kind: 'programme-publish', ...tenant }),
  },
  {
    words: ['import', 'calendar'],
    usage: 'import calendar FILE.ics|FILE.csv [--dry-run]',
    summary: 'Import term dates, holidays and INSET days.',
    options: { 'dry-run': DRY_RUN },
    example: ['import', 'calendar', 'examples/calendar/england-2026-27.ics'],
    build: ([file], values, tenant) => (file ? ok({ kind: 'import-calendar', file, dryRun: flag(values, 'dry-run'), ...tenant }) : fail('import calendar needs a .ics or .csv file')),
  },
  {
    words: ['calendar', 'show'],
    alias: ['calendar'],
    usage: 'calendar show [--year 2026]',
    summary: 'The school year as the bot applies it.',
    options: { year: { type: 'string', value: 'YYYY', help: 'the school year starting in YYYY (default: the current one)' } },
    example: ['calendar', 'show', '--year', '2026'],
    build: (_p, values, tenant) => {
      const year = text(values, 'year');
      if (year !== undefined && !/^20\d\d$/.test(year)) return fail(`--year: "${year}" is not a year like 2026 (the school year 2026-27)`);
      return ok({ kind: 'calendar-show', ...tenant, ...(year ? { year: Number(year) } : {}) });
    },
  },
  {
    words: ['export'],
    usage: 'export responses|records|report|requests [--out FILE] [--year 2026-27]',
    summary: 'Export answers (anonymous ones to a separate file, with no person column), CPD records, the lead report, or CPD requests with costs.',
    options: { out: OUT, year: { type: 'string', value: '2026-27', help: 'requests of one school year only (export requests)' } },
    example: ['export', 'report', '--out', 'report.csv'],
    build: (positionals, values, tenant) => {
      const [what] = positionals;
      if (what !== 'responses' && what !== 'records' && what !== 'report' && what !== 'requests') return fail(`unknown command: ${['export', ...positionals].join(' ')}`);
      return ok({ kind: 'export', what, ...tenant, ...some('out', text(values, 'out')), ...some('year', text(values, 'year')) });
    },
  },
  {
    words: ['export', 'providers'],
    usage: 'export providers [--year 2026-27] [--out FILE]',
    summary: 'CPD by provider: sessions, attendance, ratings, impact reports, cost per attendee and per impact report (no names).',
    options: { year: { type: 'string', value: '2026-27', help: 'the school year (default: this one)' }, out: OUT },
    example: ['export', 'providers', '--year', '2026-27', '--out', 'providers.csv'],
    build: (_p, values, tenant) => ok({ kind: 'export-providers', format: 'csv', ...tenant, ...some('out', text(values, 'out')), ...some('year', text(values, 'year')) }),
  },
  {
    words: ['export', 'provider'],
    usage: 'export provider NAME [--format md|csv] [--year 2026-27] [--out FILE]',
    summary: "One provider's feedback summary to send on: ratings and comment themes, no names, small groups withheld.",
    options: { format: { type: 'string', value: 'md|csv', help: 'Markdown (default) or CSV' }, year: { type: 'string', value: '2026-27', help: 'the school year (default: this one)' }, out: OUT },
    example: ['export', 'provider', 'Fenland English Hub', '--format', 'md', '--out', 'fenland.md'],
    build: (positionals, values, tenant) => {
      const provider = positionals.join(' ').trim();
      if (!provider) return fail('export provider needs the provider\'s name, e.g. export provider "Fenland English Hub"');
      const format = text(values, 'format') ?? 'md';
      if (format !== 'md' && format !== 'csv') return fail(`--format: "${format}" is not md or csv`);
      return ok({ kind: 'export-providers', provider, format, ...tenant, ...some('out', text(values, 'out')), ...some('year', text(values, 'year')) });
    },
  },
  {
    words: ['export', 'governors'],
    usage: 'export governors [--school SCHOOL] [--term autumn-2026 | --year 2026-27] [--out FILE]   (the trust and the current term without them)',
    summary: "The governors' CPD report for a term or a school year, the trust's or one school's: no names, small groups withheld.",
    options: {
      term: { type: 'string', value: 'TERM', help: 'e.g. autumn-2026 (default: the current term)' },
      year: { type: 'string', value: '2026-27', help: 'a whole school year instead of a term' },
      school: { type: 'string', value: 'SCHOOL', help: "one school's report, by name or id (default: the whole trust)" },
      out: OUT,
    },
    example: ['export', 'governors', '--school', 'Oakfield Primary', '--year', '2026-27', '--out', 'governors.csv'],
    build: (_p, values, tenant) => {
      if (text(values, 'term') !== undefined && text(values, 'year') !== undefined) return fail('give --term or --year, not both');
      return ok({ kind: 'export-governors', ...tenant, ...some('out', text(values, 'out')), ...some('term', text(values, 'term')), ...some('year', text(values, 'year')), ...some('school', text(values, 'school')) });
    },
  },
  {
    words: ['budget', 'set'],
    usage: 'budget set SCHOOL|trust AMOUNT [--year 2026-27]   (a CPD budget in pounds)',
    summary: "Set a school's (or the trust's) CPD budget for a school year.",
    options: { year: { type: 'string', value: '2026-27', help: 'the school year (default: the current one)' } },
    example: ['budget', 'set', 'Oakfield Primary', '4500', '--year', '2026-27'],
    build: (positionals, values, tenant) => {
      // The school's name may have spaces: every word but the last names it.
      const rest = [...positionals];
      const amount = rest.pop();
      if (!amount || rest.length === 0) return fail('budget set needs a school (or "trust") and an amount');
      return ok({ kind: 'budget-set', scope: rest.join(' '), amount, ...tenant, ...some('year', text(values, 'year')) });
    },
  },
  {
    words: ['templates', 'export'],
    usage: 'templates export [--out FILE.json]',
    summary: "Export the tenant's questionnaire and message templates as JSON, to edit and import.",
    options: { out: OUT },
    example: ['templates', 'export', '--out', 'templates.json'],
    build: (_p, values, tenant) => ok({ kind: 'templates-export', ...tenant, ...some('out', text(values, 'out')) }),
  },
  {
    words: ['programmes', 'export'],
    usage: 'programmes export [--out FILE.json]',
    summary: "Export the tenant's mentoring programmes (the built-in ones too) as JSON, to copy and change.",
    options: { out: OUT },
    example: ['programmes', 'export', '--out', 'programmes.json'],
    build: (_p, values, tenant) => ok({ kind: 'programmes-export', ...tenant, ...some('out', text(values, 'out')) }),
  },
  {
    words: ['programmes', 'import'],
    usage: 'programmes import FILE.json [--dry-run]',
    summary: 'Import mentoring programmes (start from what programmes export writes; built-in ones stay as they are).',
    options: { 'dry-run': DRY_RUN },
    example: ['programmes', 'import', 'programmes.json'],
    build: ([file], values, tenant) =>
      file ? ok({ kind: 'programmes-import', file, dryRun: flag(values, 'dry-run'), ...tenant }) : fail('programmes import needs a .json file (start from what programmes export writes)'),
  },
  {
    words: ['templates', 'import'],
    usage: 'templates import FILE.json [--dry-run]',
    summary: 'Import templates (start from what templates export writes).',
    options: { 'dry-run': DRY_RUN },
    example: ['templates', 'import', 'templates.json'],
    build: ([file], values, tenant) =>
      file ? ok({ kind: 'templates-import', file, dryRun: flag(values, 'dry-run'), ...tenant }) : fail('templates import needs a .json file (start from what templates export writes)'),
  },
  {
    words: ['tenant', 'show'],
    alias: ['tenant'],
    usage: 'tenant show',
    summary: 'The tenant: its links to Slack and Teams, and its settings.',
    example: ['tenant', 'show'],
    build: (_p, _v, tenant) => ok({ kind: 'tenant-show', ...tenant }),
  },
  {
    words: ['tenant', 'link'],
    usage: 'tenant link slack WORKSPACE-ID [--also] | tenant link teams ENTRA-TENANT-ID',
    summary: 'Link the tenant to a Slack workspace or a Microsoft Entra tenant.',
    options: { also: { type: 'boolean', help: 'one more Slack workspace of the trust (keep the ones already linked)' } },
    example: ['tenant', 'link', 'slack', 'T0123ABCD'],
    build: ([platform, platformId], values, tenant) =>
      (platform === 'slack' || platform === 'teams') && platformId
        ? ok({ kind: 'tenant-link', platform, platformId, ...(flag(values, 'also') ? { also: true } : {}), ...tenant })
        : fail('use: tenant link slack T0123ABCD, or tenant link teams <entra tenant id>'),
  },
  {
    words: ['settings', 'show'],
    alias: ['settings'],
    usage: 'settings show',
    summary: 'Every setting: its key, value and allowed values (as `settings` shows a lead in chat).',
    example: ['settings', 'show'],
    build: (_p, _v, tenant) => ok({ kind: 'settings-show', ...tenant }),
  },
  {
    words: ['settings', 'set'],
    alias: ['tenant', 'set'],
    usage: 'settings set KEY VALUE   (e.g. quiet-hours 18:00-07:30; "tenant set" does the same)',
    summary: 'Change one setting; the change is recorded in the history.',
    example: ['settings', 'set', 'min-group-size', '5'],
    // The value may be several words ("Riverside Academy; Hill Primary", "line manager, headteacher").
    build: ([key, ...value], _v, tenant) =>
      key && value.length > 0
        ? ok({ kind: 'settings-set', key, value: value.join(' '), ...tenant })
        : fail('use: settings set KEY VALUE, e.g. settings set quiet-hours 18:00-07:30 ("settings show" lists the keys)'),
  },
  {
    words: ['tenant', 'set', 'school-cpd-lead'],
    usage: 'tenant set school-cpd-lead SCHOOL EMAIL|none',
    summary: "A school's own CPD lead: its requests, overdue notices, statutory list and renewals, mentoring gaps and at-risk reviews (as settings set school-cpd-lead.<school>).",
    example: ['tenant', 'set', 'school-cpd-lead', 'sch-1', 'lee.lead@school.example'],
    build: ([school, ...who], _v, tenant) =>
      school && who.length > 0 ? ok({ kind: 'tenant-set-school-cpd-lead', school, who: who.join(' '), ...tenant }) : fail('use: tenant set school-cpd-lead SCHOOL EMAIL (or none)'),
  },
  {
    words: ['settings', 'history'],
    usage: 'settings history',
    summary: 'Who changed which setting, when, from what to what.',
    example: ['settings', 'history'],
    build: (_p, _v, tenant) => ok({ kind: 'settings-history', ...tenant }),
  },
  {
    words: ['staff', 'add'],
    usage: 'staff add --email E --name "N" [--job-title T] [--department D] [--manager EMAIL|NAME] [--role R] [--pathway P] [--school S]',
    summary: 'Add one person, checked as a staff-list row is.',
    options: Object.fromEntries(Object.entries(STAFF_ADD_FLAGS).map(([name, column]) => [name, { type: 'string', value: 'TEXT', help: `the "${column}" column` } satisfies CliOption])),
    example: ['staff', 'add', '--email', 'jo.bloggs@school.org.uk', '--name', 'Jo Bloggs', '--job-title', 'Teacher of Art'],
    build: (_p, values, tenant) => {
      const fields = Object.fromEntries(Object.entries(STAFF_ADD_FLAGS).flatMap(([name, column]) => (text(values, name) !== undefined ? [[column, text(values, name)!]] : [])));
      if (!fields.Email) return fail('staff add needs --email');
      if (!fields.Name && !fields['First Name'] && !fields['Last Name']) return fail('staff add needs --name (or --first-name and --last-name)');
      return ok({ kind: 'staff-add', fields, ...tenant });
    },
  },
  {
    words: ['lead', 'add'],
    usage: 'lead add EMAIL [--name "N"]',
    summary: 'Name a CPD lead (the first one, on day one): made a lead, and welcomed with "setup" when they first open the bot.',
    options: { name: { type: 'string', value: 'NAME', help: 'their full name, if they are not on the staff list yet' } },
    example: ['lead', 'add', 'lee.lead@school.org.uk', '--name', 'Lee Lead'],
    build: ([email], values, tenant) => {
      if (!email) return fail('use: lead add EMAIL [--name "Full Name"]');
      const name = text(values, 'name');
      return ok({ kind: 'lead-add', email, ...(name ? { name } : {}), ...tenant });
    },
  },
  {
    words: ['staff', 'show'],
    usage: 'staff show EMAIL',
    summary: 'One person: their details, manager, reports and CPD this year.',
    example: ['staff', 'show', 'jo.bloggs@school.org.uk'],
    build: ([email], _v, tenant) => (email ? ok({ kind: 'staff-show', email, ...tenant }) : fail('staff show needs an e-mail address')),
  },
  {
    words: ['staff', 'deactivate'],
    usage: 'staff deactivate EMAIL',
    summary: 'Mark a leaver: nothing more is sent to them; their record is kept for the retention period.',
    example: ['staff', 'deactivate', 'jo.bloggs@school.org.uk'],
    build: ([email], _v, tenant) => (email ? ok({ kind: 'staff-deactivate', email, ...tenant }) : fail('staff deactivate needs an e-mail address')),
  },
  {
    words: ['staff', 'mentor'],
    usage: 'staff mentor EMAIL ROLE MENTOR-EMAIL|none',
    summary: "Set (or end, with none) a person's subject-mentor, professional-mentor, coach or induction-tutor from today.",
    example: ['staff', 'mentor', 'jo.bloggs@school.org.uk', 'subject-mentor', 's.patel@school.org.uk'],
    build: ([person, role, mentor], _v, tenant) =>
      person && role && mentor ? ok({ kind: 'staff-mentor', person, role, mentor, ...tenant }) : fail('use: staff mentor EMAIL subject-mentor|professional-mentor|coach|induction-tutor MENTOR-EMAIL (or none)'),
  },
  {
    words: ['staff', 'away'],
    usage: 'staff away EMAIL --until DATE',
    summary: 'Pause messages to someone away (leave, long illness) until the day they are back.',
    options: { until: { type: 'string', value: 'YYYY-MM-DD', help: 'the day they are back' } },
    example: ['staff', 'away', 'jo.bloggs@school.org.uk', '--until', '2027-01-04'],
    build: ([email], values, tenant) => {
      const until = text(values, 'until');
      return email && until ? ok({ kind: 'staff-away', email, until, ...tenant }) : fail('use: staff away EMAIL --until 2027-01-04 (the day they are back)');
    },
  },
  {
    words: ['staff', 'erase'],
    usage: 'staff erase EMAIL --confirm',
    summary: "Erase a person's data (a right-to-erasure request); anonymous answers stay unlinked.",
    options: { confirm: { type: 'boolean', help: 'really erase (without it, says what would go)' } },
    example: ['staff', 'erase', 'jo.bloggs@school.org.uk', '--confirm'],
    build: ([email], values, tenant) => (email ? ok({ kind: 'staff-erase', email, confirm: flag(values, 'confirm'), ...tenant }) : fail('use: staff erase EMAIL --confirm')),
  },
  {
    words: ['retention', 'sweep'],
    usage: 'retention sweep',
    summary: 'Remove what is past its retention period, for every tenant (the scheduler does this nightly).',
    example: ['retention', 'sweep'],
    build: () => ok({ kind: 'retention-sweep' }),
  },
  {
    words: ['cosmos', 'move-to-answers'],
    usage: 'cosmos move-to-answers',
    summary: 'Once, with the bot stopped, on a Cosmos DB database made before the answers container: moves questionnaires, participations, answers, receipts, gap tasks, plan requests and claims into it and deletes their old containers (docs/deploy.md). Run again after a failure, it goes on.',
    example: ['cosmos', 'move-to-answers'],
    build: () => ok({ kind: 'cosmos-move-to-answers' }),
  },
  {
    words: ['status'],
    usage: 'status',
    summary: 'Is it working? The outbox (due now, the oldest wait), planner lag, messages sent / failed / expired by platform and answers stored in the last 24 hours: what `status` shows a lead in chat.',
    example: ['status'],
    build: (_p, _v, tenant) => ok({ kind: 'status', ...tenant }),
  },
  {
    words: ['seed-demo'],
    usage: 'seed-demo',
    summary: 'Create (or refresh) the "demo" tenant: a small trust with sessions, answers and gap tasks.',
    example: ['seed-demo'],
    build: () => ok({ kind: 'seed-demo' }),
  },
  {
    words: ['help'],
    usage: 'help [COMMAND]',
    summary: 'This list, or one command in full.',
    example: ['help'],
    build: (positionals) => {
      if (positionals.length === 0) return ok({ kind: 'help' });
      const spec = matchCommand(positionals);
      return spec ? ok({ kind: 'help', topic: commandHelp(spec) }) : fail(`unknown command: ${positionals.join(' ')}`);
    },
  },
];

const quoted = (arg: string) => (/[\s"]/.test(arg) ? `"${arg}"` : arg);

export const USAGE = [
  'Usage: twilight <command> [--tenant ID]   (the tenant defaults to DEFAULT_TENANT_ID)',
  '       twilight <command> --help          (one command in full)',
  '       twilight --version',
  'From a clone, `npm run cli -- <command>` runs the same.',
  '',
  ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      e.g. twilight ${c.example.map(quoted).join(' ')}`]),
  '',
  'Imports, headings and examples: docs/imports.md',
  '',
].join('\n');

const COMMON_OPTIONS: Readonly<Record<string, CliOption>> = {
  tenant: { type: 'string', value: 'ID', help: 'the tenant (default: DEFAULT_TENANT_ID, or "demo")' },
  help: { type: 'boolean', help: 'this help' },
};

/** `twilight <command> --help`: usage, what it does, each option, and the example. */
export function commandHelp(spec: CliCommandSpec): string {
  const options = Object.entries({ ...spec.options, ...COMMON_OPTIONS }).map(([name, o]) => [`--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`, o.help] as const);
  const width = Math.max(...options.map(([left]) => left.length));
  return [
    `Usage: twilight ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Options (also as --name=value):',
    ...options.map(([left, help]) => `  ${left.padEnd(width)}  ${help}`),
    '',
    'Example:',
    `  twilight ${spec.example.map(quoted).join(' ')}`,
    '',
  ].join('\n');
}

/** The command whose words (or alias) start argv, the longest such. */
function matchCommand(argv: readonly string[]): CliCommandSpec | undefined {
  const starts = (words: readonly string[] | undefined) => !!words && words.every((w, i) => argv[i] === w);
  const length = (spec: CliCommandSpec) => (starts(spec.words) ? spec.words.length : (spec.alias?.length ?? 0));
  return COMMANDS.filter((spec) => starts(spec.words) || starts(spec.alias)).sort((a, b) => length(b) - length(a))[0];
}

/** node:util.parseArgs' error, in the words the old parser used (`--tenant needs a value`). */
function parseError(error: unknown, spec: CliCommandSpec): string {
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument (missing|is ambiguous)/.test(message)) return `${option} needs a value`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${option} takes no value`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option} (twilight ${spec.words.join(' ')} --help lists its options)`;
  return message;
}

/** What a usage error says (on stderr, with exit code 2). */
export function usageError(message: string): string {
  return `twilight: ${message}\nRun \`twilight --help\` for the commands, \`twilight <command> --help\` for one.\n`;
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h') return ok({ kind: 'help' });
  if (argv[0] === '--version' || argv[0] === '-v') return ok({ kind: 'version' });
  const spec = matchCommand(argv);
  if (!spec) return fail(`unknown command: ${argv.filter((a) => !a.startsWith('-')).join(' ')}`);
  const words = spec.words.every((w, i) => argv[i] === w) ? spec.words.length : spec.alias!.length;
  const options = Object.fromEntries(Object.entries({ ...spec.options, ...COMMON_OPTIONS }).map(([name, o]) => [name, { type: o.type }]));
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv.slice(words), options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    return fail(parseError(error, spec));
  }
  if (parsed.values.help === true) return ok({ kind: 'help', topic: commandHelp(spec) });
  const tenant = text(parsed.values, 'tenant');
  return spec.build(parsed.positionals, parsed.values, tenant ? { tenantId: tenant } : {});
}

/** package.json's version: two folders up from src/cli (tsx) and from dist/cli (the build, the image). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}
