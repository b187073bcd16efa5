import type { SessionSummary } from './common';

export interface ReminderView {
  kind: 'reminder';
  session: SessionSummary;
  when: 'day-before' | 'hour-before';
  canRespond: boolean;
}
