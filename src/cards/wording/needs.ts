import { PREFERRED_CPD, PREFERRED_CPD_LABELS } from '../../domain/needs-review';

/** The year-ahead review's questions (the seeds' annual self-review), shared by the Teams card and the Slack modal. */
export const NEEDS_LABELS = {
  strengths: 'Your strengths: what could you share with colleagues?',
  aspirations: 'Your aspirations: where do you want to grow this year?',
  preferred: 'What kinds of CPD would help you most?',
} as const;
export const NEEDS_INTRO = 'Optional, once a year: your CPD lead sees only counts and common themes across everyone, never your name.';
export const PREFERRED_CHOICES = PREFERRED_CPD.map((value) => ({ value, label: PREFERRED_CPD_LABELS[value] }));
