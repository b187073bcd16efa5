import type { SessionSummary } from './common';
import type { UndeliveredSummary } from './setup';

export interface RatingSummary {
  questionId: string;
  prompt: string;
  count: number;
  mean?: number;
  /** Counts of 1..5. */
  distribution: [number, number, number, number, number];
}

export interface LeadReportView {
  kind: 'lead-report';
  session: SessionSummary;
  invited: number;
  accepted: number;
  attended: number;
  responses: number;
  responseRate?: number;
  ratings: RatingSummary[];
  furtherCpdRequests: number;
  commentThemes: { theme: string; count: number; examples: string[] }[];
  withheld?: string;
  /** Signed link to the lead's full report page, when links are on and the reader is the lead. */
  fullReportUrl?: string;
  /** Slack only: chart id → signed PNG link (Block Kit has no chart element). */
  chartImages?: Record<string, string>;
  /** Evaluation by level (docs/evaluation.md): asked, answered, and the result once enough answered. */
  levels?: { level: string; asked: number; answered: number; result?: string }[];
  /** This session's messages that could not be delivered, and why (names for CPD leads only). */
  undelivered?: UndeliveredSummary;
}
