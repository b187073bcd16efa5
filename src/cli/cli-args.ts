/** What the operator asked for, parsed from argv (without node and the script). */
export type CliCommand =
  | { kind: 'import-staff'; file: string; tenantId?: string; skipBad: boolean }
  | { kind: 'import-programme'; file: string; tenantId?: string; skipBad: boolean; publish: boolean }
  | { kind: 'export'; what: 'responses' | 'records' | 'report' | 'requests'; tenantId?: string; out?: string; year?: string }
  | { kind: 'budget-set'; scope: string; amount: string; year?: string; tenantId?: string }
  | { kind: 'seed-demo' }
  | { kind: 'help' };

export const USAGE = `Usage: npm run cli -- <command>

  import staff FILE.csv [--tenant ID] [--skip-bad]
  import programme FILE.csv [--tenant ID] [--skip-bad] [--publish]
  export responses|records|report [--tenant ID] [--out FILE]
  export requests [--year 2026-27] [--tenant ID] [--out FILE]   CPD requests with costs, for the finance office
  budget set SCHOOL|trust AMOUNT [--year 2026-27] [--tenant ID]   a school's CPD budget (pounds)
  seed-demo
`;

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--skip-bad' || arg === '--publish' || arg === '--help' || arg === '-h') flags.set(arg, true);
    else if (arg === '--tenant' || arg === '--out' || arg === '--year') {
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
      ? { ok: true, command: { kind: 'import-staff', file, skipBad: flags.has('--skip-bad'), ...tenantPart } }
      : { ok: true, command: { kind: 'import-programme', file, skipBad: flags.has('--skip-bad'), publish: flags.has('--publish'), ...tenantPart } };
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
  if (verb === 'seed-demo') return { ok: true, command: { kind: 'seed-demo' } };
  return { ok: false, message: `unknown command: ${positional.join(' ')}` };
}
