import { DateTime } from 'luxon';
import { z } from 'zod';
import { dayWindow, Id, LocalDate, LocalTime, parseCount, parseDay, parseMoney, Pathway, SessionCategory, SessionKind, typed, type Audience, type FieldErrors, type School } from '../../domain';
import { AudienceKindField, audienceFromForm } from './audience-form';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this to ${max} characters.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

const SESSION_CAPACITY = { min: 1, max: 10_000, what: 'places' };
const IMPACT_WEEKS = { min: 1, max: 26, what: 'weeks' };
/** Sessions are planned up to two years ahead. */
const SESSION_YEARS_AHEAD = 2;

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
    .transform((v, ctx) => (v === undefined || v === '' ? undefined : typed((t) => parseCount(t, SESSION_CAPACITY))(v, ctx))),
  /** Its facilitators by e-mail (issue 26 item 7: their time is its in-house cost); checked against the staff list by the use case. */
  facilitators: optionalText(2000),
  /** Who provides it (issue 26 item 7); empty: its facilitators (docs/evaluation.md, "Providers"). */
  provider: optionalText(200),
  /** What it cost besides facilitator time, in pounds typed; kept as pence. */
  cost: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => (v === undefined || v === '' ? undefined : typed(parseMoney)(v, ctx))),
  audienceKind: AudienceKindField.default('trust'),
  audienceValue: optionalText(5000),
  compulsory: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
  intent: optionalText(2000),
  gapTask: optionalText(2000),
  // docs/evaluation.md: the lead's mark for an impact follow-up, in school weeks.
  // "yes": the tenant's own number of weeks (the follow-up-weeks setting), filled in when stored.
  impactWeeks: z
    .union([z.number(), z.string().trim()])
    .optional()
    .transform((v, ctx) =>
      v === undefined || v === ''
        ? undefined
        : typeof v === 'string' && /^(yes|y|default)$/i.test(v)
          ? ('default' as const)
          : typed((text) => {
              const weeks = parseCount(text, IMPACT_WEEKS);
              return weeks.ok ? weeks : { ok: false as const, message: 'Give a whole number of weeks from 1 to 26, or yes.' };
            })(String(v), ctx),
    ),
  followUpSessionId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(Id.optional()),
  /** The statutory topic attending renews (issue 26 item 2); checked against the tenant's topics by the use case. */
  statutoryTopic: optionalText(100),
  /** Which reaction questionnaire its attendees get; checked against the tenant's templates by the use case. */
  questionnaireTemplateId: z
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
  /** `audience` and `followUpSessionId` when they could be read, so the store checks run too: every error at once. */
  | { ok: false; errors: FieldErrors; audience?: Audience; followUpSessionId?: string };

/** A lead types a school's name (or its id); the session stores the id. */
function schoolIdOf(value: string | undefined, schools: readonly School[]): string | undefined {
  const wanted = value?.trim().toLowerCase();
  return schools.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted)?.id;
}

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
function fromStartAndLength(raw: Record<string, unknown>, zone: string): { raw: Record<string, unknown>; rename: Record<string, string>; problems: FieldErrors } {
  if (raw.startsAt === undefined && raw.durationMinutes === undefined) return { raw, rename: {}, problems: {} };
  const rename = { date: 'startsAt', start: 'startsAt', end: 'durationMinutes' };
  const seconds = Number(raw.startsAt);
  const minutes = Number(raw.durationMinutes);
  const start = raw.startsAt !== null && raw.startsAt !== '' && Number.isFinite(seconds) ? DateTime.fromSeconds(seconds, { zone }) : undefined;
  const { startsAt: _s, durationMinutes: _d, ...rest } = raw;
  const lengthOk = Number.isInteger(minutes) && minutes >= 5 && minutes <= 12 * 60;
  if (!start?.isValid || !lengthOk) {
    const problems: FieldErrors = {
      ...(start?.isValid ? {} : { startsAt: 'Choose the day and time the session starts.' }),
      ...(lengthOk ? {} : { durationMinutes: 'Give the length in whole minutes, from 5 to 720.' }),
    };
    return { raw: { ...rest, date: start?.isValid ? start.toISODate() : 'bad', start: start?.isValid ? start.toFormat('HH:mm') : 'bad', end: 'bad' }, rename, problems };
  }
  const end = start.plus({ minutes });
  return { raw: { ...rest, date: start.toISODate(), start: start.toFormat('HH:mm'), end: end.hasSame(start, 'day') ? end.toFormat('HH:mm') : '23:59' }, rename, problems: {} };
}

const AUDIENCE_HELP: Record<SessionFormInput['audienceKind'], (schools: readonly School[]) => string> = {
  trust: () => 'Choose who is invited.',
  school: (schools) => `Name one of the schools${schools.length ? `: ${schools.map((s) => s.name).join(', ')}` : ''}.`,
  pathway: () => `Name a pathway: ${Pathway.options.join(', ')}.`,
  department: () => 'Name the department, e.g. Science.',
  staff: () => 'List the people by e-mail, separated by commas.',
};

export function checkSessionForm(raw: Record<string, unknown>, zone: string, now: Date, schools: readonly School[] = []): SessionFormCheck {
  const normalised = fromStartAndLength(raw, zone);
  const checked = checkNormalisedForm(normalised.raw, zone, now, schools);
  if (checked.ok) return checked;
  // What was wrong with Slack's start or length is said in its own words, not as a bad date or time.
  const errors: FieldErrors = { ...normalised.problems };
  for (const [field, message] of Object.entries(checked.errors)) {
    const shown = normalised.rename[field] ?? field;
    errors[shown] ??= message;
  }
  return { ...checked, errors };
}

type FormField = keyof typeof SessionFormInput.shape;

/** One field on its own: read whatever else is wrong, so every field's error is found in one go. */
function fieldValue<K extends FormField>(raw: Record<string, unknown>, key: K): z.infer<(typeof SessionFormInput.shape)[K]> | undefined {
  const parsed = SessionFormInput.shape[key].safeParse(raw[key]);
  return parsed.success ? (parsed.data as z.infer<(typeof SessionFormInput.shape)[K]>) : undefined;
}

/**
 * Every field is checked, each on its own, and every error is returned together: a lead should
 * not fix the link and capacity only to be told then that the date is in the past.
 */
function checkNormalisedForm(raw: Record<string, unknown>, zone: string, now: Date, schools: readonly School[]): SessionFormCheck {
  const parsed = SessionFormInput.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  const field = <K extends FormField>(key: K) => fieldValue(raw, key);
  const [date, start, end] = [field('date'), field('start'), field('end')];
  const startsAt = date && start ? toInstant(date, start, zone) : undefined;
  const endsAt = date && end ? toInstant(date, end, zone) : undefined;
  if (date && start && !startsAt) errors.start ??= 'That time does not exist on that day (the clocks change).';
  if (date && end && !endsAt) errors.end ??= 'That time does not exist on that day (the clocks change).';
  if (startsAt && endsAt && endsAt <= startsAt) errors.end ??= 'The session must end after it starts.';
  if (startsAt && startsAt <= now.toISOString()) errors.date ??= 'Choose a date and time in the future.';
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const inWindow = date ? parseDay(date, dayWindow(today, 1, SESSION_YEARS_AHEAD)) : undefined;
  if (inWindow && !inWindow.ok) errors.date ??= inWindow.message;
  // A link that is there but wrong has its own error; "give a place or a link" would mislead.
  if (!field('place') && !field('meetingUrl') && !errors.meetingUrl && !errors.place) errors.place = 'Give a place, a meeting link, or both.';
  const [intent, gapTask] = [field('intent'), field('gapTask')];
  if (!errors.intent && !errors.gapTask && (intent === undefined) !== (gapTask === undefined)) {
    errors[intent === undefined ? 'intent' : 'gapTask'] = 'A gap task needs both the intent and the task.';
  }
  const audienceKind = field('audienceKind');
  const audienceValue = field('audienceValue');
  const audience = audienceKind && !errors.audienceValue ? audienceFromForm(audienceKind, audienceKind === 'school' ? schoolIdOf(audienceValue, schools) : audienceValue) : undefined;
  if (audienceKind && audience && !audience.success) errors.audienceValue = AUDIENCE_HELP[audienceKind](schools);
  if (!parsed.success || Object.keys(errors).length > 0 || !audience?.success || !startsAt || !endsAt) {
    const followUpSessionId = field('followUpSessionId');
    return { ok: false, errors, ...(audience?.success ? { audience: audience.data } : {}), ...(followUpSessionId ? { followUpSessionId } : {}) };
  }
  return { ok: true, input: parsed.data, times: { startsAt, endsAt }, audience: audience.data };
}
