import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { cleanTyped } from '../domain';
import type { RowError } from './import-result';

/** "Line manager e-mail" → "linemanageremail": MIS exports differ in case, spaces and dashes. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type CsvRecord = Record<string, string>;

/** One line of a CSV file as cells; `line` is where the row starts in the file (headings on line 1). */
export interface CsvLine {
  line: number;
  cells: string[];
}

/** Exports from Excel in some locales use ';', "Unicode text" uses tabs: take the commonest in the first line. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

/**
 * Every non-blank row of a CSV file, cells trimmed. A byte-order mark, CRLF line ends, quoted
 * commas and line breaks inside quotes are all handled by csv-parse; rows of empty cells (a
 * spreadsheet's trailing ",,,,") are dropped.
 */
export function readCsvLines(text: string): { ok: true; lines: CsvLine[] } | { ok: false; message: string } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    const body = text.replace(/^\uFEFF/, '');
    parsed = parse(body, { skip_empty_lines: true, relax_column_count: true, relax_quotes: true, trim: true, info: true, delimiter: delimiterOf(body) }) as unknown as typeof parsed;
  } catch (error) {
    return { ok: false, message: `This is not a readable CSV file: ${(error as Error).message}` };
  }
  const lines = parsed
    .filter(({ record }) => record.some((cell) => cell !== ''))
    // info.lines is where the record ends; a quoted line break makes it start earlier.
    // Cells are typed text: control and bidi characters out, as in a form (src/domain/typed-text.ts).
    .map(({ record, info }) => ({ line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0), cells: record.map(cleanTyped) }));
  if (lines.length === 0) return { ok: false, message: 'The file is empty.' };
  return { ok: true, lines };
}

export type CsvReadResult = { ok: true; rows: { row: number; record: CsvRecord }[]; keys: readonly string[] } | { ok: false; message: string };

/**
 * Parses CSV text to records keyed by normalised header, with `aliases` mapping other
 * headers to ours. Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export function readCsv(text: string, aliases: Record<string, string>, required: readonly string[]): CsvReadResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    return { ok: false, message: `This is not a readable CSV file: ${(error as Error).message}` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, message: 'The file is empty.' };
  const keys = header.map((h) => aliases[headerKey(h)] ?? headerKey(h));
  const missing = required.filter((r) => !keys.includes(r));
  if (missing.length > 0) return { ok: false, message: `The file has no column for: ${missing.join(', ')}.` };
  return {
    ok: true,
    keys,
    rows: body.map((cells, i) => ({
      row: i + 2,
      record: Object.fromEntries(keys.map((k, j) => [k, cleanTyped(cells[j] ?? '')])),
    })),
  };
}

/** Parses one record with a row schema, turning zod issues into one readable reason. */
export function checkRow<S extends z.ZodType>(schema: S, row: number, record: CsvRecord): { ok: true; value: z.infer<S> } | { ok: false; error: RowError } {
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const reason = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
  return { ok: false, error: { row, reason } };
}

/** An optional cell: blank means absent. */
export function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** Plain-JSON comparison of two records, key order ignored: re-imports write only what changed. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}
