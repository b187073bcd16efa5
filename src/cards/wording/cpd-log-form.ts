import { CPD_LOG_TYPES, CPD_LOG_TYPE_LABELS } from '../../domain/cpd-record';

/** The "log cpd" form's fields and words, shared by the Teams card and the Slack modal. */
export const CPD_LOG_LABELS = {
  what: 'What was it?',
  on: 'When (the day it ended)',
  hours: 'Hours',
  type: 'Type',
  learned: 'What did you learn?',
} as const;
export type CpdLogField = keyof typeof CPD_LOG_LABELS;

export const CPD_LOG_MAX_LENGTH: Record<'what' | 'learned', number> = { what: 300, learned: 3000 };

export const CPD_LOG_TYPE_CHOICES = CPD_LOG_TYPES.map((value) => ({ value, label: CPD_LOG_TYPE_LABELS[value] }));

/** Correcting an entry: the words of the form and of its remove tick. */
export const CPD_LOG_EDIT = { title: 'Correct logged CPD', save: 'Save changes', remove: 'Remove this entry from my record', rowButton: 'Correct or remove' } as const;

export const CPD_LOG_INTRO = 'Add CPD you did outside these sessions (a course, reading, coaching, an observation, online learning). It goes into your own record with its hours.';
