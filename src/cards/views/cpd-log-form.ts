import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** `log cpd`: CPD done outside the bot's sessions, for the person's own record. */
export interface CpdLogFormView {
  kind: 'cpd-log-form';
  /** YYYY-MM-DD in the tenant's zone: the suggested day and the latest allowed (no future CPD). */
  today: string;
  /** The person's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
  /** Correcting an entry already logged: its id, and the form offers to remove it. */
  logId?: string;
}
