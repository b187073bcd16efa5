import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTeamsBot } from '../../src/bots/teams';
import { loadConfig, type Config } from '../../src/config';
import { devPageRouters } from '../../src/dev';
import { ManualClock } from '../../src/domain/clock';
import { createHttpApp } from '../../src/http/app';
import { createLogger } from '../../src/log';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';
import type { Store } from '../../src/store/store';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * A Monday morning: the demo seed's questionnaire (after last Wednesday's twilight, open a week)
 * is still open then, whatever day the tests run.
 */
export const PREVIEW_NOW = '2026-11-23T09:30:00.000Z';

export interface PreviewServer {
  baseUrl: string;
  store: Store;
  clock: ManualClock;
  close(): Promise<void>;
}

/** Dev mode with the dev pages asked for (DEV_PAGES=true), unless `env` says otherwise. */
export function devConfig(env: NodeJS.ProcessEnv = {}): Config {
  const loaded = loadConfig({ DEV_PAGES: 'true', ...env });
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return loaded.config;
}

/** The app composed as main.ts composes it (Teams bot + dev pages), on an embedded store in a temp dir, on 127.0.0.1:0. */
export async function startPreviewServer(config: Config = devConfig()): Promise<PreviewServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twilight-dev-'));
  const clock = new ManualClock(PREVIEW_NOW);
  const store = openEmbeddedStore({ path: join(dataDir, 'twilight.db'), clock });
  const logger = createLogger('silent');
  const defaultTenantId = config.defaultTenantId ?? 'demo';
  // As main.ts builds it. No app id (dev mode): botbuilder refuses SingleTenant without one.
  const teams = createTeamsBot({
    store,
    clock,
    logger,
    config: {
      ...(config.MICROSOFT_APP_ID ? { appId: config.MICROSOFT_APP_ID } : {}),
      ...(config.MICROSOFT_APP_PASSWORD ? { appPassword: config.MICROSOFT_APP_PASSWORD } : {}),
      ...(config.MICROSOFT_APP_TENANT_ID ? { appTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
      appType: config.MICROSOFT_APP_ID ? config.MICROSOFT_APP_TYPE : 'MultiTenant',
      defaultTenantId,
    },
  });
  const app = createHttpApp({ store, logger, routers: [teams.router, ...devPageRouters(config, { store, clock, logger, defaultTenantId })] });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    store,
    clock,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, as CI installs it. Missing chromium is a failure, never a skip. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y --no-install-recommends chromium (.ci/run does this).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--disable-component-update', '--no-first-run'],
  });
}
