import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../domain/clock';

/**
 * Links a person can open from a card without signing in: a session's .ics file, their own
 * certificate and their own record as CSV, a lead's report page and school files (templates,
 * mentoring programmes), and chart pictures in Slack. Each carries an HMAC of what it names, so it cannot
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
  /** A chart picture for one reader's Slack message; `token` is the chart's figures (chart-token.ts). */
  chartImageUrl(tenantId: string, staffId: string, token: string): string;
  verifyChartImage(tenantId: string, staffId: string, token: string, expires: string, signature: string): boolean;
  /** The certificate sent with a statutory training report, for one viewer (the lead deciding it, or the person). */
  statutoryCertificateUrl(tenantId: string, reportId: string, viewerId: string): string;
  verifyStatutoryCertificate(tenantId: string, reportId: string, viewerId: string, expires: string, signature: string): boolean;
  /** The lead's full report page; expires in hours, as it shows the whole programme. */
  reportPageUrl(tenantId: string, staffId: string): string;
  verifyReportPage(tenantId: string, staffId: string, expires: string, signature: string): boolean;
  /** A school file a CPD lead takes out of chat to edit and send back (the questionnaire templates, the mentoring programmes); expires in hours, as the report page. */
  schoolFileUrl(tenantId: string, staffId: string, file: SchoolFileName): string;
  verifySchoolFile(tenantId: string, staffId: string, file: string, expires: string, signature: string): boolean;
}

/** The JSON files a lead can download from chat: what `templates export` and `programmes export` write. */
export const SCHOOL_FILE_NAMES = ['templates.json', 'programmes.json'] as const;
export type SchoolFileName = (typeof SCHOOL_FILE_NAMES)[number];

export interface SignedLinkOptions {
  /** The public origin the bot is reached at, e.g. https://twilight.example.org */
  baseUrl: string;
  secret: string;
  clock: Clock;
  /** How long a link naming a person works after the card showing it was made. */
  personalLinkDays?: number;
  /** How long a report page link works (default 12 hours). */
  reportLinkHours?: number;
  /** How long a chart picture link works (default 7 days: Slack fetches it again when a message is scrolled back to). */
  chartLinkHours?: number;
}

export const CALENDAR_PATH = '/links/calendar';
export const CERTIFICATE_PATH = '/links/certificate';
export const RECORD_PATH = '/links/record';
export const CHART_PATH = '/links/chart';
export const REPORT_PATH = '/links/report';
export const STATUTORY_CERTIFICATE_PATH = '/links/statutory-certificate';
export const SCHOOL_FILE_PATH = '/links/school-file';

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
  const personalUrl = (kind: string, prefix: string, parts: string[], lifetimeSeconds = days * 86_400, suffix = '') => {
    const expires = String(Math.floor(options.clock.now().getTime() / 1000) + lifetimeSeconds);
    return `${base}${prefix}/${path(parts)}${suffix}?expires=${expires}&sig=${sign(kind, ...parts, expires)}`;
  };
  const reportSeconds = (options.reportLinkHours ?? 12) * 3600;
  const chartSeconds = (options.chartLinkHours ?? 7 * 24) * 3600;
  const verifyPersonal = (kind: string, parts: string[], expires: string, signature: string) =>
    /^\d{1,12}$/.test(expires) && Number(expires) * 1000 > options.clock.now().getTime() && same(sign(kind, ...parts, expires), signature);
  return {
    sessionCalendarUrl: (tenantId, sessionId) => `${base}${CALENDAR_PATH}/${path([tenantId, sessionId])}.ics?sig=${sign('calendar', tenantId, sessionId)}`,
    certificateUrl: (tenantId, sessionId, staffId) => personalUrl('certificate', CERTIFICATE_PATH, [tenantId, sessionId, staffId]),
    myRecordUrl: (tenantId, staffId) => personalUrl('record', RECORD_PATH, [tenantId, staffId]),
    verifyCalendar: (tenantId, sessionId, signature) => same(sign('calendar', tenantId, sessionId), signature),
    verifyCertificate: (tenantId, sessionId, staffId, expires, signature) => verifyPersonal('certificate', [tenantId, sessionId, staffId], expires, signature),
    verifyMyRecord: (tenantId, staffId, expires, signature) => verifyPersonal('record', [tenantId, staffId], expires, signature),
    chartImageUrl: (tenantId, staffId, token) => personalUrl('chart', CHART_PATH, [tenantId, staffId, token], chartSeconds, '.png'),
    verifyChartImage: (tenantId, staffId, token, expires, signature) => verifyPersonal('chart', [tenantId, staffId, token], expires, signature),
    statutoryCertificateUrl: (tenantId, reportId, viewerId) => personalUrl('statutory-certificate', STATUTORY_CERTIFICATE_PATH, [tenantId, reportId, viewerId]),
    verifyStatutoryCertificate: (tenantId, reportId, viewerId, expires, signature) => verifyPersonal('statutory-certificate', [tenantId, reportId, viewerId], expires, signature),
    reportPageUrl: (tenantId, staffId) => personalUrl('report', REPORT_PATH, [tenantId, staffId], reportSeconds),
    verifyReportPage: (tenantId, staffId, expires, signature) => verifyPersonal('report', [tenantId, staffId], expires, signature),
    schoolFileUrl: (tenantId, staffId, file) => personalUrl('school-file', SCHOOL_FILE_PATH, [tenantId, staffId, file], reportSeconds),
    verifySchoolFile: (tenantId, staffId, file, expires, signature) => verifyPersonal('school-file', [tenantId, staffId, file], expires, signature),
  };
}
