/**
 * Imported first by src/main.ts, so OpenTelemetry's HTTP instrumentation is in place before express,
 * botbuilder and Bolt load `http`. It reads one variable itself for that reason (the config is read later).
 */
import { startTelemetry } from './start-telemetry';

// eslint-disable-next-line no-restricted-properties -- must run before config.ts and the rest are loaded
export const telemetry = startTelemetry({ connectionString: process.env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim() || undefined });
