export interface ThankYouView {
  kind: 'thank-you';
  title: string;
  text: string;
  /** What they answered, for named questionnaires (never for anonymous ones). */
  summary?: { label: string; value: string }[];
}
