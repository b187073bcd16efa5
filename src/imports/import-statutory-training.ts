import { z } from 'zod';
import { Email, expiryAfter, requirementFor, StatutoryTraining, statutoryTrainingId, type StatutoryRequirement, type Tenant } from '../domain';
import { blankToUndefined } from './csv-rows';
import type { Store } from '../store/store';
import type { ImportOptions, ImportResult } from './import-result';
import { SchoolDateCell } from './school-cells';
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

/**
 * One row: whose training (by e-mail), which topic, completed when and lapsing when. A blank expiry
 * is worked out from the topic's renewal in the settings (statutory-topics), as a lead would; a
 * topic the settings do not name needs its expiry given.
 */
export function statutoryTrainingRow(requirements: readonly StatutoryRequirement[]) {
  return z
    .object({ email: Email, topic: z.string().trim().min(1, 'give the training topic').max(100), completed: SchoolDateCell, expires: z.preprocess(blankToUndefined, SchoolDateCell.optional()) })
    .transform((r, ctx) => {
      if (r.expires !== undefined) return { ...r, expires: r.expires };
      const requirement = requirementFor(requirements, r.topic);
      if (!requirement) {
        ctx.addIssue({ code: 'custom', path: ['expires'], message: `give the expiry: ${r.topic} is not a statutory topic in the settings (settings statutory), so its renewal is not known` });
        return z.NEVER;
      }
      return { ...r, expires: expiryAfter(r.completed, requirement.renewalMonths) };
    })
    .refine((r) => r.expires > r.completed, { message: 'expires must be after completed', path: ['expires'] });
}

/**
 * Statutory training (safeguarding, first aid, Prevent, topics the lead names) from the school's
 * HR spreadsheet. One document per person and topic: a newer completion replaces the older one,
 * and re-importing the same file changes nothing. A file with bad rows writes nothing unless `skipBad`.
 */
export async function importStatutoryTraining(deps: { store: Store }, tenant: Tenant, csvText: string, now: Date, options: ImportOptions = {}): Promise<ImportResult> {
  return importStaffRecords(deps, tenant, csvText, options, {
    aliases: STATUTORY_ALIASES,
    required: ['email', 'topic', 'completed'],
    row: statutoryTrainingRow(tenant.settings.statutoryTopics),
    collection: deps.store.statutoryTraining,
    toRecord: ({ topic, completed, expires }, person) =>
      StatutoryTraining.parse({ tenantId: tenant.id, id: statutoryTrainingId(person.id, topic), staffId: person.id, topic, completedOn: completed, expiresOn: expires, recordedAt: now.toISOString() }),
    // A file listing an older completion than the one held does not undo a renewal.
    keepStored: (stored, incoming) => stored.completedOn > incoming.completedOn,
  });
}
