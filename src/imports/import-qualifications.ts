import { countOf } from '../cards/format';
import { z } from 'zod';
import { Email, LocalDate, Qualification, qualificationId, type QualificationKind, type Tenant } from '../domain';
import type { Store } from '../store/store';
import { blankToUndefined, checkRow, readCsv, sameRecord } from './csv-rows';
import type { ImportOptions, ImportResult, RowError } from './import-result';

const ALIASES: Record<string, string> = { emailaddress: 'email', title: 'qualification', name: 'qualification', startedon: 'started', awardedon: 'awarded', completed: 'awarded' };

export const QualificationRow = z.object({
  email: Email,
  qualification: z.string().trim().min(1, 'name the qualification').max(300),
  started: z.preprocess(blankToUndefined, LocalDate.optional()),
  awarded: z.preprocess(blankToUndefined, LocalDate.optional()),
});

/** NPQs and HLTA by their usual abbreviations; degrees and teaching qualifications by their words. */
export function qualificationKindOf(title: string): QualificationKind {
  const t = title.toLowerCase().replace(/[^a-z ]/g, ' ');
  const npq = /\bnpq ?(ml|sl|h|ltd|lt|lbc|eyl|el)\b/.exec(t);
  if (npq) return `npq${npq[1]}` as QualificationKind;
  if (/\bhlta\b|higher level teaching assistant/.test(t)) return 'hlta';
  if (/\b(ba|bsc|bed|ma|msc|med|mba|phd|edd|pgce|degree|masters|doctorate)\b/.test(t)) return 'degree';
  return 'other';
}

/** Formal qualifications (seed 003's record: NPQs, HLTA, degrees) with their dates, from an HR spreadsheet. */
export async function importQualifications(deps: { store: Store }, tenant: Tenant, csvText: string, now: Date, options: ImportOptions = {}): Promise<ImportResult> {
  const read = readCsv(csvText, ALIASES, ['email', 'qualification']);
  if (!read.ok) return { ok: false, message: read.message, errors: [] };
  const staffByEmail = new Map((await deps.store.staff.find(tenant.id)).map((v) => [v.value.email, v.value]));
  const errors: RowError[] = [];
  const docs: Qualification[] = [];
  for (const { row, record } of read.rows) {
    const checked = checkRow(QualificationRow, row, record);
    if (!checked.ok) {
      errors.push(checked.error);
      continue;
    }
    const person = staffByEmail.get(checked.value.email);
    if (!person) {
      errors.push({ row, reason: `${checked.value.email} is not in the staff list` });
      continue;
    }
    const { qualification: title, started, awarded } = checked.value;
    const kind = qualificationKindOf(title);
    docs.push(
      Qualification.parse({ tenantId: tenant.id, id: qualificationId(person.id, kind, title), staffId: person.id, kind, title, ...(started ? { startedOn: started } : {}), ...(awarded ? { awardedOn: awarded } : {}), recordedAt: now.toISOString() }),
    );
  }
  if (errors.length > 0 && !options.skipBad) return { ok: false, message: `Nothing was imported: ${countOf(errors.length, 'row needs', 'rows need')} fixing (or use --skip-bad).`, errors };
  const counts = { created: 0, updated: 0, unchanged: 0, skipped: read.rows.length - docs.length };
  for (const [i, doc] of docs.entries()) {
    const before = (await deps.store.qualifications.get(tenant.id, doc.id))?.value;
    if (before && sameRecord({ ...before, recordedAt: '' }, { ...doc, recordedAt: '' })) counts.unchanged++;
    else {
      await deps.store.qualifications.put(doc);
      if (before) counts.updated++;
      else counts.created++;
    }
    options.onProgress?.(i + 1, docs.length);
  }
  return { ok: true, counts, errors };
}
