import { deterministicId, participationId } from '../domain';
import { renderCertificate } from './certificate';
import type { ReportDeps, ReportResult } from '../app/reports';

/** A certificate only for a session the person is marked as having attended. */
export async function loadCertificate(
  deps: ReportDeps,
  tenantId: string,
  staffId: string,
  sessionId: string,
  now: Date,
): Promise<ReportResult<{ fileName: string; html: string }>> {
  const { store } = deps;
  const tenant = (await store.tenants.get(tenantId, tenantId))?.value;
  const person = (await store.staff.get(tenantId, staffId))?.value;
  const session = (await store.sessions.get(tenantId, sessionId))?.value;
  if (!tenant || !person || !session) return { ok: false, message: 'There is no such session in your record.' };
  const participation = (await store.participations.get(tenantId, participationId(sessionId, staffId)))?.value;
  if (participation?.attended !== true) {
    return { ok: false, message: 'A certificate is available once the register shows you attended this session.' };
  }
  const reference = deterministicId('cert', tenantId, sessionId, staffId).slice(5, 17).toUpperCase();
  const html = renderCertificate({ tenant, person, session, issuedAt: now, reference });
  return { ok: true, value: { fileName: `certificate-${session.startsAt.slice(0, 10)}.html`, html } };
}
