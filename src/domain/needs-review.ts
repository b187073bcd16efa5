import { z } from 'zod';
import { academicYearOf } from './budget';
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

/** Seed 001, "Identifying the Focus for Development": an aspect is a skill, knowledge, an attitude, or a mix. */
export const DEVELOPMENT_STRANDS = ['skill', 'knowledge', 'attitude'] as const;
export const DevelopmentStrand = z.enum(DEVELOPMENT_STRANDS);
export type DevelopmentStrand = z.infer<typeof DevelopmentStrand>;
export const DEVELOPMENT_STRAND_LABELS: Record<DevelopmentStrand, string> = { skill: 'A skill', knowledge: 'Knowledge', attitude: 'An attitude' };

const Text = z.string().trim().min(1).max(2000);

/**
 * The yearly "The Year Ahead" self-review (seed 001, appendix 3, completed before the performance
 * review): strengths and their evidence, the aspect to develop (skill / knowledge / attitude) and how
 * it was identified, the preferred CPD, aspirations with the 1 / 3 / 5-year view and the support
 * wanted. One per person and academic year, rewritten if they send it again. Private unless the
 * person shares it with their line manager; the lead sees only counts and themes, never a name.
 * Reviews sent before the appendix-3 form (strengths, aspirations, preferred only) still parse:
 * every field the form added is optional here.
 */
export const NeedsReview = z.object({
  tenantId: Id,
  id: Id,
  staffId: Id,
  /** e.g. "2026-27". */
  year: z.string().regex(/^\d{4}-\d{2}$/),
  strengths: Text,
  /** "How do you know that you are stronger in this area? What evidence do you have?" */
  strengthsEvidence: Text.optional(),
  /** "In which aspect would you like to learn more and gain more confidence?" */
  developmentAspect: Text.optional(),
  /** "Is this a skill, knowledge or attitude?" */
  developmentStrands: z.array(DevelopmentStrand).min(1).max(3).optional(),
  /** "How have you come to identify this aspect? What has given you this evidence?" */
  developmentEvidence: Text.optional(),
  aspirations: Text,
  /** "Do you have a plan for next year, 3 years, 5 years?" */
  planNextYear: Text.optional(),
  planThreeYears: Text.optional(),
  planFiveYears: Text.optional(),
  /** "How would you like to be supported in achieving this?" */
  supportWanted: Text.optional(),
  preferred: z.array(PreferredCpd).min(1).max(8),
  /** The line manager it was shared with, when the person chose to: only they may read it, and only while still the line manager. */
  sharedWithManagerId: Id.optional(),
  submittedAt: Instant,
});
export type NeedsReview = z.infer<typeof NeedsReview>;

export function needsReviewId(staffId: string, year: string): string {
  return deterministicId('needs', staffId, year);
}

/** Whether a reader may see this review as its person's line manager: it was shared with them, and they still are. */
export function mayManagerReadReview(review: Pick<NeedsReview, 'staffId' | 'sharedWithManagerId'>, person: { id: string; lineManagerId?: string | undefined }, readerId: string): boolean {
  return review.staffId === person.id && review.sharedWithManagerId !== undefined && review.sharedWithManagerId === readerId && person.lineManagerId === readerId && person.id !== readerId;
}

/**
 * The day the autumn performance-review window opens for the academic year starting in `startYear`,
 * from the setting's month and day ("10-01"): September to December fall in that calendar year, the rest in the next.
 */
export function reviewWindowDay(monthDay: string, startYear: number): string {
  const month = Number(monthDay.slice(0, 2));
  return `${month >= 9 ? startYear : startYear + 1}-${monthDay}`;
}

/** The day, `weeks` weeks before a local day, that the review is asked for. */
export function reviewPromptDay(windowDay: string, weeks: number): string {
  const d = new Date(`${windowDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - weeks * 7);
  return d.toISOString().slice(0, 10);
}

/**
 * The academic year a review written on a local day is for: this academic year, or the next once
 * the prompt for the next year's window has gone (a 1 September window is asked for in August,
 * for the year it opens). With the window "off", simply this academic year.
 */
export function reviewYearFor(localDate: string, settings: { yearAheadReviewOn: string; yearAheadPromptWeeks: number }): string {
  const year = academicYearOf(localDate);
  if (settings.yearAheadReviewOn === 'off') return year;
  const nextStart = Number(year.slice(0, 4)) + 1;
  const nextPrompt = reviewPromptDay(reviewWindowDay(settings.yearAheadReviewOn, nextStart), settings.yearAheadPromptWeeks);
  return localDate >= nextPrompt ? `${nextStart}-${String((nextStart + 1) % 100).padStart(2, '0')}` : year;
}
