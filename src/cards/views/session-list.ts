import type { SessionSummary } from './common';

export interface SessionListView {
  kind: 'session-list';
  sessions: SessionSummary[];
  emptyText: string;
}
