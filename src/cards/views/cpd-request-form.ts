import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** A member of staff's "request cpd" form (Teams card; Slack modal), kept filled in when refused. */
export interface CpdRequestFormView {
  kind: 'cpd-request-form';
  /** Who the request will go to, by name (absent: the general words). */
  chainText?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** The small form after Decline, Ask a question or Mark booked: a reason, a question, or the booking's cost and reference. */
export interface CpdRequestReplyView {
  kind: 'cpd-request-reply';
  requestId: string;
  mode: 'decline' | 'ask' | 'book';
  courseTitle: string;
  requesterName: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
