import { countOf } from '../cards/format';
import { z } from 'zod';
import { Email, LocalDate, StatutoryTraining, statutoryTrainingId, type Tenant } from '../domain';
import type { Store } from '../store/store';
import { checkRow, readCsv, sameRecord } from './csv-rows';
import type { ImportOptions, ImportResult, RowError } from './import-result';

/** HR exports name the columns in many ways. */
const ALIASES: Record<string, string> = {
  emailaddress: 'email',
  training: 'topic',
  course: 'topic',
  completedon: 'completed',
  datecompleted: 'completed',
  expireson: 'expires',
  expirydate: 'expires',
  renewby: 'expires',
};

/** One row: whose training (by e-mail), which topic, completed when and lapsing when (YYYY-MM-DD). */
export const StatutoryTrainingRow = z
  .object({ email: Email, topic: z.string().trim().min(1, 'give the training topic').max(100), completed: LocalDate, expires: LocalDate })
  .refine((r) => r.expires > r.completed, { message: 'expires must be after completed', path: ['expires'] });

/**
 * Statutory training (safeguarding, first aid, Prevent, topics the lead names) from the school's
 * HR spreadsheet. One document per person and topic: a newer completion replaces the older one,
 * and re-importing the same file changes nothing. A file with bad rows writes nothing unless `skipBad`.
 */
export async function importStatutoryTraining(deps: { store: Store }, tenant: Tenant, csvText: string, now: Date, options: ImportOptions = {}): Promise<ImportResult> {
  const read = readCsv(csvText, ALIASES, ['email', 'topic', 'completed', 'expires']);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const staffByEmail = new Map((await deps.store.staff.find(tenant.id)).map((v) => [v.value.email, v.value]));
  const errors: RowError[] = [];
  const docs: StatutoryTraining[] = [];
  for (const { row, record } of read.rows) {
    const checked = checkRow(StatutoryTrainingRow, row, record);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const person = staffByEmail.get(checked.value.email);
    if (!person) {
      errors.push({ row, reason: `${checked.value.email} is not in the staff list` });
      continue;
    }
    const { topic, completed, expires } = checked.value;
    docs.push(StatutoryTraining.parse({ tenantId: tenant.id, id: statutoryTrainingId(person.id, topic), staffId: person.id, topic, completedOn: completed, expiresOn: expires, recordedAt: now.toISOString() }));
  }
  if (errors.length > 0 && !options.skipBad) return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'row needs', 'rows need')} fixing (or use --skip-bad).`, errors };

  const counts = { created: 0, updated: 0, unchanged: 0, skipped: read.rows.length - docs.length };
  for (const [i, doc] of docs.entries()) {
    const before = (await deps.store.statutoryTraining.get(tenant.id, doc.id))?.value;
    // A file listing an older completion than the one held does not undo a renewal.
    if (before && (before.completedOn > doc.completedOn || sameRecord({ ...before, recordedAt: '' }, { ...doc, recordedAt: '' }))) counts.unchanged++;
    else {
      await deps.store.statutoryTraining.put(doc);
      if (before) counts.updated++;
      else counts.created++;
    }
    options.onProgress?.(i + 1, docs.length);
  }
  return { ok: true, counts, errors };
}
