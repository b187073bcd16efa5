import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** The optional "year ahead" self-review form. */
export interface NeedsFormView {
  kind: 'needs-form';
  /** e.g. "2026-27". */
  year: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** The lead's summary of the year-ahead reviews: counts and themes, never a name. */
export interface NeedsSummaryView {
  kind: 'needs-summary';
  year: string;
  responses: number;
  preferred: { label: string; count: number }[];
  aspirationThemes: { theme: string; count: number }[];
  strengthThemes: { theme: string; count: number }[];
  /** Set instead of every figure but the count when fewer than the minimum answered. */
  withheld?: string;
}
