import { loadConfig } from '../config';
import { systemClock } from '../domain/clock';
import { openStore } from '../store/open-store';
import { terminalProgress } from './progress-bar';
import { parseCliArgs, USAGE } from './cli-args';
import { runCli } from './run-cli';

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
  const store = await openStore(loaded.config, systemClock);
  try {
    return await runCli(process.argv.slice(2), {
      store,
      clock: systemClock,
      defaultTenantId: loaded.config.DEFAULT_TENANT_ID,
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
