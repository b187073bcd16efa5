import { DateTime } from 'luxon';

/**
 * What people type, read one way everywhere: money, whole-number counts, decimals and days,
 * in every form (Teams card, Slack modal), every CLI argument and every imported file.
 * `Number()` is never used on typed text: it reads "0x3" as 3, "1e3" as 1000 and " " as 0.
 * Each parser answers a value or the sentence to show beside the field.
 */
export type TypedValue<T> = { ok: true; value: T } | { ok: false; message: string };

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Optional £, whole pounds with or without thousands commas in their places, optional 1–2 pence digits. */
const MONEY = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** The largest amount any form takes: £10 million, well past any CPD budget. */
const MAX_PENCE = 1_000_000_000;

/** "£1,234.5", "1234.50", "85" → pence. ",,,1,,", "1,2", "0x3", "1e3" and "-5" are not money. */
export function parseMoney(text: string): TypedValue<number> {
  const match = MONEY.exec(text.trim());
  const message = 'Give an amount in pounds, e.g. 250 or 249.99.';
  if (!match) return refuse(message);
  const pence = Number(match[1]!.replace(/,/g, '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return pence <= MAX_PENCE ? { ok: true, value: pence } : refuse(message);
}

/** A whole number of things (half-days, places, weeks): digits only, within [min, max]. */
export function parseCount(text: string, range: { min: number; max: number; what?: string }): TypedValue<number> {
  const t = text.trim();
  const message = range.what ? `Give a whole number of ${range.what} from ${range.min} to ${range.max}.` : `Give a whole number from ${range.min} to ${range.max}, e.g. ${Math.min(range.max, Math.max(range.min, 2))}.`;
  if (!/^\d{1,9}$/.test(t)) return refuse(message);
  const n = Number(t);
  return n >= range.min && n <= range.max ? { ok: true, value: n } : refuse(message);
}

/**
 * A decimal such as hours: "1.5", "2", ".75"; no signs, exponents, hex or commas. With a range,
 * a number outside it is refused too; without one, the caller says its own limits.
 */
export function parseDecimal(text: string, spec: { what: string; example: string; min?: number; max?: number }): TypedValue<number> {
  const t = text.trim();
  const ranged = spec.min !== undefined && spec.max !== undefined;
  const message = `Give the ${spec.what} as a number${ranged ? ` from ${spec.min} to ${spec.max}` : ''}, e.g. ${spec.example}.`;
  if (!/^(\d{1,9}(\.\d{1,6})?|\.\d{1,6})$/.test(t)) return refuse(message);
  const n = Number(t);
  return (spec.min === undefined || n >= spec.min) && (spec.max === undefined || n <= spec.max) ? { ok: true, value: n } : refuse(message);
}

/** Whether "YYYY-MM-DD" names a day that exists (30 February does not). */
export function isRealDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = DateTime.fromISO(text, { zone: 'UTC' });
  return day.isValid && day.toISODate() === text;
}

/** The days a date field takes, inclusive, as YYYY-MM-DD. */
export interface DayWindow {
  from: string;
  to: string;
}

/** A window of whole years around today: `yearsBack` before it to `yearsAhead` after it. */
export function dayWindow(today: string, yearsBack: number, yearsAhead: number): DayWindow {
  const day = DateTime.fromISO(today, { zone: 'UTC' });
  return { from: day.minus({ years: yearsBack }).toISODate()!, to: day.plus({ years: yearsAhead }).toISODate()! };
}

const spoken = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).setLocale('en-GB').toFormat('d MMMM yyyy');

/** A day as a date field sends it (YYYY-MM-DD): a real day, inside the window. */
export function parseDay(text: string, window: DayWindow): TypedValue<string> {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return refuse('Give a date, e.g. 2027-01-12.');
  if (!isRealDay(t)) return refuse(`${t} is not a real date.`);
  if (t < window.from || t > window.to) return refuse(`Choose a day between ${spoken(window.from)} and ${spoken(window.to)}.`);
  return { ok: true, value: t };
}

/** Dates in records and imported files (qualifications, training, programmes): 1900 and 9999 are slips. */
export const RECORD_DAYS: DayWindow = { from: '1950-01-01', to: '2099-12-31' };

/** A count or day cell read with the parsers above, as a zod step (forms and imports parse with zod). */
export function typed<T>(read: (text: string) => TypedValue<T>) {
  return (text: string, ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }): T => {
    const result = read(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return undefined as never;
  };
}
