/**
 * View models for setting a school up from chat: a file sent to the bot (its dry run, then the
 * import), the lead's first-run checklist, and who could not be reached. Plain data; views.ts
 * joins these to CardView.
 */
import type { Notice } from './common';

/** Which import a file sent to the bot is, worked out from its headings and extension (a JSON file from its shape). */
export type SchoolFileKind = 'staff' | 'programme' | 'calendar' | 'statutory' | 'qualifications' | 'questionnaire-templates' | 'mentoring-programmes';

export interface FileImportView {
  kind: 'file-import';
  fileName: string;
  /** "Staff list", "Programme", ...; absent when the file could not be read at all. */
  what?: string;
  /** preview: the dry run, with Import and Cancel; the others are where it ended. */
  state: 'preview' | 'refused' | 'imported' | 'cancelled' | 'unchanged';
  notice: Notice;
  /** What would change (or did), one line each: "3 people added", "1 marked as a leaver". */
  summary: string[];
  /** The changes one by one (capped), e.g. "add: Dawn Cooper <dawn@…> (Headteacher)". */
  details: string[];
  /** Every problem, in the file's own headings, with its row (header is row 1; 0 for a JSON file, whose problems name their place). */
  errors: { row: number; reason: string }[];
  /** Columns not used, notes from the reader. */
  notes: string[];
  /** Set in `preview`: what the Import and Cancel buttons act on. */
  fileImportId?: string;
  /**
   * A second way to import: a programme published at once (invitations go out) rather than as
   * drafts; a staff list that also marks as leavers those stored but not in it (`leavers` of them).
   */
  secondary?: 'publish' | 'leavers';
  /** Plain Import would change nothing (the file is already in): only the second way is offered. */
  onlySecondary?: boolean;
  leavers?: number;
}

export interface SetupItem {
  /** What the school lacks, or has, in a sentence. */
  text: string;
  done: boolean;
  /** The one action that fixes it (absent when done). */
  action?: string;
}

export interface SetupView {
  kind: 'setup';
  tenantName: string;
  /** First time the named lead opens the bot: a welcome above the list. */
  welcome?: string;
  items: SetupItem[];
}

export type UndeliveredReason = 'no-account' | 'removed' | 'blocked' | 'failed';

export interface UndeliveredGroup {
  reason: UndeliveredReason;
  /** In words: "no Teams or Slack account linked". */
  reasonText: string;
  /** What the lead does about it. */
  action: string;
  messages: number;
  people: number;
  /** Names, for CPD leads only; absent for anyone else. */
  names?: string[];
}

/** How many messages could not be delivered, and why: in a session report, the programme digest and `unreachable`. */
export interface UndeliveredSummary {
  messages: number;
  people: number;
  groups: UndeliveredGroup[];
  /** The period counted, in words ("in the last 30 days", "this session"). */
  periodText: string;
  /** Where the names are when this view shows none (the programme digest names nobody). */
  namesHint?: string;
}

export interface UnreachableView {
  kind: 'unreachable';
  summary: UndeliveredSummary;
  /** Active staff with no Teams or Slack account linked yet (whether or not a message was tried). */
  unlinkedStaff: number;
  unlinkedNames?: string[];
}
