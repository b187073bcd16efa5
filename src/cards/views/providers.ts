import type { RatingSummary } from './lead-report';

/** One provider's year in the providers report (issue 26 item 7): who provided CPD, how it was received, what it cost. */
export interface ProviderRow {
  provider: string;
  /** External (booked courses, outside providers), in-house (the trust's own facilitators), or both. */
  kindText: 'External' | 'In-house' | 'External and in-house';
  sessions: number;
  attended: number;
  responses: number;
  /** Reaction ratings over the provider's sessions; absent when withheld. */
  ratings?: RatingSummary[];
  /** Why the ratings are not shown: fewer answers than the minimum. */
  withheld?: string;
  /** Gap-task impact reports, and impact follow-ups saying the learning was applied (yes or partly). */
  impactReports: number;
  /** Total cost in pence: fees, the sessions' own costs, facilitator time at the hourly rate. */
  costPence: number;
  costPerAttendeePence?: number;
  costPerImpactPence?: number;
  /** Facilitator time the cost leaves out because no hourly rate is set. */
  uncostedHours?: number;
}

/** `providers`: the lead's report by provider for the school year. Figures only, no person named. */
export interface ProviderReportView {
  kind: 'provider-report';
  periodText: string;
  rows: ProviderRow[];
  /** What the lead should know about the figures (no hourly rate set, how impact is counted). */
  notes: string[];
  moreCommands: { command: string; text: string }[];
}

/**
 * `provider <name>`: the feedback summary a lead may send on to the provider. No names, no cost,
 * no comment quoted: ratings and the themes of comments, withheld under the minimum count.
 */
export interface ProviderSummaryView {
  kind: 'provider-summary';
  provider: string;
  periodText: string;
  sessions: { title: string; dateText: string }[];
  attended: number;
  responses: number;
  ratings?: { prompt: string; mean: number; count: number }[];
  themes?: { theme: string; count: number }[];
  impactReports?: number;
  withheld?: string;
  /** The same summary as Markdown, to copy into an e-mail (the CLI's `export provider` writes it too). */
  forwardText: string;
}
