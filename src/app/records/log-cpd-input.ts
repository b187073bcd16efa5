import { DateTime } from 'luxon';
import { z } from 'zod';
import { CpdLogType, isRealDay, LocalDate, parseDecimal, type FieldErrors } from '../../domain';

/** How far back a log may go: the record covers this and the last few academic years. */
const OLDEST_YEARS = 6;

const text = (max: number, missing: string) => z.string({ error: missing }).trim().min(1, missing).max(max, `Keep this to ${max} characters.`);

/** What the "log cpd" card or modal sends: strings (Teams' Input.Number may send a number). */
export const CpdLogInput = z.object({
  what: text(300, 'Say what it was.'),
  on: z.string({ error: 'Choose the day.' }).trim().pipe(LocalDate),
  hours: z
    .union([z.number(), z.string().trim().min(1, 'Give the hours.')], { error: 'Give the hours.' })
    // Read as every form reads a decimal (typed-values.ts): "0x3" and "1e1" are not hours.
    .transform((v, ctx) => {
      const read = parseDecimal(String(v), { what: 'hours', example: '1.5' });
      if (read.ok) return read.value;
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    })
    .pipe(z.number({ error: 'Give the hours as a number, e.g. 1.5.' }).min(0.25, 'Give the hours: at least a quarter of an hour.').max(200, 'At most 200 hours in one entry.'))
    // Quarter hours: the record adds them up, so no 1.333… figures.
    .transform((h) => Math.round(h * 4) / 4),
  type: CpdLogType,
  learned: text(3000, 'Say what you learned.'),
});
export type CpdLogInput = z.infer<typeof CpdLogInput>;

const MESSAGES: Record<string, string> = { type: 'Choose a type.', on: 'Choose the day.' };

/** Parses the form against today in the tenant's zone: each problem beside its field. */
export function checkCpdLogInput(raw: Record<string, unknown>, today: string): { ok: true; input: CpdLogInput } | { ok: false; errors: FieldErrors } {
  const parsed = CpdLogInput.safeParse(raw);
  const errors: FieldErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'what');
      if (errors[field] !== undefined) continue;
      errors[field] = field in MESSAGES && issue.code !== 'too_big' && field !== 'hours' ? MESSAGES[field]! : issue.message;
      // A day that does not exist (30 February) is said as such, not as a missing day.
      if (field === 'on' && typeof raw.on === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.on.trim()) && !isRealDay(raw.on.trim())) errors.on = `${raw.on.trim()} is not a real date.`;
    }
    return { ok: false, errors };
  }
  const oldest = DateTime.fromISO(today).minus({ years: OLDEST_YEARS }).toISODate()!;
  if (parsed.data.on > today) errors.on = 'Log CPD once it has happened: choose today or an earlier day.';
  else if (parsed.data.on < oldest) errors.on = `Choose a day in the last ${OLDEST_YEARS} years.`;
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input: parsed.data };
}
