#!/usr/bin/env node
import { DEV_DEFAULT_TENANT_ID, loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { DataFolderInUseError, moveCosmosToAnswers, openStore } from '../store/open-store';
import { terminalProgress } from './progress-bar';
import { packageVersion, parseCliArgs, usageError, USAGE } from './cli-args';
import { runCli } from './run-cli';

const CLI_LOCK_WAIT_MS = 3000;

/** The CLI's composition root: reads config, opens the configured store, runs one command. */
async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  // Help, --version and usage errors need no store: asking for them must not create a data directory.
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(usageError(parsed.message));
    return 2;
  }
  if (parsed.command.kind === 'help') {
    process.stdout.write(parsed.command.topic ?? USAGE);
    return 0;
  }
  if (parsed.command.kind === 'version') {
    process.stdout.write(`twilight ${packageVersion()}\n`);
    return 0;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) console.error(`config: ${line}`);
    return 2;
  }
  if (parsed.command.kind === 'cosmos-move-to-answers') return moveToAnswers(loaded.config);
  // A running bot holds the embedded store's folder: wait a moment for one that is stopping, then refuse.
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(loaded.config, systemClock, { lockWaitMs: CLI_LOCK_WAIT_MS });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`twilight cli: ${error.message}`);
    return 3;
  }
  // A command's messages go out when it ends: to stdout if it succeeded, to stderr (exit code not 0) if not,
  // so a script sees a failure's reasons where it looks for them. Progress bars draw on stderr as they go.
  const output: string[] = [];
  let code = 1;
  try {
    code = await runCli(argv, {
      store,
      clock: systemClock,
      // The operator running the CLI names the tenant; `demo` is the local default (seed-demo).
      defaultTenantId: loaded.config.defaultTenantId ?? DEV_DEFAULT_TENANT_ID,
      print: (text) => output.push(text.endsWith('\n') ? text : `${text}\n`),
      progress: terminalProgress,
    });
    return code;
  } finally {
    (code === 0 ? process.stdout : process.stderr).write(output.join(''));
    await store.close();
  }
}

async function moveToAnswers(config: Parameters<typeof moveCosmosToAnswers>[0]): Promise<number> {
  const moved = await moveCosmosToAnswers(config, systemClock.now(), (r) =>
    process.stdout.write(`${r.container}: ${r.moved} moved, ${r.already} already there, ${r.expired} past their time to live; container deleted\n`),
  );
  if (moved === 'not-cosmos') {
    console.error('twilight cli: this store is not Cosmos DB (STORE=cosmos): there is nothing to move.');
    return 2;
  }
  process.stdout.write(moved.length === 0 ? 'Nothing to move: every collection is in the answers container already.\n' : `Done: ${moved.length} containers moved. Start the bot.\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('twilight cli failed:', error);
    process.exitCode = 1;
  },
);
