import { LocalDate, type AgreedAction, type FieldErrors } from '../../domain';
import { ACTION_ROWS, actionDueField, actionField } from '../../cards/wording/mentoring';

/** What the mentor's form gives, checked field by field so each error stands beside its field. */
export interface RecordInput {
  heldOn: string;
  focus: string;
  wentWell: string;
  actions: Omit<AgreedAction, 'doneAt'>[];
  nextMeetingOn?: string;
  minutes: number;
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const isDate = (v: string): boolean => LocalDate.safeParse(v).success;

/** The form's inputs → the record's fields, or the errors beside the fields (nothing is written then). */
export function parseRecordInput(inputs: Record<string, unknown>, today: string): { ok: true; value: RecordInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const heldOn = textOf(inputs.heldOn);
  if (!heldOn) errors.heldOn = 'Choose the day it was held.';
  else if (!isDate(heldOn)) errors.heldOn = 'Choose a day from the calendar.';
  else if (heldOn > today) errors.heldOn = 'That day has not come yet: record the meeting once it has been held.';
  const focus = textOf(inputs.focus);
  if (!focus) errors.focus = 'Say what it was about.';
  else if (focus.length > 300) errors.focus = 'Keep this to 300 characters.';
  const wentWell = textOf(inputs.wentWell);
  if (wentWell.length > 2000) errors.wentWell = 'Keep this to 2000 characters.';
  const actions: RecordInput['actions'] = [];
  for (let row = 1; row <= ACTION_ROWS; row++) {
    const text = textOf(inputs[actionField(row)]);
    const due = textOf(inputs[actionDueField(row)]);
    if (!text && !due) continue;
    if (!text) errors[actionField(row)] = 'Say what the action is, or clear its date.';
    else if (text.length > 500) errors[actionField(row)] = 'Keep this to 500 characters.';
    if (!due) errors[actionDueField(row)] = 'Give the day it is due by.';
    else if (!isDate(due)) errors[actionDueField(row)] = 'Choose a day from the calendar.';
    else if (heldOn && isDate(heldOn) && due < heldOn) errors[actionDueField(row)] = 'An action cannot be due before the meeting.';
    if (text && due && !errors[actionField(row)] && !errors[actionDueField(row)]) actions.push({ id: `a${row}`, text, dueOn: due });
  }
  const next = textOf(inputs.nextMeetingOn);
  if (next && !isDate(next)) errors.nextMeetingOn = 'Choose a day from the calendar.';
  else if (next && heldOn && next <= heldOn) errors.nextMeetingOn = 'The next meeting comes after this one.';
  const minutesText = textOf(inputs.minutes) || '60';
  const minutes = /^\d{1,3}$/.test(minutesText) ? Number(minutesText) : NaN;
  if (!(minutes >= 5 && minutes <= 480)) errors.minutes = 'Give the minutes as a whole number from 5 to 480.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { heldOn, focus, wentWell, actions, ...(next ? { nextMeetingOn: next } : {}), minutes } };
}

/** What the person typed, kept for the form shown again with its errors. */
export function keptValues(inputs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) if (typeof v === 'string') out[k] = v.slice(0, 3000);
  return out;
}
