import type { SendResult } from '../../app/outbound';

/** The parts of a connector client (@azure/core-rest-pipeline RestError) failure that decide what to do next. */
interface ConnectorFailure {
  statusCode?: number;
  /** `ETIMEDOUT` from the request deadline (connector-deadline.ts). */
  code?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined } | Record<string, string> };
  message?: string;
}

const DEFAULT_RETRY_AFTER_MS = 5_000;

function header(failure: ConnectorFailure, name: string): string | undefined {
  const headers = failure.response?.headers;
  if (!headers) return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Retry-After as the client reads it: milliseconds headers first, then seconds or an HTTP date. */
export function retryAfterMs(failure: ConnectorFailure, now: Date): number {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(header(failure, name));
    if (header(failure, name) !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const retryAfter = header(failure, 'retry-after');
  if (retryAfter === undefined) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(retryAfter);
  return Number.isFinite(at) ? Math.max(0, at - now.getTime()) : DEFAULT_RETRY_AFTER_MS;
}

/**
 * What a connector failure means for the dispatcher. The client has already retried 429 and 5xx
 * (three times, honouring Retry-After), so a failure here is what survived those retries, or a
 * call that ran out of time (a timeout: transient, the dispatcher retries it with backoff).
 */
export function sendResultFromError(error: unknown, now: Date): SendResult {
  const failure = (error ?? {}) as ConnectorFailure;
  const status = failure.statusCode ?? failure.response?.status;
  const reason = `${status ?? (failure.code === 'ETIMEDOUT' ? 'timeout' : 'network')}: ${(failure.message ?? String(error)).slice(0, 300)}`;
  if (status === 429) return { status: 'throttled', retryAfterMs: retryAfterMs(failure, now) };
  if (status === 403 || status === 404) return { status: 'unreachable', reason };
  if (status === undefined || status === 408 || status >= 500) return { status: 'failed', transient: true, reason };
  return { status: 'failed', transient: false, reason };
}
