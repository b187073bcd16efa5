import type { RsvpAnswer } from '../../domain';

export interface SessionSummary {
  sessionId: string;
  title: string;
  categoryLabel: string;
  kindLabel: string;
  /** e.g. "Tuesday 24 November, 16:00–17:30" in the tenant's zone. */
  whenText: string;
  startsAt: string;
  endsAt: string;
  place?: string;
  meetingUrl?: string;
  facilitatorText?: string;
  compulsory: boolean;
  /** Places left when the session has a capacity. */
  placesLeft?: number;
  rsvp?: RsvpAnswer;
}

export interface Notice {
  tone: 'info' | 'good' | 'warning' | 'attention';
  text: string;
}

/** A questionnaire the person may still answer (missed, or put off), with an "Answer now" button. */
export interface OpenQuestionnaireRow {
  questionnaireId: string;
  title: string;
  sessionTitle?: string;
  closesText: string;
  anonymous: boolean;
}
