/** What the operator asked for, parsed from argv (without node and the script). */
export type CliCommand =
  | { kind: 'import-staff'; file: string; tenantId?: string; skipBad: boolean }
  | { kind: 'import-programme'; file: string; tenantId?: string; skipBad: boolean; publish: boolean }
  | { kind: 'import-statutory' | 'import-qualifications'; file: string; tenantId?: string; skipBad: boolean }
  | { kind: 'export'; what: 'responses' | 'records' | 'report'; tenantId?: string; out?: string }
  | { kind: 'export-governors'; term?: string; tenantId?: string; out?: string }
  | { kind: 'seed-demo' }
  | { kind: 'help' };

export const USAGE = `Usage: npm run cli -- <command>

  import staff FILE.csv [--tenant ID] [--skip-bad]
  import programme FILE.csv [--tenant ID] [--skip-bad] [--publish]
  import statutory FILE.csv [--tenant ID] [--skip-bad]   (email, topic, completed, expires)
  import qualifications FILE.csv [--tenant ID] [--skip-bad]   (email, qualification, started, awarded)
  export responses|records|report [--tenant ID] [--out FILE]
  export governors [--term autumn-2026] [--tenant ID] [--out FILE]   (the current term without --term)
  seed-demo
`;

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; message: string };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--skip-bad' || arg === '--publish' || arg === '--help' || arg === '-h') flags.set(arg, true);
    else if (arg === '--tenant' || arg === '--out' || arg === '--term') {
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
  if (verb === 'import' && (noun === 'statutory' || noun === 'qualifications')) {
    if (!file) return { ok: false, message: `import ${noun} needs a CSV file` };
    return { ok: true, command: { kind: `import-${noun}`, file, skipBad: flags.has('--skip-bad'), ...tenantPart } };
  }
  if (verb === 'export' && noun === 'governors') {
    const out = text('--out');
    const term = text('--term');
    return { ok: true, command: { kind: 'export-governors', ...tenantPart, ...(out ? { out } : {}), ...(term ? { term } : {}) } };
  }
  if (verb === 'export' && (noun === 'responses' || noun === 'records' || noun === 'report')) {
    const out = text('--out');
    return { ok: true, command: { kind: 'export', what: noun, ...tenantPart, ...(out ? { out } : {}) } };
  }
  if (verb === 'seed-demo') return { ok: true, command: { kind: 'seed-demo' } };
  return { ok: false, message: `unknown command: ${positional.join(' ')}` };
}
