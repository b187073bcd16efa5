import { retryAfterMs, sendResultFromError } from '../../../src/bots/teams/send-result';

const NOW = new Date('2026-11-23T09:00:00.000Z');

function restError(status: number | undefined, headers: Record<string, string> = {}) {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`status ${status}`), { statusCode: status, response: { status, headers: { get: (n: string) => map.get(n.toLowerCase()) } } });
}

describe('sendResultFromError (connector failures after the client’s own retries)', () => {
  it('429 → throttled, honouring Retry-After in seconds, as a date, or in ms', () => {
    expect(sendResultFromError(restError(429, { 'Retry-After': '3' }), NOW)).toEqual({ status: 'throttled', retryAfterMs: 3000 });
    expect(retryAfterMs(restError(429, { 'Retry-After': 'Mon, 23 Nov 2026 09:00:10 GMT' }), NOW)).toBe(10_000);
    expect(retryAfterMs(restError(429, { 'x-ms-retry-after-ms': '250' }), NOW)).toBe(250);
    expect(retryAfterMs(restError(429), NOW)).toBe(5000);
  });

  it('403/404 → unreachable; 5xx, 408 and network errors → transient; other 4xx → permanent', () => {
    expect(sendResultFromError(restError(403), NOW).status).toBe('unreachable');
    expect(sendResultFromError(restError(404), NOW).status).toBe('unreachable');
    expect(sendResultFromError(restError(502), NOW)).toMatchObject({ status: 'failed', transient: true });
    expect(sendResultFromError(restError(408), NOW)).toMatchObject({ status: 'failed', transient: true });
    expect(sendResultFromError(Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }), NOW)).toMatchObject({ status: 'failed', transient: true });
    expect(sendResultFromError(restError(400), NOW)).toMatchObject({ status: 'failed', transient: false });
  });
});
