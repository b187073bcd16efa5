import { DateTime } from 'luxon';
import { z } from 'zod';
import type { SchoolCalendar } from './calendar';
import { deterministicId, Id, Instant } from './ids';

/**
 * Evaluation beyond the session (docs/evaluation.md): some weeks after the last session of a
 * series the lead marked, the person says whether and how they applied it and what changed for
 * pupils (level 2 and 3), then their line manager adds their view (level 2's "supervisor").
 */

export const IMPACT_EVIDENCE = ['pupil-data', 'work-scrutiny', 'lesson-feedback', 'pupil-voice'] as const;
export const ImpactEvidence = z.enum(IMPACT_EVIDENCE);
export type ImpactEvidence = z.infer<typeof ImpactEvidence>;
export const IMPACT_EVIDENCE_LABELS: Record<ImpactEvidence, string> = {
  'pupil-data': 'Pupil data',
  'work-scrutiny': 'Work scrutiny',
  'lesson-feedback': 'Lesson feedback',
  'pupil-voice': 'Pupil voice',
};

export const APPLIED_ANSWERS = ['yes', 'partly', 'not-yet'] as const;
export const AppliedAnswer = z.enum(APPLIED_ANSWERS);
export const APPLIED_LABELS: Record<z.infer<typeof AppliedAnswer>, string> = { yes: 'Yes', partly: 'Partly', 'not-yet': 'Not yet' };

const Answer = (max: number) => z.string().trim().min(1, 'Please fill this in.').max(max, `Keep this to ${max} characters.`);

export const ImpactPersonAnswer = z.object({
  applied: AppliedAnswer,
  how: Answer(2000),
  pupilChange: Answer(2000),
  evidence: z.array(ImpactEvidence).min(1, 'Choose at least one kind of evidence.').max(4),
  submittedAt: Instant,
});
export type ImpactPersonAnswer = z.infer<typeof ImpactPersonAnswer>;

export const ImpactManagerView = z.object({
  managerId: Id,
  view: Answer(2000),
  submittedAt: Instant,
});

export const ImpactFollowUp = z.object({
  tenantId: Id,
  id: Id,
  /** The last session of the series (or the session itself when it has none). */
  sessionId: Id,
  staffId: Id,
  askedAt: Instant,
  status: z.enum(['asked', 'answered', 'reviewed']),
  person: ImpactPersonAnswer.optional(),
  manager: ImpactManagerView.optional(),
});
export type ImpactFollowUp = z.infer<typeof ImpactFollowUp>;

export function impactFollowUpId(sessionId: string, staffId: string): string {
  return deterministicId('impact', sessionId, staffId);
}

/** The default wait after the last session: half a term (seed 001's "after 6 weeks"). */
export const DEFAULT_IMPACT_WEEKS = 6;

/**
 * The day `weeks` school weeks after `day`: a week counts only when at least one of its weekdays
 * is not a holiday, so half term does not eat into the time to apply what was learned.
 */
export function schoolWeeksAfter(day: string, weeks: number, calendar: Pick<SchoolCalendar, 'holidays'>): string {
  const isHoliday = (d: string) => calendar.holidays.some((h) => h.start <= d && d <= h.end);
  let at = DateTime.fromISO(day, { zone: 'UTC' });
  let counted = 0;
  while (counted < weeks) {
    const weekdays = [1, 2, 3, 4, 5, 6, 7].map((i) => at.plus({ days: i })).filter((d) => d.weekday <= 5).map((d) => d.toISODate()!);
    if (weekdays.some((d) => !isHoliday(d))) counted++;
    at = at.plus({ days: 7 });
  }
  return at.toISODate()!;
}
