import { parseMoney } from './typed-values';

/** Money is kept as integer pence and shown as pounds: no float ever holds an amount. */

/** 123450 → "£1,234.50"; whole pounds keep their pence so columns line up. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, '0')}`;
}

/** "£1,540" or "£112.50": a sum in a sentence, whole pounds without their pence. */
export function poundsInWords(pence: number): string {
  return formatPence(pence).replace(/\.00$/, '');
}

/** "£1,234.5", "1234.50", "85" → pence; undefined when it is not an amount of money (typed-values.ts reads it). */
export function parsePounds(text: string): number | undefined {
  const money = parseMoney(text);
  return money.ok ? money.value : undefined;
}
