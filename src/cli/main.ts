#!/usr/bin/env node
import { DEV_DEFAULT_TENANT_ID, loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { DataFolderInUseError, openStore } from '../store/open-store';
import { terminalProgress } from './progress-bar';
import { parseCliArgs, USAGE } from './cli-args';
import { runCli } from './run-cli';

const CLI_LOCK_WAIT_MS = 3000;

/** The CLI's composition root: reads config, opens the configured store, runs one command. */
async function main(): Promise<number> {
  // Help needs no store: asking for it must not create a data directory.
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.ok && parsed.command.kind === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) console.error(`config: ${line}`);
    return 2;
  }
  // A running bot holds the embedded store's folder: wait a moment for one that is stopping, then refuse.
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(loaded.config, systemClock, { lockWaitMs: CLI_LOCK_WAIT_MS });
  } catch (error) {
    if (!(error instanceof DataFolderInUseError)) throw error;
    console.error(`twilight cli: ${error.message}`);
    return 3;
  }
  try {
    return await runCli(process.argv.slice(2), {
      store,
      clock: systemClock,
      // The operator running the CLI names the tenant; `demo` is the local default (seed-demo).
      defaultTenantId: loaded.config.defaultTenantId ?? DEV_DEFAULT_TENANT_ID,
      print: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
      progress: terminalProgress,
    });
  } finally {
    await store.close();
  }
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
