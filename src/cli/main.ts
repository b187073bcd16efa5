import { DEV_DEFAULT_TENANT_ID, loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { openStore } from '../store/open-store';
import { terminalProgress } from './progress-bar';
import { runCli } from './run-cli';

/** The CLI's composition root: reads config, opens the configured store, runs one command. */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) console.error(`config: ${line}`);
    return 2;
  }
  const store = await openStore(loaded.config, systemClock);
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
