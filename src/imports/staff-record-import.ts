import type { z } from 'zod';
import { countOf } from '../domain/count-of';
import type { Staff, Tenant } from '../domain';
import type { Store } from '../store/store';
import { checkRow, readCsv, sameRecord } from './csv-rows';
import type { ImportOptions, ImportResult, RowError } from './import-result';

/** Where the records of one kind are kept: read to compare, written when new or changed. */
interface RecordCollection<D> {
  get(tenantId: string, id: string): Promise<{ value: D } | undefined>;
  put(doc: D): Promise<unknown>;
}

/** One kind of per-person record imported from an HR spreadsheet (qualifications, statutory training). */
export interface StaffRecordImport<S extends z.ZodType<{ email: string }>, D extends { id: string; recordedAt: string }> {
  aliases: Record<string, string>;
  required: readonly string[];
  row: S;
  /** The stored record for a checked row and the person its e-mail names. */
  toRecord: (value: z.infer<S>, person: Staff) => D;
  collection: RecordCollection<D>;
  /** The stored record stands against the file's (e.g. a later renewal than the one listed). */
  keepStored?: (stored: D, incoming: D) => boolean;
}

/**
 * Rows naming a person by e-mail: each checked, matched to the staff list, and written only when
 * new or changed, so re-importing a file changes nothing. A file with bad rows writes nothing
 * unless `skipBad`.
 */
export async function importStaffRecords<S extends z.ZodType<{ email: string }>, D extends { id: string; recordedAt: string }>(
  deps: { store: Store },
  tenant: Tenant,
  csvText: string,
  options: ImportOptions,
  kind: StaffRecordImport<S, D>,
): Promise<ImportResult> {
  const read = readCsv(csvText, kind.aliases, kind.required);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const staffByEmail = new Map((await deps.store.staff.find(tenant.id)).map((v) => [v.value.email, v.value]));
  const errors: RowError[] = [];
  const docs: D[] = [];
  for (const { row, record } of read.rows) {
    const checked = checkRow(kind.row, row, record);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const person = staffByEmail.get(checked.value.email);
    if (!person) {
      errors.push({ row, reason: `${checked.value.email} is not in the staff list` });
      continue;
    }
    docs.push(kind.toRecord(checked.value, person));
  }
  if (errors.length > 0 && !options.skipBad) return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'row needs', 'rows need')} fixing (or use --skip-bad).`, errors };

  const counts = { created: 0, updated: 0, unchanged: 0, skipped: read.rows.length - docs.length };
  for (const [i, doc] of docs.entries()) {
    const before = (await kind.collection.get(tenant.id, doc.id))?.value;
    if (before && (kind.keepStored?.(before, doc) || sameRecord({ ...before, recordedAt: '' }, { ...doc, recordedAt: '' }))) counts.unchanged++;
    else {
      if (!options.dryRun) await kind.collection.put(doc);
      if (before) counts.updated++;
      else counts.created++;
    }
    options.onProgress?.(i + 1, docs.length);
  }
  return { ok: true, counts, errors };
}
