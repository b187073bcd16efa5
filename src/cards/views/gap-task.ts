import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

export interface GapTaskFormView {
  kind: 'gap-plan' | 'gap-report';
  gapTaskId: string;
  sessionTitle: string;
  intent: string;
  task: string;
  dueText: string;
  state: 'open' | 'done';
  /** For the report: the plan made after session one, shown as a reminder. */
  planSummary?: { label: string; value: string }[];
  /** The plan was shared with the line manager and the school's senior leaders (part 2's "Share with your SLT"). */
  planShared?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}
