/**
 * Run by telemetry.test.ts as its own process (`tsx test/telemetry/telemetry-run.ts`): OpenTelemetry's
 * HTTP instrumentation patches `http` when it is loaded, which jest's module system never does. It
 * starts telemetry as src/main.ts does (the Azure Monitor distro, with a connection string whose
 * ingestion endpoint refuses connections) plus in-memory exporters, then does what the bot does with a
 * person in it: an inbound request, Cosmos DB reads and writes through the real SDK, Slack Web API
 * calls and a Bot Connector send, and the Twilight metrics. It prints what the exporters got as JSON.
 */
import { AggregationTemporality, InMemoryMetricExporter, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../../src/telemetry/start-telemetry';

import { PERSON } from './person';

async function main(): Promise<void> {
  const spans = new InMemorySpanExporter();
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  const telemetry = startTelemetry({
    connectionString: 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/',
    spanProcessors: [new SimpleSpanProcessor(spans) as never],
    metricReaders: [reader as never],
    // Every trace kept, so the test sees each call (in production the distro keeps 5 a second).
    tracesPerSecond: 0,
  });
  // Loaded after telemetry started, as src/main.ts loads them after src/telemetry/register.ts.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { createServer, get } = require('node:http') as typeof import('node:http');
  const { WebClient } = require('@slack/web-api') as typeof import('@slack/web-api');
  const { ConnectorClient, MicrosoftAppCredentials } = require('botframework-connector') as typeof import('botframework-connector');
  const { startLoopbackCosmos } = require('../support/cosmos-server') as typeof import('../support/cosmos-server');
  const { startFakeConnector } = require('../support/fake-connector') as typeof import('../support/fake-connector');
  const { FakeSlackApi } = require('../support/fake-slack-api') as typeof import('../support/fake-slack-api');
  const { delivery, staff, tenant } = require('../support/fixtures') as typeof import('../support/fixtures');
  const { openCosmosStore } = require('../../src/store/cosmos/cosmos-store') as typeof import('../../src/store/cosmos/cosmos-store');
  const { RequestChargeMeter } = require('../../src/store/cosmos/request-charges') as typeof import('../../src/store/cosmos/request-charges');
  const { loadStatusFigures } = require('../../src/app/status') as typeof import('../../src/app/status');
  const { twilightMetrics } = require('../../src/telemetry/twilight-metrics') as typeof import('../../src/telemetry/twilight-metrics');
  /* eslint-enable @typescript-eslint/no-require-imports */

  const clock = { now: () => new Date() };
  const metrics = twilightMetrics(() => loadStatusFigures({ store, clock }, ['oakfield']));

  // Cosmos DB: the person's record written, read by id and found by e-mail; a message due for them.
  const cosmos = await startLoopbackCosmos();
  const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'telemetry', createIfMissing: true, meter: new RequestChargeMeter(undefined, metrics.requestUnits) });
  await store.tenants.put(tenant('oakfield'));
  await store.staff.put(staff('oakfield', PERSON.id, { name: PERSON.name, email: PERSON.email }));
  await store.staff.get('oakfield', PERSON.id);
  await store.staff.find('oakfield', { where: { email: PERSON.email } });
  await store.deliveries.put(delivery('oakfield', PERSON.id, { dueAt: new Date(Date.now() - 15 * 60_000).toISOString() }));

  // Inbound: a request naming the person in its path and query.
  const server = createServer((_req, res) => res.writeHead(200).end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve, reject) => {
    get(`http://127.0.0.1:${port}/links/${PERSON.id}/certificate?email=${encodeURIComponent(PERSON.email)}`, (res) => res.resume().on('end', resolve)).on('error', reject);
  });

  // Slack: look the person up by e-mail and write to them.
  const slack = new FakeSlackApi();
  await slack.start();
  slack.users.set(PERSON.slackId, { id: PERSON.slackId, email: PERSON.email, name: PERSON.name });
  const web = new WebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
  await web.users.lookupByEmail({ email: PERSON.email }).catch(() => undefined);
  await web.chat.postMessage({ channel: PERSON.slackId, text: `Hello ${PERSON.name}` });

  // Teams: a message to the person's 1:1 conversation through the Bot Connector.
  const connector = await startFakeConnector();
  const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: connector.url.replace(/\/$/, '') });
  await client.conversations.sendToConversation(PERSON.conversation, { type: 'message', text: `Hello ${PERSON.name}` });

  // What the dispatcher reports as it sends (src/main.ts passes metrics.messageOutcome as onOutcome).
  metrics.messageOutcome('sent', 'teams');
  metrics.messageOutcome('sent', 'slack');
  metrics.messageOutcome('failed', 'slack');
  metrics.messageOutcome('throttled', 'teams');
  metrics.messageOutcome('expired', undefined);

  await reader.forceFlush();
  const out = {
    spans: spans.getFinishedSpans().map((s) => ({ name: s.name, kind: s.kind, attributes: s.attributes, events: s.events.map((e) => ({ name: e.name, attributes: e.attributes ?? {} })), scope: s.instrumentationScope.name })),
    metrics: metricExporter
      .getMetrics()
      .flatMap((r) => r.scopeMetrics)
      .flatMap((sm) => sm.metrics)
      .map((m) => ({ name: m.descriptor.name, unit: m.descriptor.unit, points: m.dataPoints.map((p) => ({ attributes: p.attributes, value: p.value })) })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  server.close();
  await connector.stop();
  await slack.stop();
  await store.close();
  await cosmos.stop();
  await telemetry.shutdown().catch(() => undefined);
  process.exit(0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
