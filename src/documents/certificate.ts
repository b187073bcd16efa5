import { hoursText } from '../cards/wording/my-record';
import { DateTime } from 'luxon';
import { CATEGORY_LABELS, KIND_LABELS, type Session, type Staff, type Tenant } from '../domain';
import { escapeHtml } from './html-escape';
import { dayText } from '../app/reports';
import { sessionHours } from '../app/records';

export interface CertificateInput {
  tenant: Pick<Tenant, 'name' | 'schools' | 'settings'>;
  person: Pick<Staff, 'name' | 'schoolId'>;
  session: Session;
  /** When the certificate is issued (time is a parameter). */
  issuedAt: Date;
  /** The certificate's reference, printed so it can be checked against the record. */
  reference: string;
}

/**
 * A certificate of attendance (docs/policy-sources.md: accreditation of CPD) as one self-contained HTML page
 * the person can print or save as PDF from the browser. Every value is escaped.
 */
export function renderCertificate(input: CertificateInput): string {
  const { tenant, person, session } = input;
  const zone = tenant.settings.timezone;
  const start = DateTime.fromISO(session.startsAt, { zone });
  const end = DateTime.fromISO(session.endsAt, { zone });
  // The record's own figure (quarter hours, one formatter): a certificate never disagrees with it.
  const hours = hoursText(sessionHours(session));
  const school = tenant.schools.find((s) => s.id === person.schoolId)?.name;
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Certificate of attendance: ${e(session.title)}</title>
<style>
  @page { size: A4 landscape; margin: 15mm; }
  body { font-family: Georgia, 'Times New Roman', serif; color: #1b1b1b; margin: 0; }
  .certificate { border: 6px double #274060; padding: 40px 60px; text-align: center; min-height: 150mm; }
  h1 { font-size: 34px; letter-spacing: 2px; color: #274060; margin-bottom: 8px; }
  .name { font-size: 30px; font-weight: bold; margin: 24px 0; }
  .session { font-size: 22px; font-style: italic; }
  .meta { margin-top: 24px; font-size: 15px; line-height: 1.6; }
  .footer { margin-top: 40px; font-size: 12px; color: #555; }
</style>
</head>
<body>
<div class="certificate">
  <h1>Certificate of Attendance</h1>
  <p>${e(tenant.name)}${school ? ` · ${e(school)}` : ''} certifies that</p>
  <p class="name">${e(person.name)}</p>
  <p>attended the professional development session</p>
  <p class="session">${e(session.title)}</p>
  <div class="meta">
    <div>${e(KIND_LABELS[session.kind])} · ${e(CATEGORY_LABELS[session.category])}</div>
    <div>${e(start.toFormat('cccc d LLLL yyyy'))}, ${e(start.toFormat('HH:mm'))}–${e(end.toFormat('HH:mm'))} (${e(hours)})</div>
    ${session.externalFacilitator ? `<div>Led by ${e(session.externalFacilitator)}</div>` : ''}
    ${session.gapTask ? `<div>Intended impact: ${e(session.gapTask.intent)}</div>` : ''}
  </div>
  <p class="footer">Issued ${e(dayText(input.issuedAt.toISOString(), zone))} · Reference ${e(input.reference)}</p>
</div>
</body>
</html>
`;
}
