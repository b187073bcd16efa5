import type { Staff } from '../domain';
import type { LeadDigestAttention } from '../cards/views';
import type { Store } from '../store/store';
import { findWhereIn } from './find-in';

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/**
 * A line manager who has left (inactive) but is still named as someone's manager: nobody gets
 * those people's weekly digest until a roster names a new manager, so the lead is told.
 */
export function leaverManagerWarnings(inactive: readonly Staff[], activeReports: readonly Staff[]): LeadDigestAttention[] {
  return inactive
    .map((manager) => ({ manager, reports: activeReports.filter((s) => s.lineManagerId === manager.id).length }))
    .filter((x) => x.reports > 0)
    .sort((a, b) => a.manager.name.localeCompare(b.manager.name))
    .map(({ manager, reports }) => ({
      text: `${manager.name} has left (inactive) but is still line manager of ${people(reports)}: their weekly digest goes to nobody. Import a roster that names their new line manager.`,
    }));
}

/** Loads what `leaverManagerWarnings` needs: leavers are few, and only their reports are read. */
export async function loadLeaverManagerWarnings(store: Store, tenantId: string): Promise<LeadDigestAttention[]> {
  const inactive = (await store.staff.find(tenantId, { where: { active: false } })).map((v) => v.value);
  if (inactive.length === 0) return [];
  const reports = await findWhereIn(store.staff, tenantId, 'lineManagerId', inactive.map((s) => s.id), { active: true });
  return leaverManagerWarnings(inactive, reports);
}
