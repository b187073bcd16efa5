import { createHash } from 'node:crypto';
import { certificateTypeOf, CourseCertificate, courseCertificateId, type CertificateType, type CpdRequest } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import type { ReceivedFile } from '../files';
import { notice } from '../notice';
import { upsertWithRetry } from '../../store/update';
import type { Actor } from '../people';

/** A file whose name says PDF or picture is taken as a certificate, not a school file to import. */
export const CERTIFICATE_NAME = /\.(pdf|png|jpe?g)$/i;

const NONE_WAITING =
  'I keep certificates for booked courses you attended, and none of yours is on your record yet. Once you have said you attended a course, send its certificate here.';

/** A certificate file as kept with what it certifies: its name, kind (by its bytes), hash and content. */
export interface KeptCertificateFile {
  fileName: string;
  type: CertificateType;
  sha256: string;
  content: string;
}

/**
 * Fetches a certificate sent in chat through the platform's download (its host allow-list, size and
 * time limits) and keeps it only if its bytes are a PDF or a picture; else what to tell the person.
 */
export async function readCertificateFile(file: ReceivedFile): Promise<{ ok: true; file: KeptCertificateFile } | { ok: false; view: CardView }> {
  const downloaded = await file.download();
  if (!downloaded.ok) return { ok: false, view: notice('attention', downloaded.message) };
  const type = certificateTypeOf(downloaded.bytes);
  if (!type) return { ok: false, view: notice('attention', 'That file is not a PDF or a picture (PNG or JPEG) inside, so I did not keep it. Send the certificate as the provider sent it.') };
  const sha256 = createHash('sha256').update(downloaded.bytes).digest('hex');
  const fileName = file.name.slice(0, 300).trim() || `certificate.${type}`;
  return { ok: true, file: { fileName, type, sha256, content: Buffer.from(downloaded.bytes).toString('base64') } };
}

/** The person's booked course that a certificate sent now belongs to: the latest one attended (by its last day). */
async function latestAttended(deps: AppDeps, actor: Actor): Promise<CpdRequest | undefined> {
  const theirs = await deps.store.cpdRequests.find(actor.tenant.id, { where: { requesterId: actor.staff.id } });
  return theirs
    .map((r) => r.value)
    .filter((r) => (r.status === 'attended' || r.status === 'evaluated') && r.booking)
    .sort((a, b) => b.details.endDate.localeCompare(a.details.endDate) || b.id.localeCompare(a.id))[0];
}

/**
 * A certificate sent in chat (issue 26): kept with the person's latest attended booked course, so
 * the Certificate link on that row of `my cpd` opens it. Fetched through the platform's download
 * (its host allow-list, size and time limits); only a PDF or a picture by its bytes is kept; sending
 * another replaces it, and the same file again changes nothing.
 */
export async function attachCourseCertificate(deps: AppDeps, actor: Actor, file: ReceivedFile): Promise<CardView> {
  const request = await latestAttended(deps, actor);
  if (!request?.booking) return notice('attention', NONE_WAITING);
  const read = await readCertificateFile(file);
  if (!read.ok) return read.view;
  const sessionId = request.booking.sessionId;
  const id = courseCertificateId(sessionId, actor.staff.id);
  const title = request.details.courseTitle;
  let replaced = false;
  const written = await upsertWithRetry(deps.store.courseCertificates, actor.tenant.id, id, (existing) => {
    replaced = existing !== undefined;
    if (existing?.sha256 === read.file.sha256) return undefined;
    return CourseCertificate.parse({ tenantId: actor.tenant.id, id, staffId: actor.staff.id, sessionId, requestId: request.id, ...read.file, attachedAt: deps.clock.now().toISOString() });
  });
  if (!written.ok) return notice('attention', 'Another copy of this certificate was being saved at the same moment. Please send it again.');
  if (!written.changed) return notice('good', `That certificate is already kept with "${title}" on your record.`, 'Certificate');
  const again = replaced ? ' It replaces the one sent before.' : '';
  return notice('good', `Kept with "${title}" on your record: the Certificate button on that row of "my cpd" opens it.${again}`, 'Certificate');
}
