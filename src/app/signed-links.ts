import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock';

/**
 * Links a person can open from a card without signing in: a session's .ics file and their own
 * certificate. Each carries an HMAC of what it names, so it cannot be edited into another
 * tenant's session or another person's certificate. Calendar links never expire (calendars fetch
 * them again to pick up changes); certificate links name a person and expire.
 */
export interface SignedLinks {
  sessionCalendarUrl(tenantId: string, sessionId: string): string;
  certificateUrl(tenantId: string, sessionId: string, staffId: string): string;
  verifyCalendar(tenantId: string, sessionId: string, signature: string): boolean;
  verifyCertificate(tenantId: string, sessionId: string, staffId: string, expires: string, signature: string): boolean;
}

export interface SignedLinkOptions {
  /** The public origin the bot is reached at, e.g. https://twilight.example.org */
  baseUrl: string;
  secret: string;
  clock: Clock;
  /** How long a certificate link works after the card showing it was made. */
  certificateDays?: number;
}

export const CALENDAR_PATH = '/links/calendar';
export const CERTIFICATE_PATH = '/links/certificate';

export function createSignedLinks(options: SignedLinkOptions): SignedLinks {
  const base = options.baseUrl.replace(/\/+$/, '');
  const days = options.certificateDays ?? 30;
  const sign = (...parts: string[]) => createHmac('sha256', options.secret).update(parts.join('\n')).digest('base64url');
  const same = (expected: string, given: string) => {
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
  return {
    sessionCalendarUrl: (tenantId, sessionId) => `${base}${CALENDAR_PATH}/${path(tenantId, sessionId)}.ics?sig=${sign('calendar', tenantId, sessionId)}`,
    certificateUrl: (tenantId, sessionId, staffId) => {
      const expires = String(Math.floor(options.clock.now().getTime() / 1000) + days * 86_400);
      return `${base}${CERTIFICATE_PATH}/${path(tenantId, sessionId, staffId)}?expires=${expires}&sig=${sign('certificate', tenantId, sessionId, staffId, expires)}`;
    },
    verifyCalendar: (tenantId, sessionId, signature) => same(sign('calendar', tenantId, sessionId), signature),
    verifyCertificate: (tenantId, sessionId, staffId, expires, signature) =>
      /^\d{1,12}$/.test(expires) &&
      Number(expires) * 1000 > options.clock.now().getTime() &&
      same(sign('certificate', tenantId, sessionId, staffId, expires), signature),
  };
}
