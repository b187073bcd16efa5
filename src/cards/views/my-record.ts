import type { OpenQuestionnaireRow, SessionSummary } from './common';

/** One line of a person's record: a session they attended (sessionId) or CPD they logged themselves (logId). */
export interface MyRecordRow {
  sessionId?: string;
  logId?: string;
  /** A held mentoring or coaching meeting (issue 30). */
  meetingId?: string;
  /** e.g. "2026-27". */
  year?: string;
  month: string;
  cpd: string;
  hours?: number;
  impact?: string;
  certificateUrl?: string;
}

export interface MyRecordView {
  kind: 'my-record';
  name: string;
  /** "Every Teacher a Learner" (docs/policy-sources.md): month, CPD accessed, impact. */
  rows: MyRecordRow[];
  /** Academic years (1 September start) with the hours in each, oldest first; the rows carry their year. */
  years?: { year: string; hours: number; entries: number }[];
  /** Formal qualifications (NPQs, HLTA, degrees), e.g. { title: 'NPQSL', datesText: 'Awarded July 2025' }. */
  qualifications?: { title: string; datesText: string }[];
  /** Statutory training and when it lapses; `lapsed` when it already has. */
  statutory?: { topic: string; expiresText: string; lapsed: boolean }[];
  upcoming: SessionSummary[];
  openTasks: { gapTaskId: string; sessionTitle: string; dueText: string; stage: 'plan' | 'report'; overdue: boolean }[];
  /** Their record as a CSV file, for a performance review. */
  exportUrl?: string;
  openQuestionnaires?: OpenQuestionnaireRow[];
  /** The same record as a printable page. */
  printUrl?: string;
  /** The person's own mentors, coach and induction tutor today (issue 30): never anyone else's. */
  supporters?: { roleLabel: string; name: string }[];
}
