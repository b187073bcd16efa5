import type { FieldErrors } from '../../domain';
import type { Notice } from './common';

export interface NoticeView {
  kind: 'notice';
  title?: string;
  notice: Notice;
  /** For a refused form that has no card of its own (e.g. Slack's new-session modal): what to mark beside each field. */
  errors?: FieldErrors;
  /** A file to download (a signed link), e.g. the questionnaire templates a lead edits and sends back. */
  download?: { label: string; url: string };
}
