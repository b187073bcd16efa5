import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** The yearly "The Year Ahead" self-review form (seed 001, appendix 3). */
export interface NeedsFormView {
  kind: 'needs-form';
  /** e.g. "2026-27". */
  year: string;
  /** Whom "share with my line manager" shares with; absent: the person has none on the staff list. */
  lineManagerName?: string;
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
  /** Skill / knowledge / attitude: how many chose each for the aspect they want to develop. */
  strands: { label: string; count: number }[];
  aspirationThemes: { theme: string; count: number }[];
  strengthThemes: { theme: string; count: number }[];
  developmentThemes: { theme: string; count: number }[];
  /** Set instead of every figure but the count when fewer than the minimum answered. */
  withheld?: string;
}

/** One direct report's review, shared with the reader as their line manager. */
export interface SharedYearAheadReview {
  name: string;
  submittedText: string;
  /** The form's answers in its order, each with its question. */
  answers: { label: string; value: string }[];
}

/** `team reviews`: the year-ahead reviews a line manager's direct reports chose to share with them. */
export interface YearAheadTeamView {
  kind: 'year-ahead-team';
  year: string;
  reviews: SharedYearAheadReview[];
  /** How many direct reports have not shared one (never who: a review kept private stays so). */
  notShared: number;
}
