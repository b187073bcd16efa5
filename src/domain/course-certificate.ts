import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';

/**
 * The provider's certificate for a booked course a person attended (issue 26), sent to the bot as
 * a file in chat: one per person and course, replaced when sent again. Kept within the file
 * download limit (1 MB by default), so a document holds it whole on both stores.
 */
export const CERTIFICATE_TYPES = { pdf: 'application/pdf', png: 'image/png', jpeg: 'image/jpeg' } as const;
export const CertificateType = z.enum(['pdf', 'png', 'jpeg']);
export type CertificateType = z.infer<typeof CertificateType>;

export const CourseCertificate = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  sessionId: Id,
  requestId: Id,
  fileName: z.string().trim().min(1).max(300),
  type: CertificateType,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The file itself, base64. */
  content: z.string().min(1).max(1_400_000),
  attachedAt: Instant,
});
export type CourseCertificate = z.infer<typeof CourseCertificate>;

export function courseCertificateId(sessionId: string, staffId: string): string {
  return deterministicId('cert', sessionId, staffId);
}

/** What a file is by its first bytes, whatever its name says: only PDFs and pictures are kept. */
export function certificateTypeOf(bytes: Uint8Array): CertificateType | undefined {
  const starts = (...b: number[]) => b.every((v, i) => bytes[i] === v);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  return undefined;
}
