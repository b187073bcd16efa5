import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';

/** The kinds of CPD a person may prefer for the year ahead (seed 001's "Individual CPD requests"). */
export const PREFERRED_CPD = ['twilights', 'course', 'coaching', 'observation', 'reading', 'online', 'research', 'npq'] as const;
export const PreferredCpd = z.enum(PREFERRED_CPD);
export type PreferredCpd = z.infer<typeof PreferredCpd>;
export const PREFERRED_CPD_LABELS: Record<PreferredCpd, string> = {
  twilights: 'Twilight sessions',
  course: 'External courses',
  coaching: 'Coaching or mentoring',
  observation: 'Observing colleagues',
  reading: 'Reading',
  online: 'Online learning',
  research: 'Enquiry or research',
  npq: 'A qualification (NPQ, HLTA, degree)',
};

/**
 * The optional yearly "year ahead" self-review: strengths, aspirations, preferred CPD. One per
 * person and academic year, rewritten if they send it again; the lead sees only counts and themes.
 */
export const NeedsReview = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  /** e.g. "2026-27". */
  year: z.string().regex(/^\d{4}-\d{2}$/),
  strengths: z.string().trim().min(1).max(2000),
  aspirations: z.string().trim().min(1).max(2000),
  preferred: z.array(PreferredCpd).min(1).max(8),
  submittedAt: Instant,
});
export type NeedsReview = z.infer<typeof NeedsReview>;

export function needsReviewId(staffId: string, year: string): string {
  return deterministicId('needs', staffId, year);
}
