import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { RedactingSpanProcessor } from './redact';

export interface Telemetry {
  enabled: boolean;
  /** Sends what is buffered and stops (on SIGTERM, before the process exits). */
  shutdown(): Promise<void>;
}

export interface TelemetryOptions {
  /** APPLICATIONINSIGHTS_CONNECTION_STRING: without it telemetry is off, and nothing is loaded or sent. */
  connectionString?: string;
  /** More processors and readers after the redacting one (the tests' in-memory exporters). */
  spanProcessors?: AzureMonitorOpenTelemetryOptions['spanProcessors'];
  metricReaders?: AzureMonitorOpenTelemetryOptions['metricReaders'];
  /** Traces kept per second (the distro's rate-limited sampling, 5 by default); 0 keeps every trace (the tests). */
  tracesPerSecond?: number;
}

let started: Telemetry | undefined;

/**
 * OpenTelemetry through Azure Monitor's distro: traces of inbound requests and outbound calls (HTTP:
 * the Bot Connector and Slack; Azure SDK: Cosmos DB) and the metrics in twilight-metrics.ts. Call it
 * before anything loads `http`, so the instrumentation sees every request (src/telemetry/register.ts).
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started) return started;
  if (!options.connectionString) return { enabled: false, shutdown: () => Promise.resolve() };
  // Loaded only when on: with no connection string the distro is never even read from disk.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronously, before http is loaded
  const { useAzureMonitor, shutdownAzureMonitor } = require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: options.connectionString },
    // Redacted before any exporter sees a span (src/telemetry/redact.ts).
    spanProcessors: [new RedactingSpanProcessor() as never, ...(options.spanProcessors ?? [])],
    ...(options.metricReaders ? { metricReaders: options.metricReaders } : {}),
    ...(options.tracesPerSecond !== undefined ? { tracesPerSecond: options.tracesPerSecond } : {}),
    // Live Metrics streams request URLs and exception texts straight to the portal, unredacted: off.
    enableLiveMetrics: false,
    // The logs stay pino's on stdout (App Service collects them); no console or logger capture.
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      console: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
    },
  });
  // Bolt's WebClient (Slack Web API) calls with fetch, which the distro's HTTP instrumentation does not
  // see: undici's own instrumentation does (the distro's documented way to add one).
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof import('@opentelemetry/instrumentation-undici');
  /* eslint-enable @typescript-eslint/no-require-imports */
  registerInstrumentations({ instrumentations: [new UndiciInstrumentation()] });
  started = { enabled: true, shutdown: () => shutdownAzureMonitor() };
  return started;
}
