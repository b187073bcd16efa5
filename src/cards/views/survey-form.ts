import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** A lead's "new survey" form: which template, who is asked, until when, and whether answers are anonymous. */
export interface SurveyFormView {
  kind: 'survey-form';
  templates: { id: string; name: string; questionCount: number }[];
  /** The tenant's schools, so the lead can name one. */
  schools: { id: string; name: string }[];
  /** YYYY-MM-DD in the tenant's zone: the suggested closing date and the range allowed. */
  closesOn: string;
  earliestClosesOn: string;
  latestClosesOn: string;
  /** The lead's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
