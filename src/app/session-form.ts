import { DateTime } from 'luxon';
import { z } from 'zod';
import { Id, LocalDate, LocalTime, SessionCategory, SessionKind, type Audience, type FieldErrors } from '../domain';
import { AudienceKindField, audienceFromForm } from './audience-form';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this to ${max} characters.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

/** What the "new session" card or modal sends: strings, as both platforms send them. */
export const SessionFormInput = z.object({
  title: z.string({ error: 'Give the session a title.' }).trim().min(1, 'Give the session a title.').max(200, 'Keep the title to 200 characters.'),
  description: optionalText(2000),
  category: SessionCategory,
  kind: SessionKind,
  date: LocalDate,
  start: LocalTime,
  end: LocalTime,
  place: optionalText(200),
  meetingUrl: optionalText(500).pipe(z.url({ protocol: /^https$/, message: 'A meeting link must start with https://' }).optional()),
  capacity: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : Number(v)))
    .pipe(z.number({ error: 'Capacity must be a whole number.' }).int('Capacity must be a whole number.').min(1, 'Capacity must be at least 1.').max(10000).optional()),
  audienceKind: AudienceKindField.default('trust'),
  audienceValue: optionalText(5000),
  compulsory: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
  intent: optionalText(2000),
  gapTask: optionalText(2000),
  followUpSessionId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(Id.optional()),
});
export type SessionFormInput = z.infer<typeof SessionFormInput>;

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
}

export type SessionFormCheck =
  | { ok: true; input: SessionFormInput; times: SessionTimes; audience: Audience }
  | { ok: false; errors: FieldErrors };

/** Wall-clock times in the school's zone; a time that does not exist (the spring-forward hour) is refused. */
function toInstant(date: string, time: string, zone: string): string | undefined {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!local.isValid || local.toFormat('HH:mm') !== time) return undefined;
  return local.toUTC().toISO();
}

/**
 * Slack's datetimepicker sends one epoch-seconds start and the modal a length in minutes;
 * Adaptive Cards send a date and two times. Both become date/start/end in the school's zone,
 * and errors are named after the fields the person actually saw.
 */
function fromStartAndLength(raw: Record<string, unknown>, zone: string): { raw: Record<string, unknown>; rename: Record<string, string> } {
  if (raw.startsAt === undefined && raw.durationMinutes === undefined) return { raw, rename: {} };
  const rename = { date: 'startsAt', start: 'startsAt', end: 'durationMinutes' };
  const seconds = Number(raw.startsAt);
  const minutes = Number(raw.durationMinutes);
  const start = Number.isFinite(seconds) ? DateTime.fromSeconds(seconds, { zone }) : undefined;
  const { startsAt: _s, durationMinutes: _d, ...rest } = raw;
  if (!start?.isValid || !Number.isInteger(minutes) || minutes < 5 || minutes > 12 * 60) {
    return { raw: { ...rest, date: start?.isValid ? start.toISODate() : 'bad', start: start?.isValid ? start.toFormat('HH:mm') : 'bad', end: 'bad' }, rename };
  }
  const end = start.plus({ minutes });
  return { raw: { ...rest, date: start.toISODate(), start: start.toFormat('HH:mm'), end: end.hasSame(start, 'day') ? end.toFormat('HH:mm') : '23:59' }, rename };
}

export function checkSessionForm(raw: Record<string, unknown>, zone: string, now: Date): SessionFormCheck {
  const normalised = fromStartAndLength(raw, zone);
  const checked = checkNormalisedForm(normalised.raw, zone, now);
  if (checked.ok) return checked;
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(checked.errors)) {
    const shown = normalised.rename[field] ?? field;
    errors[shown] ??= message;
  }
  return { ok: false, errors };
}

function checkNormalisedForm(raw: Record<string, unknown>, zone: string, now: Date): SessionFormCheck {
  const parsed = SessionFormInput.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
    return { ok: false, errors };
  }
  const input = parsed.data;
  const startsAt = toInstant(input.date, input.start, zone);
  const endsAt = toInstant(input.date, input.end, zone);
  if (!startsAt) errors.start = 'That time does not exist on that day (the clocks change).';
  if (!endsAt) errors.end = 'That time does not exist on that day (the clocks change).';
  if (startsAt && endsAt && endsAt <= startsAt) errors.end = 'The session must end after it starts.';
  if (startsAt && startsAt <= now.toISOString()) errors.date = 'Choose a date and time in the future.';
  if (!input.place && !input.meetingUrl) errors.place = 'Give a place, a meeting link, or both.';
  if ((input.intent === undefined) !== (input.gapTask === undefined)) {
    errors[input.intent === undefined ? 'intent' : 'gapTask'] = 'A gap task needs both the intent and the task.';
  }
  const audience = audienceFromForm(input.audienceKind, input.audienceValue);
  if (!audience.success) errors.audienceValue = 'Say which school, pathway, department or people this is for.';
  if (Object.keys(errors).length > 0 || !audience.success || !startsAt || !endsAt) return { ok: false, errors };
  return { ok: true, input, times: { startsAt, endsAt }, audience: audience.data };
}
