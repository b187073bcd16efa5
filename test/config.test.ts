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
    // The dev pages act as anyone: only when asked for (DEV_PAGES=true).
    expect(result.config.devPages).toBe(false);
    expect(result.config.defaultTenantId).toBe('demo');
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
      'MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TENANT_ID: are required because MICROSOFT_APP_ID and MICROSOFT_APP_TYPE=SingleTenant are set (Teams is half-configured: set all of them or none)',
      'SLACK_SIGNING_SECRET: is required because SLACK_BOT_TOKEN is set (Slack is half-configured: set both or neither)',
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
    for (const bad of ['soon', '50', '60001', '1.5', '20001']) {
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
    expect(!result.ok && result.errors).toEqual([
      'MICROSOFT_APP_TENANT_ID: is required because MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TYPE=SingleTenant are set (Teams is half-configured: set all of them or none)',
    ]);
    expect(loadConfig({ MICROSOFT_APP_ID: 'abc', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'MultiTenant' }).ok).toBe(true);
  });
});

describe('config fails closed (issue 19)', () => {
  const TEAMS = { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'p'.repeat(40), MICROSOFT_APP_TENANT_ID: 'entra-tenant' };
  const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's'.repeat(32) };

  test.each([
    ['a Teams password and tenant with an empty app id', { MICROSOFT_APP_ID: '', MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TENANT_ID: 'entra-tenant' }, /^MICROSOFT_APP_ID: is required because MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID/],
    ['only a Teams password', { MICROSOFT_APP_PASSWORD: 'secret' }, /^MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID: are required because MICROSOFT_APP_PASSWORD/],
    ['only a Slack signing secret', { SLACK_SIGNING_SECRET: 'secret' }, /^SLACK_BOT_TOKEN: is required because SLACK_SIGNING_SECRET is set/],
    ['only a Slack bot token', { SLACK_BOT_TOKEN: 'xoxb-1' }, /^SLACK_SIGNING_SECRET: is required because SLACK_BOT_TOKEN is set/],
    ['a Slack OAuth client id without its secret (issue 29)', { SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') }, /^SLACK_CLIENT_SECRET: is required because SLACK_CLIENT_ID and SLACK_TOKEN_KEY are set \(Slack OAuth is half-configured/],
    ['Slack OAuth without the token encryption key (issue 29)', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_SIGNING_SECRET: 's'.repeat(32) }, /^SLACK_TOKEN_KEY: is required because SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are set/],
    ['Slack OAuth without the signing secret (issue 29)', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') }, /^SLACK_SIGNING_SECRET: is required because SLACK_CLIENT_ID and SLACK_CLIENT_SECRET and SLACK_TOKEN_KEY are set/],
    ['a Slack token key that is not 32 bytes (issue 29)', { SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_TOKEN_KEY: 'c2hvcnQ=' }, /^SLACK_TOKEN_KEY: must be 32 bytes, base64-encoded/],
    ['a user-assigned managed identity without its tenant', { MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, /^MICROSOFT_APP_TENANT_ID: is required because MICROSOFT_APP_ID and MICROSOFT_APP_TYPE=UserAssignedMSI are set/],
  ])('%s: refused with one config line, never a dev-mode start', (_name, env, line) => {
    const result = loadConfig({ ...env, DEV_PAGES: 'true' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(1);
    expect(!result.ok && result.errors[0]).toMatch(line);
  });

  test('Slack OAuth alone (no single bot token) is a production Slack configuration (issue 29)', () => {
    const result = loadConfig({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'c', SLACK_SIGNING_SECRET: 's'.repeat(32), SLACK_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') });
    expect(result.ok && { slack: result.config.slack, production: result.config.production }).toEqual({ slack: true, production: true });
  });

  test('a user-assigned managed identity needs no password', () => {
    const result = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: 'entra-tenant' });
    expect(result.ok && result.config.teams).toBe(true);
  });

  test('each platform is in production on its own credentials; the dev pages only with DEV_PAGES=true and no platform secret', () => {
    const slackOnly = loadConfig({ ...SLACK, DEV_PAGES: 'true' });
    expect(slackOnly.ok && { production: slackOnly.config.production, teams: slackOnly.config.teams, slack: slackOnly.config.slack, devPages: slackOnly.config.devPages }).toEqual({ production: true, teams: false, slack: true, devPages: false });
    const teamsOnly = loadConfig({ ...TEAMS, DEV_PAGES: 'true' });
    expect(teamsOnly.ok && { teams: teamsOnly.config.teams, slack: teamsOnly.config.slack, devPages: teamsOnly.config.devPages }).toEqual({ teams: true, slack: false, devPages: false });
    const asked = loadConfig({ DEV_PAGES: 'true' });
    expect(asked.ok && asked.config.devPages).toBe(true);
  });

  test('the default tenant applies in dev mode, or in production only when DEFAULT_TENANT_ID is set', () => {
    const prod = loadConfig(SLACK);
    expect(prod.ok && prod.config.defaultTenantId).toBeUndefined();
    const explicit = loadConfig({ ...SLACK, DEFAULT_TENANT_ID: 'school-1' });
    expect(explicit.ok && explicit.config.defaultTenantId).toBe('school-1');
  });

  test('the link key is derived only from a bot secret of at least 32 characters, else no start with PUBLIC_URL', () => {
    const weak = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'MultiTenant', PUBLIC_URL: 'https://bot.example' });
    expect(!weak.ok && weak.errors).toEqual(['LINK_SECRET: is required with PUBLIC_URL: no bot secret of at least 32 characters to derive the link key from']);
    const strong = loadConfig({ ...TEAMS, PUBLIC_URL: 'https://bot.example' });
    expect(strong.ok && strong.config.derivedLinkSecret).toBe(TEAMS.MICROSOFT_APP_PASSWORD);
    const own = loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_PASSWORD: 'x', MICROSOFT_APP_TYPE: 'MultiTenant', PUBLIC_URL: 'https://bot.example', LINK_SECRET: 'N3v8qLp0Zr7TyWc2Xs5Hd1Jm4Kb6Fg9A' });
    expect(own.ok).toBe(true);
  });

  test('a secret left as an unresolved Key Vault reference is refused, one line per variable', () => {
    const ref = '@Microsoft.KeyVault(SecretUri=https://vault.vault.azure.net/secrets/x/)';
    const result = loadConfig({ ...TEAMS, ...SLACK, MICROSOFT_APP_PASSWORD: ref, SLACK_BOT_TOKEN: ref, SLACK_SIGNING_SECRET: ref, COSMOS_KEY: ref, LINK_SECRET: ref });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.slice(0, e.indexOf(':'))).sort()).toEqual(['COSMOS_KEY', 'LINK_SECRET', 'MICROSOFT_APP_PASSWORD', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
    expect(!result.ok && result.errors.every((e) => e.includes('unresolved Key Vault reference'))).toBe(true);
  });

  test('PLATFORM_TIMEOUT_MS: up to 20000 with the scheduler, as the README says; longer only without it', () => {
    expect(loadConfig({ PLATFORM_TIMEOUT_MS: '20000' }).ok).toBe(true);
    expect(loadConfig({ PLATFORM_TIMEOUT_MS: '20001' }).ok).toBe(false);
    expect(loadConfig({ PLATFORM_TIMEOUT_MS: '30000', SCHEDULER: 'false' }).ok).toBe(true);
  });
});

describe('config for files sent to the bot and the first CPD lead (issue 25)', () => {
  it('fetches files only from the platforms\' file hosts unless FILE_HOSTS says otherwise, within 1 MB and 15 s', () => {
    const loaded = loadConfig({});
    expect(loaded.ok && [loaded.config.FILE_HOSTS, loaded.config.FILE_MAX_BYTES, loaded.config.FILE_DOWNLOAD_TIMEOUT_MS]).toEqual([['*.sharepoint.com', 'files.slack.com'], 1_000_000, 15_000]);
    const custom = loadConfig({ FILE_HOSTS: '*.sharepoint.com, *.sharepoint.us ,files.slack.com' });
    expect(custom.ok && custom.config.FILE_HOSTS).toEqual(['*.sharepoint.com', '*.sharepoint.us', 'files.slack.com']);
    expect(loadConfig({ FILE_HOSTS: 'https://evil.example/x' })).toEqual({ ok: false, errors: ['FILE_HOSTS: must be host names separated by commas, e.g. *.sharepoint.com,files.slack.com'] });
    expect(loadConfig({ FILE_MAX_BYTES: '5000000' }).ok).toBe(false);
  });

  it('FIRST_CPD_LEAD_EMAIL names the school it leads through DEFAULT_TENANT_ID, and must be an e-mail', () => {
    expect(loadConfig({ FIRST_CPD_LEAD_EMAIL: 'lee@school.example' })).toEqual({ ok: false, errors: ['DEFAULT_TENANT_ID: is required with FIRST_CPD_LEAD_EMAIL: it names the school (tenant) the first CPD lead leads'] });
    expect(loadConfig({ FIRST_CPD_LEAD_EMAIL: 'lee', DEFAULT_TENANT_ID: 'hillside' }).ok).toBe(false);
    const ok = loadConfig({ FIRST_CPD_LEAD_EMAIL: 'lee@school.example', DEFAULT_TENANT_ID: 'hillside' });
    expect(ok.ok && ok.config.FIRST_CPD_LEAD_EMAIL).toBe('lee@school.example');
  });
});
