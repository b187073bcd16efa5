import { readFile } from 'node:fs/promises';
import { decodeText, workbookInsteadOfText } from '../imports/decode-text';

export type SchoolFile = { ok: true; text: string } | { ok: false; message: string };

/**
 * A file a school exported, as text in whichever encoding its MIS wrote (docs/imports.md), or one
 * line saying why not: it cannot be read, or it is a workbook saved where a CSV was meant.
 */
export async function readSchoolFile(file: string): Promise<SchoolFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, message: `Cannot read ${file}.` };
  }
  const workbook = workbookInsteadOfText(bytes);
  return workbook ? { ok: false, message: workbook } : { ok: true, text: decodeText(bytes) };
}
