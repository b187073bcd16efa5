/**
 * What people type, as the bot keeps it: one rule for every form field, typed command and import
 * cell (docs/privacy.md). Characters nobody means to type are taken out rather than stored and
 * shown as typed: C0 and C1 control characters (NUL, ESC, DEL; tabs and line breaks stay, CRLF
 * becomes LF), the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make
 * text read differently from what is stored, and zero-width spaces, word joiners and byte-order
 * marks. Text left with nothing visible (only spaces, line breaks and invisible format characters)
 * is empty, so a required field of a zero-width space is refused like a blank one.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const NOTHING_VISIBLE = /^[\s\p{Cf}]*$/u;

export function cleanTyped(text: string): string {
  const cleaned = text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(BIDI, '').replace(ZERO_WIDTH, '');
  return NOTHING_VISIBLE.test(cleaned) ? '' : cleaned;
}

/** Every string in a form's inputs (arrays and nested values too) through `cleanTyped`; anything else as it is. */
export function cleanTypedValues<T>(value: T): T {
  if (typeof value === 'string') return cleanTyped(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanTypedValues(v)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanTypedValues(v)])) as T;
  return value;
}
