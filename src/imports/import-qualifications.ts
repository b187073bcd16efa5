import { z } from 'zod';
import { Email, Qualification, qualificationId, type QualificationKind, type Tenant } from '../domain';
import type { Store } from '../store/store';
import { blankToUndefined } from './csv-rows';
import type { ImportOptions, ImportResult } from './import-result';
import { importStaffRecords } from './staff-record-import';
import { SchoolDateCell } from './school-cells';

export const QUALIFICATION_ALIASES: Record<string, string> = { emailaddress: 'email', title: 'qualification', name: 'qualification', startedon: 'started', awardedon: 'awarded', completed: 'awarded' };

export const QualificationRow = z.object({
  email: Email,
  qualification: z.string().trim().min(1, 'name the qualification').max(300),
  started: z.preprocess(blankToUndefined, SchoolDateCell.optional()),
  awarded: z.preprocess(blankToUndefined, SchoolDateCell.optional()),
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

/** Formal qualifications (NPQs, HLTA, degrees; docs/policy-sources.md) with their dates, from an HR spreadsheet. */
export async function importQualifications(deps: { store: Store }, tenant: Tenant, csvText: string, now: Date, options: ImportOptions = {}): Promise<ImportResult> {
  return importStaffRecords(deps, tenant, csvText, options, {
    aliases: QUALIFICATION_ALIASES,
    required: ['email', 'qualification'],
    row: QualificationRow,
    collection: deps.store.qualifications,
    toRecord: ({ qualification: title, started, awarded }, person) => {
      const kind = qualificationKindOf(title);
      return Qualification.parse({ tenantId: tenant.id, id: qualificationId(person.id, kind, title), staffId: person.id, kind, title, ...(started ? { startedOn: started } : {}), ...(awarded ? { awardedOn: awarded } : {}), recordedAt: now.toISOString() });
    },
  });
}
