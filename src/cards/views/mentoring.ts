import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

/** One agreed action as a card shows it. */
export interface MentoringActionRow {
  id: string;
  text: string;
  /** e.g. "Due Friday 25 September" */
  dueText: string;
  done: boolean;
}

/** A meeting's record as the mentee and the mentor read it. */
export interface MentoringRecordSummary {
  facts: { label: string; value: string }[];
  actions: MentoringActionRow[];
  reflection?: string;
}

/**
 * One mentoring meeting, for its mentor or its mentee (docs/mentoring.md, "In chat"): the week's
 * reminder (`reminder`), the mentor's record form (`record-form`), moving it (`move-form`), and the
 * record with the mentee's reflection (`record`). Slack shows the three forms as modals.
 */
export interface MentoringMeetingView {
  kind: 'mentoring-meeting';
  mentoringMeetingId: string;
  stage: 'reminder' | 'record-form' | 'move-form' | 'record';
  viewer: 'mentor' | 'mentee';
  /** e.g. "Meeting 1 with your subject mentor, Sam Lee" */
  title: string;
  focus: string;
  /** e.g. "Week of Monday 14 September" */
  weekText: string;
  /** The meeting's moves, oldest first ("From the week of 14 September to 21 September: a parents' evening"). */
  moveLines?: string[];
  record?: MentoringRecordSummary;
  /** `done`: nothing more to fill in here. */
  state: 'open' | 'done';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** An action agreed at a meeting, nudged to the mentee when due and again when overdue; they can mark it done. */
export interface MentoringActionView {
  kind: 'mentoring-action';
  mentoringMeetingId: string;
  mentoringActionId: string;
  text: string;
  dueText: string;
  overdue: boolean;
  /** e.g. "Agreed with Sam Lee on Tuesday 15 September" */
  agreedText: string;
  done: boolean;
  notice?: Notice;
}

/**
 * An early-career teacher's termly progress review: the prompt (with what the term held and the
 * form) to the mentor and the induction tutor, and the at-risk alert to the induction tutor.
 */
export interface ProgressReviewView {
  kind: 'progress-review';
  menteeId: string;
  /** "2026-27:1" */
  reviewTerm: string;
  stage: 'prompt' | 'at-risk';
  menteeName: string;
  /** e.g. "Autumn term 2026-27" */
  termText: string;
  /** Meetings held against planned, actions completed. */
  facts: { label: string; value: string }[];
  /** The mentee's reflections this term, newest first. */
  reflections: { whenText: string; text: string }[];
  /** Once recorded: the outcome and summary (and who recorded it). */
  recorded?: { outcomeText: string; summary: string; byText: string };
  state: 'open' | 'done';
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
