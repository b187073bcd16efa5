import type { FieldErrors, Question } from '../../domain';
import type { Notice } from './common';

export interface QuestionnaireView {
  kind: 'questionnaire';
  questionnaireId: string;
  /** The session it is about, carried back with the answers so the store can read ahead (a hint only). */
  sessionId?: string;
  title: string;
  sessionTitle?: string;
  anonymous: boolean;
  questions: Question[];
  closesText: string;
  state: 'open' | 'closed' | 'answered';
  /** The person's input, kept when the card comes back with errors. */
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  notice?: Notice;
  /** A reminder to someone who has not answered yet. */
  isReminder?: boolean;
}
