import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** A lead's new-session form (Teams card; Slack renders the same fields as a modal). */
export interface SessionFormView {
  kind: 'session-form';
  /** Set when editing an existing session; absent for a new one. */
  sessionId?: string;
  /** Sessions this one can lead on to, for the follow-up link. */
  followUpOptions: { sessionId: string; label: string }[];
  /** The trust's schools, for a school audience. */
  schools: { id: string; name: string }[];
  /** The reaction questionnaires to choose from (the default first); no choice is shown for one. */
  questionnaireTemplates?: { id: string; name: string }[];
  /** The tenant's statutory topics (settings), for a session that renews one when attendance is marked. */
  statutoryTopics?: string[];
  /** The person's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
