import { DEVELOPMENT_STRANDS, DEVELOPMENT_STRAND_LABELS, PREFERRED_CPD, PREFERRED_CPD_LABELS } from '../../domain/needs-review';

/**
 * The year-ahead review's questions, seed 001 appendix 3 ("The Year Ahead": strengths, aspect for
 * development / future CPD, aspirations), shared by the Teams card, the Slack modal and the line
 * manager's view. In the form's order; the text fields have these ids.
 */
export const NEEDS_LABELS = {
  strengths: 'Strengths: aspects of particular strength, or that you feel confident in (e.g. subject knowledge, pupil groups, leading an area, behaviour management)',
  strengthsEvidence: 'How do you know that you are stronger in this area? What evidence do you have?',
  developmentAspect: 'Aspect for development: in which aspect would you like to learn more and gain more confidence?',
  developmentStrands: 'Is this a skill, knowledge or attitude?',
  developmentEvidence: 'How have you come to identify this aspect? What has given you this evidence?',
  preferred: 'What would your preferred CPD be to develop this skill, knowledge or attitude?',
  aspirations: 'Aspirations: what are your future aspirations?',
  planNextYear: 'Your plan for next year',
  planThreeYears: 'Your plan for 3 years from now',
  planFiveYears: 'Your plan for 5 years from now',
  supportWanted: 'How would you like to be supported in achieving this?',
} as const;
export type NeedsField = keyof typeof NEEDS_LABELS;

/** The form's questions in order: text answers, and the two choice lists (strands, preferred CPD). */
export const NEEDS_FORM: readonly { id: NeedsField; kind: 'text' | 'strands' | 'preferred'; required: boolean }[] = [
  { id: 'strengths', kind: 'text', required: true },
  { id: 'strengthsEvidence', kind: 'text', required: false },
  { id: 'developmentAspect', kind: 'text', required: true },
  { id: 'developmentStrands', kind: 'strands', required: true },
  { id: 'developmentEvidence', kind: 'text', required: false },
  { id: 'preferred', kind: 'preferred', required: true },
  { id: 'aspirations', kind: 'text', required: true },
  { id: 'planNextYear', kind: 'text', required: false },
  { id: 'planThreeYears', kind: 'text', required: false },
  { id: 'planFiveYears', kind: 'text', required: false },
  { id: 'supportWanted', kind: 'text', required: false },
];

export const NEEDS_INTRO = 'Once a year, before your performance review ("Every Teacher a Learner"). It stays yours unless you share it with your line manager; your CPD lead sees only counts and common themes across everyone, never your name.';
export const PREFERRED_CHOICES = PREFERRED_CPD.map((value) => ({ value, label: PREFERRED_CPD_LABELS[value] }));
export const STRAND_CHOICES = DEVELOPMENT_STRANDS.map((value) => ({ value, label: DEVELOPMENT_STRAND_LABELS[value] }));
export const SHARE_REVIEW_FIELD = 'shareWithManager';
export function shareReviewLabel(managerName: string): string {
  return `Share it with my line manager, ${managerName}, for my performance review`;
}
export const NO_MANAGER_TEXT = 'You have no line manager on the staff list, so this review stays yours alone.';

/** The questions as the line manager reads the answers (shorter: the person's own words follow each). */
export const NEEDS_SHORT_LABELS: Record<NeedsField, string> = {
  strengths: 'Strengths',
  strengthsEvidence: 'Evidence of strength',
  developmentAspect: 'Aspect for development',
  developmentStrands: 'Skill, knowledge or attitude',
  developmentEvidence: 'How it was identified',
  preferred: 'Preferred CPD',
  aspirations: 'Aspirations',
  planNextYear: 'Next year',
  planThreeYears: 'In 3 years',
  planFiveYears: 'In 5 years',
  supportWanted: 'Support wanted',
};
