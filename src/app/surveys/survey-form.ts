import { DateTime } from 'luxon';
import { z } from 'zod';
import { LocalDate, isInAudience, type Audience, type FieldErrors, type QuestionnaireTemplate, type Staff, type Tenant } from '../../domain';
import { AudienceKindField, audienceFromForm } from '../sessions';

/** How far ahead a survey may close: a term is long enough for any audit. */
export const LATEST_CLOSING_DAYS = 90;
/** The closing date the form suggests. */
export const SUGGESTED_CLOSING_DAYS = 14;

const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no', 'true', 'false'])])
  .default('yes')
  .transform((v) => v === true || v === 'yes' || v === 'true');

/** What the "new survey" card or modal sends: strings, as both platforms send them. */
export const SurveyFormInput = z.object({
  templateId: z.string().trim().min(1).max(200),
  audienceKind: AudienceKindField.default('trust'),
  audienceValue: z
    .string()
    .trim()
    .max(5000, 'Keep this to 5000 characters.')
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  closesOn: z.string().trim().pipe(LocalDate),
  anonymous: yesNo,
});
export type SurveyFormInput = z.infer<typeof SurveyFormInput>;

export interface SurveyFormContext {
  tenant: Tenant;
  /** Active staff of the tenant: the audience must name someone in it. */
  staff: readonly Staff[];
  templates: readonly QuestionnaireTemplate[];
  now: Date;
}

export interface CheckedSurvey {
  template: QuestionnaireTemplate;
  audience: Audience;
  recipients: Staff[];
  closesOn: string;
  /** The end of the closing day in the tenant's zone. */
  closesAt: string;
  anonymous: boolean;
}

export type SurveyFormCheck = { ok: true; survey: CheckedSurvey } | { ok: false; errors: FieldErrors };

/** Today, tomorrow and the latest closing day, in the tenant's zone. */
export function closingDays(now: Date, zone: string): { today: string; earliest: string; suggested: string; latest: string } {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return {
    today: today.toISODate()!,
    earliest: today.plus({ days: 1 }).toISODate()!,
    suggested: today.plus({ days: SUGGESTED_CLOSING_DAYS }).toISODate()!,
    latest: today.plus({ days: LATEST_CLOSING_DAYS }).toISODate()!,
  };
}

/** A school named by id or by name; staff named by id or e-mail. Anything unknown is an error, not a silent drop. */
function resolveNames(input: Pick<SurveyFormInput, 'audienceKind' | 'audienceValue'>, ctx: SurveyFormContext): { value?: string; error?: string } {
  const value = input.audienceValue;
  if (input.audienceKind === 'school' && value) {
    const school = ctx.tenant.schools.find((s) => s.id === value || s.name.toLowerCase() === value.toLowerCase());
    return school ? { value: school.id } : { error: `There is no school "${value.slice(0, 100)}" here.` };
  }
  if (input.audienceKind === 'staff' && value) {
    const names = value.split(/[,;\s]+/).filter(Boolean);
    const ids: string[] = [];
    const unknown: string[] = [];
    for (const name of names) {
      const person = ctx.staff.find((s) => s.id === name || s.email === name.toLowerCase());
      if (person) ids.push(person.id);
      else unknown.push(name);
    }
    if (unknown.length > 0) return { error: `I don't know ${unknown.slice(0, 5).join(', ').slice(0, 300)}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}.` };
    return { value: ids.join(',') };
  }
  return { value };
}

/** zod's own words for a bad date, choice or yes/no are for developers; these are for the lead. */
const PLAIN_WORDS: Record<string, string> = {
  templateId: 'Choose a survey.',
  audienceKind: 'Choose who is asked.',
  closesOn: 'Choose the day the survey closes.',
  anonymous: 'Answer yes or no.',
};

type SurveyField = keyof typeof SurveyFormInput.shape;

/** One field on its own, so a bad field does not hide the others' errors. */
function fieldValue<K extends SurveyField>(raw: Record<string, unknown>, key: K): z.infer<(typeof SurveyFormInput.shape)[K]> | undefined {
  const parsed = SurveyFormInput.shape[key].safeParse(raw[key]);
  return parsed.success ? (parsed.data as z.infer<(typeof SurveyFormInput.shape)[K]>) : undefined;
}

/** Every field is checked and every error returned together (never one round per error). */
export function checkSurveyForm(raw: Record<string, unknown>, ctx: SurveyFormContext): SurveyFormCheck {
  const parsed = SurveyFormInput.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= PLAIN_WORDS[field] ?? issue.message;
    }
  }
  const templateId = fieldValue(raw, 'templateId');
  const template = templateId ? ctx.templates.find((t) => t.id === templateId && t.purpose === 'survey') : undefined;
  if (templateId && !template) errors.templateId = 'Choose one of the surveys offered.';

  const zone = ctx.tenant.settings.timezone;
  const days = closingDays(ctx.now, zone);
  const closesOn = fieldValue(raw, 'closesOn');
  if (closesOn && closesOn < days.earliest) errors.closesOn = 'Choose a closing date after today.';
  else if (closesOn && closesOn > days.latest) errors.closesOn = `Choose a closing date within ${LATEST_CLOSING_DAYS} days.`;

  const audienceKind = fieldValue(raw, 'audienceKind');
  const audienceValue = fieldValue(raw, 'audienceValue');
  let audience: ReturnType<typeof audienceFromForm> | undefined;
  let recipients: Staff[] = [];
  if (audienceKind && !errors.audienceValue) {
    const named = resolveNames({ audienceKind, audienceValue }, ctx);
    audience = named.error ? undefined : audienceFromForm(audienceKind, named.value);
    if (named.error) errors.audienceValue = named.error;
    else if (!audience?.success) errors.audienceValue = 'Say which school, pathway, department or people this is for.';
    else {
      const chosen = audience.data;
      recipients = ctx.staff.filter((s) => s.tenantId === ctx.tenant.id && isInAudience(chosen, s));
      if (recipients.length === 0) errors.audienceValue = 'Nobody on the staff list is in that audience.';
    }
  }

  if (!parsed.success || Object.keys(errors).length > 0 || !template || !audience?.success) return { ok: false, errors };
  const input = parsed.data;
  const closesAt = DateTime.fromISO(input.closesOn, { zone }).endOf('day').toUTC().toISO()!;
  return { ok: true, survey: { template, audience: audience.data, recipients, closesOn: input.closesOn, closesAt, anonymous: input.anonymous } };
}
