import type { Server } from 'node:http';
import { loadConfig } from './config';
import { systemClock } from './domain/clock';
import { createHttpApp } from './http/app';
import { createLogger } from './log';
import { openStore } from './store/open-store';

/** The composition root: the only place that reads the environment and builds clients. */
async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const line of loaded.errors) console.error(`config: ${line}`);
    process.exit(2);
  }
  const config = loaded.config;
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openStore(config, systemClock);
  const app = createHttpApp({ store, logger });
  const server: Server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    logger.info({ port, store: store.kind, production: config.production }, 'twilight is listening');
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('twilight failed to start:', error);
  process.exit(1);
});
