/**
 * The "request cpd" form's fields, in the order both platforms show them; ids are the keys
 * `checkCpdRequestForm` (src/app/requests/request-form.ts) reads. Money is typed in pounds.
 */
export type CpdRequestFieldKind = 'text' | 'multiline' | 'url' | 'date' | 'time' | 'pounds' | 'number' | 'choice';

export interface CpdRequestField {
  id: string;
  label: string;
  kind: CpdRequestFieldKind;
  required: boolean;
  hint?: string;
  maxLength?: number;
  choices?: { value: string; label: string }[];
}

export const CPD_REQUEST_FIELDS: readonly CpdRequestField[] = [
  { id: 'courseTitle', label: 'Course title', kind: 'text', required: true, maxLength: 200 },
  { id: 'provider', label: 'Provider', kind: 'text', required: true, maxLength: 200 },
  { id: 'link', label: 'Link to the course', kind: 'url', required: false, maxLength: 500, hint: 'https://…' },
  { id: 'startDate', label: 'First day', kind: 'date', required: true },
  { id: 'endDate', label: 'Last day', kind: 'date', required: false, hint: 'Leave empty for a one-day course' },
  { id: 'startTime', label: 'Starts at', kind: 'time', required: false, hint: 'HH:MM' },
  { id: 'endTime', label: 'Ends at', kind: 'time', required: false, hint: 'HH:MM' },
  {
    id: 'mode',
    label: 'In person or online',
    kind: 'choice',
    required: true,
    choices: [
      { value: 'in-person', label: 'In person' },
      { value: 'online', label: 'Online' },
    ],
  },
  { id: 'fee', label: 'Course fee (£)', kind: 'pounds', required: true, hint: 'e.g. 250 or 249.99; 0 if free' },
  { id: 'travel', label: 'Travel cost (£)', kind: 'pounds', required: false, hint: 'Leave empty if none' },
  { id: 'coverHalfDays', label: 'Cover needed (half-days)', kind: 'number', required: false, hint: '0 if none' },
  {
    id: 'purpose',
    label: 'What it serves',
    kind: 'choice',
    required: true,
    choices: [
      { value: 'school-priority', label: 'A school improvement priority' },
      { value: 'appraisal-objective', label: 'My appraisal objective' },
      { value: 'pathway', label: 'My career pathway' },
    ],
  },
  { id: 'purposeDetail', label: 'Which priority, objective or pathway', kind: 'text', required: true, maxLength: 500 },
  { id: 'intendedImpact', label: 'Intended impact on pupils', kind: 'multiline', required: true, maxLength: 2000 },
];

/** The reply forms after Decline, Ask a question and Mark booked. */
export const CPD_REPLY_FIELDS: Record<'decline' | 'ask' | 'book', readonly CpdRequestField[]> = {
  decline: [{ id: 'reason', label: 'Why are you declining? (the requester sees this)', kind: 'multiline', required: true, maxLength: 1000 }],
  ask: [{ id: 'question', label: 'Your question to the requester', kind: 'multiline', required: true, maxLength: 1000 }],
  book: [
    { id: 'actualCost', label: 'Actual cost (£)', kind: 'pounds', required: true },
    { id: 'reference', label: 'Booking reference', kind: 'text', required: true, maxLength: 200 },
  ],
};
