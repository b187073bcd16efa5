import { z } from 'zod';
import { Email, LocalDate, parseDay, RECORD_DAYS, typed, StatutoryTraining, statutoryTrainingId, type Tenant } from '../domain';
import type { Store } from '../store/store';
import type { ImportOptions, ImportResult } from './import-result';
import { importStaffRecords } from './staff-record-import';

/** HR exports name the columns in many ways. */
export const STATUTORY_ALIASES: Record<string, string> = {
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
  .object({ email: Email, topic: z.string().trim().min(1, 'give the training topic').max(100), completed: LocalDate.transform(typed((t) => parseDay(t, RECORD_DAYS))), expires: LocalDate.transform(typed((t) => parseDay(t, RECORD_DAYS))) })
  .refine((r) => r.expires > r.completed, { message: 'expires must be after completed', path: ['expires'] });

/**
 * Statutory training (safeguarding, first aid, Prevent, topics the lead names) from the school's
 * HR spreadsheet. One document per person and topic: a newer completion replaces the older one,
 * and re-importing the same file changes nothing. A file with bad rows writes nothing unless `skipBad`.
 */
export async function importStatutoryTraining(deps: { store: Store }, tenant: Tenant, csvText: string, now: Date, options: ImportOptions = {}): Promise<ImportResult> {
  return importStaffRecords(deps, tenant, csvText, options, {
    aliases: STATUTORY_ALIASES,
    required: ['email', 'topic', 'completed', 'expires'],
    row: StatutoryTrainingRow,
    collection: deps.store.statutoryTraining,
    toRecord: ({ topic, completed, expires }, person) =>
      StatutoryTraining.parse({ tenantId: tenant.id, id: statutoryTrainingId(person.id, topic), staffId: person.id, topic, completedOn: completed, expiresOn: expires, recordedAt: now.toISOString() }),
    // A file listing an older completion than the one held does not undo a renewal.
    keepStored: (stored, incoming) => stored.completedOn > incoming.completedOn,
  });
}
