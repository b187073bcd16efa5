import { APPLIED_ANSWERS, APPLIED_LABELS, IMPACT_EVIDENCE, IMPACT_EVIDENCE_LABELS } from '../../domain/impact-follow-up';

/** The impact follow-up's questions (seed 001's levels 2 and 3), shared by the Teams card and the Slack modal. */
export const IMPACT_PERSON_LABELS = {
  applied: 'Have you applied what you learned?',
  how: 'How did you apply it?',
  pupilChange: 'What has changed for pupils?',
  evidence: 'What shows it?',
} as const;
export const IMPACT_MANAGER_LABELS = { view: 'Your view: what have you seen change in their practice and for pupils?' } as const;

export const APPLIED_CHOICES = APPLIED_ANSWERS.map((value) => ({ value, label: APPLIED_LABELS[value] }));
export const EVIDENCE_CHOICES = IMPACT_EVIDENCE.map((value) => ({ value, label: IMPACT_EVIDENCE_LABELS[value] }));
