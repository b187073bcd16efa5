import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** The impact follow-up: the person's answer (stage person), then their line manager's view (stage manager). */
export interface ImpactFollowUpView {
  kind: 'impact-follow-up';
  impactFollowUpId: string;
  stage: 'person' | 'manager';
  sessionTitle: string;
  /** e.g. "Six school weeks after the last session" */
  whenText: string;
  /** For the manager: whose follow-up, and what they said. */
  personName?: string;
  personAnswer?: { label: string; value: string }[];
  state: 'open' | 'done';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
