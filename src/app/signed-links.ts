import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock';

/**
 * Links a person can open from a card without signing in: a session's .ics file, their own
 * certificate and their own record as CSV. Each carries an HMAC of what it names, so it cannot
 * be edited into another tenant's session or another person's data. Calendar links never expire
 * (calendars fetch them again to pick up changes); links that name a person expire.
 */
export interface SignedLinks {
  sessionCalendarUrl(tenantId: string, sessionId: string): string;
  certificateUrl(tenantId: string, sessionId: string, staffId: string): string;
  myRecordUrl(tenantId: string, staffId: string): string;
  verifyCalendar(tenantId: string, sessionId: string, signature: string): boolean;
  verifyCertificate(tenantId: string, sessionId: string, staffId: string, expires: string, signature: string): boolean;
  verifyMyRecord(tenantId: string, staffId: string, expires: string, signature: string): boolean;
}

export interface SignedLinkOptions {
  /** The public origin the bot is reached at, e.g. https://twilight.example.org */
  baseUrl: string;
  secret: string;
  clock: Clock;
  /** How long a link naming a person works after the card showing it was made. */
  personalLinkDays?: number;
}

export const CALENDAR_PATH = '/links/calendar';
export const CERTIFICATE_PATH = '/links/certificate';
export const RECORD_PATH = '/links/record';

export function createSignedLinks(options: SignedLinkOptions): SignedLinks {
  const base = options.baseUrl.replace(/\/+$/, '');
  const days = options.personalLinkDays ?? 30;
  const sign = (...parts: string[]) => createHmac('sha256', options.secret).update(parts.join('\n')).digest('base64url');
  const same = (expected: string, given: string) => {
    const a = Buffer.from(expected);
    const b = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  const path = (parts: string[]) => parts.map(encodeURIComponent).join('/');
  const personalUrl = (kind: string, prefix: string, parts: string[]) => {
    const expires = String(Math.floor(options.clock.now().getTime() / 1000) + days * 86_400);
    return `${base}${prefix}/${path(parts)}?expires=${expires}&sig=${sign(kind, ...parts, expires)}`;
  };
  const verifyPersonal = (kind: string, parts: string[], expires: string, signature: string) =>
    /^\d{1,12}$/.test(expires) && Number(expires) * 1000 > options.clock.now().getTime() && same(sign(kind, ...parts, expires), signature);
  return {
    sessionCalendarUrl: (tenantId, sessionId) => `${base}${CALENDAR_PATH}/${path([tenantId, sessionId])}.ics?sig=${sign('calendar', tenantId, sessionId)}`,
    certificateUrl: (tenantId, sessionId, staffId) => personalUrl('certificate', CERTIFICATE_PATH, [tenantId, sessionId, staffId]),
    myRecordUrl: (tenantId, staffId) => personalUrl('record', RECORD_PATH, [tenantId, staffId]),
    verifyCalendar: (tenantId, sessionId, signature) => same(sign('calendar', tenantId, sessionId), signature),
    verifyCertificate: (tenantId, sessionId, staffId, expires, signature) => verifyPersonal('certificate', [tenantId, sessionId, staffId], expires, signature),
    verifyMyRecord: (tenantId, staffId, expires, signature) => verifyPersonal('record', [tenantId, staffId], expires, signature),
  };
}
