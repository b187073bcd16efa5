import type { StatutoryReport } from '../../domain';
import { readCertificateFile } from './course-certificate';
import { leadsCpdFor } from '../tenants';
import type { CardView } from '../../cards/views';
import { updateWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';
import type { ReceivedFile } from '../files';
import { notice } from '../notice';
import type { Actor } from '../people';

/** The person's latest report still waiting for a lead: a certificate sent now goes with it. */
export async function waitingStatutoryReport(deps: AppDeps, actor: Actor): Promise<StatutoryReport | undefined> {
  const theirs = await deps.store.statutoryReports.find(actor.tenant.id, { where: { staffId: actor.staff.id } });
  return theirs
    .map((r) => r.value)
    .filter((r) => r.status === 'reported')
    .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt) || b.id.localeCompare(a.id))[0];
}

/**
 * A certificate sent in chat while a statutory training report waits for its lead (issue 26
 * item 2): kept with that report, as a booked course's is kept with it (course-certificate.ts),
 * so the lead sees it on the card. Checked by its bytes; the same file again changes nothing.
 */
export async function attachStatutoryCertificate(deps: AppDeps, actor: Actor, report: StatutoryReport, file: ReceivedFile): Promise<CardView> {
  const read = await readCertificateFile(file);
  if (!read.ok) return read.view;
  const certificate = { ...read.file, attachedAt: deps.clock.now().toISOString() };
  const written = await updateWithRetry(deps.store.statutoryReports, actor.tenant.id, report.id, (current) =>
    current.status !== 'reported' || current.certificate?.sha256 === certificate.sha256 ? undefined : { ...current, certificate },
  );
  if (!written.ok) return notice('attention', 'Your report changed at the same moment. Please send the certificate again.');
  if (written.value.status !== 'reported') return notice('info', `Your ${report.topic} report was decided meanwhile, so the certificate was not added.`);
  if (!written.changed) return notice('good', `That certificate is already with your ${report.topic} report.`, 'Certificate');
  return notice('good', `Kept with your ${report.topic} report: your CPD lead sees it when they confirm it.`, 'Certificate');
}

/**
 * The certificate a report carries, for its signed link: only to the person or a lead who may
 * decide their report (the trust's, or their school's own), checked again when opened.
 */
export async function loadStatutoryCertificate(deps: Pick<AppDeps, 'store'>, tenantId: string, reportId: string, viewerId: string): Promise<NonNullable<StatutoryReport['certificate']> | undefined> {
  const [tenant, report, viewer] = await Promise.all([deps.store.tenants.get(tenantId, tenantId), deps.store.statutoryReports.get(tenantId, reportId), deps.store.staff.get(tenantId, viewerId)]);
  const certificate = report?.value.certificate;
  if (!tenant || !report || !certificate || !viewer?.value.active) return undefined;
  if (viewer.value.id === report.value.staffId) return certificate;
  const person = (await deps.store.staff.get(tenantId, report.value.staffId))?.value;
  return person && leadsCpdFor(tenant.value, viewer.value, person.schoolId) ? certificate : undefined;
}
