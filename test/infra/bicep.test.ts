/**
 * Checks of infra/*.bicep without the Bicep CLI (it cannot be installed here: no npm or Debian
 * package ships the binary, and downloading it is not possible). What these tests cannot see —
 * property names and types against the Azure resource schemas — is listed in docs/deploy.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/config';
import { COLLECTIONS, COLLECTION_NAMES } from '../../src/store/collections';
import { PARTITION_KEY_PATH, placementOf } from '../../src/store/cosmos/containers';
import { CONTAINERS_JSON_PATH, renderContainersJson } from '../../scripts/export-containers';
import {
  arrayVariable,
  bracketsBalance,
  modules,
  nameValueEntries,
  outputs,
  params,
  readBicep,
  resources,
  type BicepResource,
} from './bicep-text';

const infra = join(__dirname, '..', '..', 'infra');
const mainPath = join(infra, 'main.bicep');
const main = readBicep(mainPath);
const modulePaths = modules(main).map((m) => resolve(infra, m.path));
const allFiles = [mainPath, ...modulePaths];
const moduleText = (file: string): string => readBicep(join(infra, 'modules', file));

function resource(text: string, type: string): BicepResource {
  const found = resources(text).filter((r) => r.type === type && !r.existing);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('infra/containers.json (loaded by the Bicep)', () => {
  const containers = JSON.parse(readFileSync(CONTAINERS_JSON_PATH, 'utf8')) as {
    id: string;
    partitionKey: { paths: string[] };
    defaultTtl?: number;
  }[];

  test('is what scripts/export-containers.ts writes from containerDefinitionFor today', () => {
    // If this fails: a collection, index or TTL changed. Run `npx tsx scripts/export-containers.ts`.
    expect(readFileSync(CONTAINERS_JSON_PATH, 'utf8')).toBe(renderContainersJson());
  });

  test('has a container for every collection (the answers container holds several), partitioned by /tenantId, with TTL on exactly where the data model says', () => {
    expect(new Set(containers.map((c) => c.id))).toEqual(new Set(COLLECTION_NAMES.map((name) => placementOf(name).container)));
    expect(PARTITION_KEY_PATH).toBe('/tenantId');
    for (const container of containers) {
      expect(container.partitionKey.paths).toEqual(['/tenantId']);
      const held = COLLECTION_NAMES.filter((name) => placementOf(name).container === container.id);
      expect(container.defaultTtl).toBe(held.some((name) => COLLECTIONS[name].ttl) ? -1 : undefined);
    }
  });

  test('is the file cosmos.bicep loads, one container resource per entry, body passed as is', () => {
    const cosmos = moduleText('cosmos.bicep');
    const load = /loadJsonContent\('([^']+)'\)/.exec(cosmos);
    expect(load).not.toBeNull();
    expect(resolve(infra, 'modules', load![1]!)).toBe(CONTAINERS_JSON_PATH);
    const container = resource(cosmos, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers');
    expect(cosmos).toMatch(/\[for container in containers: \{/);
    expect(container.body).toMatch(/name: container\.id/);
    expect(container.body).toMatch(/resource: container\n/);
  });
});

describe('infra/*.bicep hang together', () => {
  test('every file has balanced brackets, and every module file exists', () => {
    for (const file of allFiles) {
      expect(existsSync(file)).toBe(true);
      expect({ file, balanced: bracketsBalance(readBicep(file)) }).toEqual({ file, balanced: true });
    }
    expect(modulePaths.map((p) => p.replace(`${infra}/`, '')).sort()).toEqual([
      'modules/access.bicep',
      'modules/alerts.bicep',
      'modules/app.bicep',
      'modules/bot.bicep',
      'modules/cosmos.bicep',
      'modules/keyvault.bicep',
      'modules/monitoring.bicep',
      'modules/registry.bicep',
    ]);
  });

  test('each module call passes only declared parameters, all required ones, and reads only declared outputs', () => {
    for (const call of modules(main)) {
      const text = readBicep(resolve(infra, call.path));
      const declared = params(text);
      for (const name of call.params.keys()) {
        expect({ module: call.symbol, param: name, declared: declared.has(name) }).toMatchObject({ declared: true });
      }
      for (const param of declared.values()) {
        if (param.defaultValue === undefined) {
          expect({ module: call.symbol, param: param.name, passed: call.params.has(param.name) }).toMatchObject({ passed: true });
        }
      }
      const declaredOutputs = outputs(text);
      for (const m of main.matchAll(new RegExp(`\\b${call.symbol}\\.outputs\\.(\\w+)`, 'g'))) {
        expect({ module: call.symbol, output: m[1], declared: declaredOutputs.has(m[1]!) }).toMatchObject({ declared: true });
      }
    }
  });

  test('the example parameters file names only parameters main.bicep declares, and no secret', () => {
    const example = JSON.parse(readFileSync(join(infra, 'main.parameters.example.json'), 'utf8')) as {
      parameters: Record<string, { value: unknown }>;
    };
    const declared = params(main);
    const names = Object.keys(example.parameters);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect({ name, declared: declared.has(name) }).toEqual({ name, declared: true });
      expect({ name, secure: declared.get(name)!.secure }).toEqual({ name, secure: false });
    }
    for (const secret of ['botAppPassword', 'slackBotToken', 'slackSigningSecret']) {
      expect(declared.get(secret)).toMatchObject({ type: 'string', secure: true, defaultValue: "''" });
    }
  });

  test('every Azure resource the deployment needs is declared', () => {
    const types = new Set(allFiles.flatMap((f) => resources(readBicep(f)).filter((r) => !r.existing).map((r) => r.type)));
    expect([...types].sort()).toEqual([
      'Microsoft.Authorization/roleAssignments',
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.ContainerRegistry/registries',
      'Microsoft.DocumentDB/databaseAccounts',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
      'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
      'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
      'Microsoft.Insights/actionGroups',
      'Microsoft.Insights/components',
      'Microsoft.Insights/diagnosticSettings',
      'Microsoft.Insights/metricAlerts',
      'Microsoft.Insights/scheduledQueryRules',
      'Microsoft.Insights/workbooks',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.OperationalInsights/workspaces',
      'Microsoft.Web/serverfarms',
      'Microsoft.Web/sites',
    ]);
  });
});

describe('Cosmos DB', () => {
  const cosmos = moduleText('cosmos.bicep');

  test('is serverless by default, with provisioned autoscale throughput as the alternative', () => {
    expect(params(main).get('cosmosCapacityMode')).toMatchObject({ defaultValue: "'Serverless'", allowed: ['Serverless', 'Provisioned'] });
    const account = resource(cosmos, 'Microsoft.DocumentDB/databaseAccounts');
    expect(account.body).toMatch(/capabilities: serverless \? \[\s*\{\s*name: 'EnableServerless'\s*\}\s*\] : \[\]/);
    const database = resource(cosmos, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases');
    expect(database.body).toMatch(/options: serverless \? \{\} : \{\s*autoscaleSettings: \{\s*maxThroughput: autoscaleMaxThroughput/);
  });

  test('the database name the app is told is the one created', () => {
    const call = modules(main).find((m) => m.symbol === 'cosmos')!;
    expect(call.params.get('databaseName')).toBe('cosmosDatabaseName');
    const settings = appSettings();
    expect(settings.get('COSMOS_DATABASE')).toBe('cosmosDatabaseName');
    expect(settings.get('COSMOS_ENDPOINT')).toBe('cosmos.outputs.endpoint');
  });
});

describe('managed identity instead of keys', () => {
  const access = moduleText('access.bicep');
  const app = moduleText('app.bicep');

  test('the web app has a system-assigned identity, used for Key Vault references and the image pull', () => {
    const site = resource(app, 'Microsoft.Web/sites');
    expect(site.body).toMatch(/identity: \{\s*type: 'SystemAssigned'\s*\}/);
    expect(site.body).toMatch(/keyVaultReferenceIdentity: 'SystemAssigned'/);
    expect(site.body).toMatch(/acrUseManagedIdentityCreds: true/);
    // Readiness: an instance whose store cannot take a write is taken out of rotation and replaced.
    expect(site.body).toMatch(/healthCheckPath: '\/readyz'/);
    expect(site.body).toMatch(/alwaysOn: true/);
    const call = modules(main).find((m) => m.symbol === 'access')!;
    expect(call.params.get('appPrincipalId')).toBe('app.outputs.principalId');
    expect(app).toMatch(/^output principalId string = site\.identity\.principalId$/m);
  });

  test('that identity gets Cosmos DB Built-in Data Contributor (00000000-0000-0000-0000-000000000002) on the account', () => {
    const assignments = resources(access).filter((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments');
    const forApp = assignments.find((r) => /principalId: appPrincipalId\n/.test(r.body));
    expect(forApp).toBeDefined();
    expect(access).toMatch(/var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    expect(forApp!.body).toMatch(/roleDefinitionId: '\$\{cosmos\.id\}\/sqlRoleDefinitions\/\$\{cosmosDataContributorRoleId\}'/);
    expect(forApp!.body).toMatch(/scope: cosmos\.id/);
  });

  test('that identity gets Key Vault Secrets User on the vault and AcrPull on the registry', () => {
    const roles = resources(access).filter((r) => r.type === 'Microsoft.Authorization/roleAssignments');
    const roleOf = (scope: string, variable: string): BicepResource | undefined =>
      roles.find((r) => r.body.includes(`scope: ${scope}\n`) && r.body.includes(`principalId: appPrincipalId\n`) && r.body.includes(variable));
    expect(access).toMatch(/var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'/);
    expect(access).toMatch(/var acrPullRoleId = '7f951dda-4ed3-4680-a7ca-43fe172d538d'/);
    expect(roleOf('vault', 'keyVaultSecretsUserRoleId')).toBeDefined();
    expect(roleOf('registry', 'acrPullRoleId')).toBeDefined();
  });

  test('the Cosmos account turns keys off, and the app is not given one', () => {
    expect(params(moduleText('cosmos.bicep')).get('disableLocalAuth')).toMatchObject({ defaultValue: 'true' });
    expect(appSettings().has('COSMOS_KEY')).toBe(false);
  });
});

describe('Azure Bot', () => {
  const bot = moduleText('bot.bicep');

  test('posts Teams activities to https://<web app>/api/messages as a single-tenant bot', () => {
    const registration = resource(bot, 'Microsoft.BotService/botServices');
    expect(registration.body).toMatch(/endpoint: 'https:\/\/\$\{hostName\}\/api\/messages'/);
    expect(registration.body).toMatch(/msaAppType: 'SingleTenant'/);
    const call = modules(main).find((m) => m.symbol === 'bot')!;
    expect(call.params.get('hostName')).toBe('app.outputs.hostName');
    expect(appSettings().get('MICROSOFT_APP_TYPE')).toBe("'SingleTenant'");
  });

  test('has the Microsoft Teams channel', () => {
    const channel = resource(bot, 'Microsoft.BotService/botServices/channels');
    expect(channel.body).toMatch(/name: 'MsTeamsChannel'/);
    expect(channel.body).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(channel.body).toMatch(/isEnabled: true/);
  });
});

/** App settings as main.bicep builds them: name → value source text. */
function appSettings(): Map<string, string> {
  const entries = ['platformSettings', 'coreSettings', 'teamsSettings', 'slackSettings'].flatMap((v) =>
    nameValueEntries(arrayVariable(main, v)),
  );
  expect(main).toMatch(/appSettings: concat\(platformSettings, coreSettings, teamsSettings, slackSettings\)/);
  return new Map(entries.map((e) => [e.name, e.value]));
}

describe('app settings', () => {
  const secrets = {
    MICROSOFT_APP_PASSWORD: 'botAppPasswordSecretUri',
    SLACK_BOT_TOKEN: 'slackBotTokenSecretUri',
    SLACK_SIGNING_SECRET: 'slackSigningSecretSecretUri',
  } as const;

  test('secrets are Key Vault references to secrets the vault module names, and only secrets are', () => {
    const settings = appSettings();
    const keyVaultOutputs = outputs(moduleText('keyvault.bicep'));
    for (const [name, output] of Object.entries(secrets)) {
      expect(settings.get(name)).toBe(`'@Microsoft.KeyVault(SecretUri=\${keyVault.outputs.${output}})'`);
      expect(keyVaultOutputs.has(output)).toBe(true);
    }
    const referencing = [...settings].filter(([, value]) => value.includes('@Microsoft.KeyVault')).map(([name]) => name);
    expect(referencing.sort()).toEqual(Object.keys(secrets).sort());
  });

  test('every name but App Service\'s own WEBSITES_* is a variable src/config.ts reads, and the values parse', () => {
    const declared = params(main);
    const samples: Record<string, string> = {
      'cosmos.outputs.endpoint': 'https://twilight-cosmos-abc.documents.azure.com:443/',
      botAppPasswordSecretUri: 'Qx78Q~abcdefghijklmnopqrstuvwxyz0123456789', // Entra client secrets are 40 characters
      slackBotTokenSecretUri: 'xoxb-1-2-abc',
      slackSigningSecretSecretUri: 'a-signing-secret',
      publicAppUrl: 'https://twilight-app-abc.azurewebsites.net',
      'monitoring.outputs.appInsightsConnectionString':
        'InstrumentationKey=3f2504e0-4f89-41d3-9a0c-0305e82c3301;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/',
    };
    /** What App Service would put in the environment: literals as they are, parameters at their defaults. */
    const evaluate = (value: string): string => {
      const literal = /^'([^'$]*)'$/.exec(value);
      if (literal) return literal[1]!;
      const secret = /outputs\.(\w+)\}\)'$/.exec(value);
      if (secret) return samples[secret[1]!]!;
      if (samples[value]) return samples[value];
      if (value === 'port') return /^var port = '(\d+)'$/m.exec(main)![1]!;
      if (value === 'botAppId' || value === 'botAppTenantId') return '11111111-2222-3333-4444-555555555555';
      const param = declared.get(value);
      const defaultLiteral = param?.defaultValue && /^'([^']*)'$/.exec(param.defaultValue);
      if (defaultLiteral) return defaultLiteral[1]!;
      throw new Error(`cannot evaluate app setting value ${value}`);
    };
    const settings = appSettings();
    const appNames = [...settings.keys()].filter((name) => !name.startsWith('WEBSITES_'));
    const env = Object.fromEntries(appNames.map((name) => [name, evaluate(settings.get(name)!)]));

    const loaded = loadConfig(env);
    expect(loaded).toMatchObject({ ok: true, config: { STORE: 'cosmos', production: true, devPages: false } });
    if (!loaded.ok) return;
    // The env schema drops names it does not know, so a name missing here is one config.ts never reads.
    for (const name of appNames) expect({ name, known: name in loaded.config }).toEqual({ name, known: true });
    expect(appNames).toEqual(
      expect.arrayContaining([
        'STORE', 'COSMOS_ENDPOINT', 'COSMOS_DATABASE', 'MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD',
        'MICROSOFT_APP_TENANT_ID', 'MICROSOFT_APP_TYPE', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT', 'LOG_LEVEL',
      ]),
    );
    // The container listens where App Service sends traffic.
    expect(evaluate(settings.get('WEBSITES_PORT')!)).toBe(String(loaded.config.PORT));
  });

  test('every log level the template allows is one config.ts accepts', () => {
    const allowed = params(main).get('logLevel')!.allowed!;
    expect(allowed.length).toBeGreaterThan(3);
    for (const level of allowed) expect(loadConfig({ LOG_LEVEL: level })).toMatchObject({ ok: true });
  });

  test('Teams and Slack settings are only set when turned on (an unresolved reference would stop the app)', () => {
    expect(main).toMatch(/^var enableTeams = !empty\(botAppId\)$/m);
    expect(main).toMatch(/^var teamsSettings = enableTeams \? \[/m);
    expect(main).toMatch(/^var slackSettings = enableSlack \? \[/m);
    expect(main).toMatch(/^module bot '\.\/modules\/bot\.bicep' = if \(enableTeams\) \{/m);
  });
});


describe('Watching it: alerts, the action group and the workbook (infra/modules/alerts.bicep)', () => {
  const alerts = moduleText('alerts.bicep');
  /** The metric names the app sends (src/telemetry/twilight-metrics.ts). */
  const metricNames = [...readFileSync(join(__dirname, '..', '..', 'src', 'telemetry', 'twilight-metrics.ts'), 'utf8').matchAll(/'(twilight\.[a-z_.]+)'/g)].map((m) => m[1]!);
  const rule = (symbol: string) => resources(alerts).find((r) => r.symbol === symbol)!;

  test('the app sends its telemetry: APPLICATIONINSIGHTS_CONNECTION_STRING is the component\'s connection string', () => {
    expect(appSettings().get('APPLICATIONINSIGHTS_CONNECTION_STRING')).toBe('monitoring.outputs.appInsightsConnectionString');
    expect(outputs(moduleText('monitoring.bicep')).has('appInsightsConnectionString')).toBe(true);
  });

  test('the deployer gives the address: a required parameter, passed on, e-mailed by the action group', () => {
    expect(params(main).get('alertEmail')).toMatchObject({ type: 'string', secure: false });
    expect(params(main).get('alertEmail')!.defaultValue).toBeUndefined();
    expect(modules(main).map((m) => m.path)).toContain('./modules/alerts.bicep');
    expect(main).toMatch(/module alerts '\.\/modules\/alerts\.bicep' = \{[\s\S]*?alertEmail: alertEmail/);
    const group = resource(alerts, 'Microsoft.Insights/actionGroups');
    expect(group.body).toMatch(/emailReceivers: \[\s*\{[\s\S]*?emailAddress: alertEmail/);
  });

  test('the oldest due message older than 10 minutes', () => {
    const body = rule('outboxAlert').body;
    expect(body).toContain('name == "twilight.outbox.oldest_due_age"');
    expect(body).toMatch(/operator: 'GreaterThan'\s+threshold: 600\n/);
    expect(body).toMatch(/actionGroup\.id/);
  });

  test('failures over 5 % in 15 minutes', () => {
    const body = rule('failureAlert').body;
    expect(body).toContain('"twilight.messages.sent", "twilight.messages.failed"');
    expect(body).toContain('100.0 * failed / (sent + failed)');
    expect(body).toMatch(/windowSize: 'PT15M'/);
    expect(body).toMatch(/operator: 'GreaterThan'\s+threshold: 5\n/);
    expect(body).toMatch(/actionGroup\.id/);
  });

  test('readiness failing: App Service\'s health check (/readyz) below 100 %', () => {
    const body = rule('readinessAlert').body;
    expect(body).toMatch(/scopes: \[\s*appId\s*\]/);
    expect(body).toMatch(/metricName: 'HealthCheckStatus'[\s\S]*?operator: 'LessThan'\s+threshold: 100\n/);
    expect(readBicep(join(infra, 'modules', 'app.bicep'))).toContain("healthCheckPath: '/readyz'");
    expect(body).toMatch(/actionGroupId: actionGroup\.id/);
  });

  test('the workbook charts every figure the app sends, and the alerts read only figures it sends', () => {
    expect(metricNames).toEqual(
      expect.arrayContaining(['twilight.messages.sent', 'twilight.messages.failed', 'twilight.messages.throttled', 'twilight.messages.expired', 'twilight.outbox.due', 'twilight.outbox.oldest_due_age', 'twilight.planner.lag', 'twilight.answers.stored_last_day', 'twilight.cosmos.request_units']),
    );
    const workbook = resource(alerts, 'Microsoft.Insights/workbooks');
    expect(workbook.body).toMatch(/sourceId: appInsights\.id/);
    const items = alerts.slice(alerts.indexOf('var workbookItems'), alerts.indexOf('resource workbook'));
    for (const name of metricNames) expect({ name, charted: items.includes(`"${name}"`) }).toEqual({ name, charted: true });
    for (const used of alerts.matchAll(/"(twilight\.[a-z_.]+)"/g)) expect(metricNames).toContain(used[1]);
  });
});
