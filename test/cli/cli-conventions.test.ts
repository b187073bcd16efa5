/**
 * The CLI behaves as command-line tools do: `twilight <command> --help` for each command, `--flag=value`,
 * `--version`, usage errors on stderr with exit code 2, a failing command's reasons on stderr.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, commandHelp, parseCliArgs, USAGE } from '../../src/cli/cli-args';

const root = join(__dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('parseCliArgs, the conventions', () => {
  test('every command has its own --help (and -h, and `help <command>`): usage, summary, each option, the example', () => {
    for (const spec of COMMANDS) {
      const help = commandHelp(spec);
      expect(parseCliArgs([...spec.words, '--help'])).toEqual({ ok: true, command: { kind: 'help', topic: help } });
      expect(parseCliArgs([...spec.words, '-h'])).toEqual({ ok: true, command: { kind: 'help', topic: help } });
      if (spec.words[0] !== 'help') expect(parseCliArgs(['help', ...spec.words])).toEqual({ ok: true, command: { kind: 'help', topic: help } });
      expect(help.split('\n')[0]).toBe(`Usage: twilight ${spec.usage}`);
      expect(help).toContain(spec.summary);
      for (const name of Object.keys(spec.options ?? {})) expect(help).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
      expect(help).toMatch(/^ {2}--tenant ID /m);
      expect(help).toContain(`twilight ${spec.example[0]}`);
    }
    expect(commandHelp(COMMANDS.find((c) => c.words.join(' ') === 'import staff')!)).toMatch(/^ {2}--dry-run\s+print what would change; write nothing$/m);
  });

  test('--flag=value reads as --flag value', () => {
    expect(parseCliArgs(['export', 'report', '--out=r.csv', '--tenant=t1'])).toEqual({ ok: true, command: { kind: 'export', what: 'report', out: 'r.csv', tenantId: 't1' } });
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--map=Known As=first name'])).toMatchObject({ ok: true, command: { map: 'Known As=first name' } });
    expect(parseCliArgs(['budget', 'set', 'Oakfield Primary', '4500', '--year=2026-27'])).toEqual({
      ok: true,
      command: { kind: 'budget-set', scope: 'Oakfield Primary', amount: '4500', year: '2026-27' },
    });
  });

  test('--version and -v; no arguments, --help and help print the command list', () => {
    expect(parseCliArgs(['--version'])).toEqual({ ok: true, command: { kind: 'version' } });
    expect(parseCliArgs(['-v'])).toEqual({ ok: true, command: { kind: 'version' } });
    for (const argv of [[], ['--help'], ['-h'], ['help']]) expect(parseCliArgs(argv)).toEqual({ ok: true, command: { kind: 'help' } });
    expect(USAGE).toMatch(/^Usage: twilight <command>/);
  });

  test('usage mistakes say what is wrong', () => {
    expect(parseCliArgs(['export', 'report', '--out'])).toEqual({ ok: false, message: '--out needs a value' });
    expect(parseCliArgs(['export', 'report', '--out', '--tenant', 't1'])).toEqual({ ok: false, message: '--out needs a value' });
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--dry-run=yes'])).toEqual({ ok: false, message: '--dry-run takes no value' });
    expect(parseCliArgs(['import', 'staff', 'x.csv', '--publish'])).toEqual({ ok: false, message: 'unknown option --publish (twilight import staff --help lists its options)' });
    expect(parseCliArgs(['frobnicate', '--now'])).toEqual({ ok: false, message: 'unknown command: frobnicate' });
    expect(parseCliArgs(['help', 'frobnicate'])).toEqual({ ok: false, message: 'unknown command: frobnicate' });
    expect(parseCliArgs(['calendar'])).toEqual({ ok: true, command: { kind: 'calendar-show' } });
  });
});

describe('the CLI as a process: streams and exit codes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-cli-conventions-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...argv: string[]) =>
    spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['src/cli/main.ts', ...argv], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, STORE: 'embedded' },
      encoding: 'utf8',
    });

  test('--version prints the package version to stdout, exit 0', () => {
    const result = run('--version');
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: `twilight ${version}\n`, stderr: '' });
  });

  test('<command> --help prints that command to stdout, exit 0, and opens no store', () => {
    const result = run('import', 'staff', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(commandHelp(COMMANDS.find((c) => c.words.join(' ') === 'import staff')!));
    expect(result.stderr).toBe('');
  });

  test('a usage error goes to stderr with exit code 2, nothing on stdout', () => {
    const result = run('export', 'everything');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^twilight: unknown command: export everything\nRun `twilight --help`/);
  });

  test("a failing command's reasons go to stderr with exit code 1", () => {
    const result = run('import', 'staff', 'no-such-file.csv', '--tenant=t1');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('Cannot read no-such-file.csv.\n');
  });
});
