import { REVIEW_OUTCOME_LABELS } from '../../domain/mentoring-labels';

/** The mentoring forms' questions (docs/mentoring.md, "In chat"), shared by the Teams cards and the Slack modals. */
export const RECORD_LABELS = {
  heldOn: 'Held on',
  focus: 'Focus',
  wentWell: 'What went well',
  nextMeetingOn: 'Next meeting',
  minutes: 'How long, in minutes',
} as const;

/** How many agreed actions the record form offers (the record keeps up to ten). */
export const ACTION_ROWS = 3;
export const actionField = (row: number): string => `action${row}`;
export const actionDueField = (row: number): string => `action${row}Due`;
export const actionLabel = (row: number): string => `Action ${row} agreed`;
export const actionDueLabel = (row: number): string => `Action ${row}: due by`;

export const MOVE_LABELS = { toWeek: 'Move to the week of (any day in it)', reason: 'Why is it moving?' } as const;
export const REFLECTION_LABEL = 'Your reflection: what you are taking from it';
export const REVIEW_LABELS = { outcome: 'Progress this term', summary: 'Summary (the induction tutor reads it)' } as const;

export const REVIEW_OUTCOME_CHOICES = (Object.keys(REVIEW_OUTCOME_LABELS) as (keyof typeof REVIEW_OUTCOME_LABELS)[]).map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }));

/** The one line a notification shows for each mentoring message (Slack `text`, Teams `summary`). */
export function meetingHeadline(view: { stage: string; viewer: string; title: string; focus: string }): string {
  switch (view.stage) {
    case 'reminder':
      return `This week: ${view.title}. Focus: ${view.focus}`;
    case 'record-form':
      return `Record the meeting: ${view.title}`;
    case 'move-form':
      return `Move the meeting: ${view.title}`;
    default:
      return view.viewer === 'mentee' ? `Your meeting record: ${view.title}` : `Meeting record: ${view.title}`;
  }
}
