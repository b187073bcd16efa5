import { loadConfig } from '../src/config';

describe('config from the environment', () => {
  test('no environment at all gives the local defaults: port 3978, embedded store under ./data, dev mode', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.PORT).toBe(3978);
    expect(result.config.STORE).toBe('embedded');
    expect(result.config.DATA_DIR).toBe('./data');
    expect(result.config.production).toBe(false);
    expect(result.config.devPages).toBe(true);
  });

  test('each bad value gives one line naming the variable', () => {
    const result = loadConfig({ PORT: 'eighty', STORE: 'mongo', LOG_LEVEL: 'loud' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors.find((e) => e.startsWith('PORT:'))).toBeDefined();
    expect(result.errors.find((e) => e.startsWith('STORE:'))).toBeDefined();
    expect(result.errors.find((e) => e.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  test('cosmos needs an endpoint; an app id needs its password; a Slack token needs its signing secret', () => {
    const result = loadConfig({ STORE: 'cosmos', MICROSOFT_APP_ID: 'abc', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.sort()).toEqual([
      'COSMOS_ENDPOINT: is required when STORE=cosmos',
      'MICROSOFT_APP_PASSWORD: is required when MICROSOFT_APP_ID is set',
      'MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is SingleTenant (the default)',
      'SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set',
    ]);
  });

  test('production credentials switch the dev pages off, whatever DEV_PAGES says', () => {
    const result = loadConfig({ MICROSOFT_APP_ID: 'abc', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'tenant', DEV_PAGES: 'true' });
    expect(result.ok && result.config.production).toBe(true);
    expect(result.ok && result.config.devPages).toBe(false);
  });

  test('PLATFORM_TIMEOUT_MS: 10 s unless set; a whole number of milliseconds from 100 to 60000', () => {
    const unset = loadConfig({});
    expect(unset.ok && unset.config.PLATFORM_TIMEOUT_MS).toBe(10_000);
    const set = loadConfig({ PLATFORM_TIMEOUT_MS: '5000' });
    expect(set.ok && set.config.PLATFORM_TIMEOUT_MS).toBe(5000);
    for (const bad of ['soon', '50', '60001', '1.5']) {
      const result = loadConfig({ PLATFORM_TIMEOUT_MS: bad });
      expect(!result.ok && result.errors.every((e) => e.startsWith('PLATFORM_TIMEOUT_MS:'))).toBe(true);
    }
  });

  test('empty strings count as unset', () => {
    const result = loadConfig({ COSMOS_KEY: '', MICROSOFT_APP_ID: '' });
    expect(result.ok && result.config.COSMOS_KEY).toBeUndefined();
    expect(result.ok && result.config.production).toBe(false);
  });
});

describe('config for a single-tenant Azure Bot', () => {
  test('an app id without its Entra tenant id is one clear line, not a botbuilder assertion at start', () => {
    const result = loadConfig({ MICROSOFT_APP_ID: 'abc', MICROSOFT_APP_PASSWORD: 'secret' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(['MICROSOFT_APP_TENANT_ID: is required when MICROSOFT_APP_TYPE is SingleTenant (the default)']);
    expect(loadConfig({ MICROSOFT_APP_ID: 'abc', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' }).ok).toBe(true);
  });
});
