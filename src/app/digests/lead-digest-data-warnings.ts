import { firstUncoveredDay, type SchoolCalendar, type Staff } from '../../domain';
import { formatDay } from '../../cards/format';
import type { LeadDigestAttention, LeadDigestView } from '../../cards/views/lead-digest';
import type { Store } from '../../store/store';
import { findWhereIn } from '../../store/find-in';
import { hasNothingToReport, MAX_ROWS } from './lead-digest';

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
export async function loadLeaverManagerWarnings(store: Store, tenantId: string, inScope: (person: Staff) => boolean = () => true): Promise<LeadDigestAttention[]> {
  const inactive = (await store.staff.find(tenantId, { where: { active: false } })).map((v) => v.value);
  if (inactive.length === 0) return [];
  // A school lead is told only about their own school's people left without a manager.
  const reports = (await findWhereIn(store.staff, tenantId, 'lineManagerId', inactive.map((s) => s.id), { active: true })).filter(inScope);
  return leaverManagerWarnings(inactive, reports);
}

/** Four weeks ahead: long enough for the lead to get next term's dates in before they matter. */
export const CALENDAR_LOOKAHEAD_DAYS = 28;

/**
 * Holidays stop messages only when the calendar has them: the lead is warned while any school day
 * of the next four weeks has no term, holiday or INSET day.
 */
export function calendarWarning(calendar: SchoolCalendar | undefined, today: string, zone: string): LeadDigestAttention[] {
  // The digest goes to leads in chat, where they can send the file.
  const how = 'Send me the term dates the school publishes in this chat (an .ics file, or a CSV with Type, Name, Start, End).';
  if (!calendar || (calendar.terms.length === 0 && calendar.holidays.length === 0)) {
    return [{ text: `No school calendar has been imported: school holidays will not stop messages. ${how}` }];
  }
  const gap = firstUncoveredDay(calendar, today, CALENDAR_LOOKAHEAD_DAYS);
  if (!gap) return [];
  return [{ text: `The school calendar stops before ${formatDay(`${gap}T12:00:00.000Z`, zone)}: holidays after that will not stop messages. ${how}` }];
}

/**
 * Puts warnings about the school's own data first in the attention list (so the cap never hides
 * them), but only in a digest that has something else to say: a tenant not yet running a programme
 * is not sent a weekly digest just to be told about its calendar.
 */
export function withDataWarnings(view: LeadDigestView, warnings: readonly LeadDigestAttention[]): LeadDigestView {
  if (warnings.length === 0 || hasNothingToReport(view)) return view;
  const all = [...warnings, ...view.attention];
  return {
    ...view,
    attention: all.slice(0, MAX_ROWS),
    notShown: { ...view.notShown, attention: view.notShown.attention + Math.max(0, all.length - MAX_ROWS) },
  };
}
