import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** `report training`: a person says they completed statutory training (Teams card; Slack modal), kept filled in when refused. */
export interface StatutoryReportFormView {
  kind: 'statutory-report-form';
  /** The tenant's required topics, the person's own first. */
  topics: { value: string; label: string }[];
  /** YYYY-MM-DD in the tenant's zone: the latest day allowed (no training in the future). */
  today: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** To the CPD lead (trust or school): reported training to confirm or reject; after the decision, what was decided. */
export interface StatutoryReportReviewView {
  kind: 'statutory-report-review';
  reportId: string;
  personName: string;
  schoolName?: string;
  topic: string;
  completedOnText: string;
  /** When it lapses if confirmed, e.g. "Lapses Friday 15 January 2027 (every 12 months)". */
  expiresText: string;
  /** The certificate sent with it, by name, or that none was. */
  certificateText: string;
  /** A signed link to the certificate for this reader, when the server has a public address. */
  certificateUrl?: string;
  status: 'reported' | 'confirmed' | 'rejected';
  /** Who decided and, for a rejection, why. */
  outcomeText?: string;
  notice?: Notice;
}

/** After Reject: the reason the person is told (Teams card; Slack modal). */
export interface StatutoryRejectFormView {
  kind: 'statutory-reject-form';
  reportId: string;
  personName: string;
  topic: string;
  completedOnText: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
