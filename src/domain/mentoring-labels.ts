import type { ReviewOutcome } from './mentoring';

/** How a progress review's outcome reads (the review form and every card that shows it). */
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  'on-track': 'On track',
  'some-concerns': 'Some concerns',
  'at-risk': 'At risk',
};

export const MEETING_KIND_LABELS = { meeting: 'Meeting', 'progress-review': 'Progress review', assessment: 'Formal assessment' } as const;
