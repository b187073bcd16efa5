import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

export type CsvCell = string | number;

/**
 * Every export's CSV options: a text cell starting with = + - @ (or a tab or carriage return) gets a
 * leading ' so a spreadsheet shows it as text instead of running it (a course called
 * =HYPERLINK(...)); negative numbers stay numbers. `bom`: Excel reads a CSV as UTF-8 only when it
 * starts with a byte-order mark (without it "–" shows as "â€“").
 */
export const CSV_OPTIONS = { escape_formulas: true, bom: true } as const;

/** Rows into a CSV stream into `sink`, waiting when the sink is full (constant memory), then closed. */
export async function writeCsv(sink: Writable, columns: string[], rows: AsyncIterable<CsvCell[]>): Promise<void> {
  const csv = stringify({ ...CSV_OPTIONS, header: true, columns });
  const done = pipeline(csv, sink);
  try {
    for await (const row of rows) {
      if (!csv.write(row)) await once(csv, 'drain');
    }
  } catch (error) {
    // A failed read closes the sink too (a file is not left open), and the read's error is the one thrown.
    csv.destroy(error as Error);
    await done.catch(() => undefined);
    throw error;
  }
  csv.end();
  await done;
}

/** A sink that keeps what is written, as text: for small exports printed whole, and tests. */
export function textSink(): { sink: Writable; text: () => string } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return { sink, text: () => chunks.join('') };
}

/** Consecutive slices of at most `size` items. */
export function* chunksOf<T>(items: readonly T[], size: number): Iterable<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
