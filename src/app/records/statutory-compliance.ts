import { DateTime } from 'luxon';
import type { StatutoryComplianceRow, StatutoryComplianceView } from '../../cards/views/statutory-compliance';
import { hasRole, schoolsLedBy, type Staff, type StatutoryTraining } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';

const NO_SCHOOL = 'No school given';

/**
 * Who is out of date (lapsed) or due to renew within the reminder weeks, by school: the CPD
 * lead's compliance list (the command is lead-only; a school's own CPD lead gets their school's). Leavers are left out; the latest training
 * per person and topic is the only document there is (renewal replaces it).
 */
export async function statutoryCompliance(deps: AppDeps, actor: Actor): Promise<StatutoryComplianceView> {
  const { tenant } = actor;
  const zone = tenant.settings.timezone;
  const today = DateTime.fromJSDate(deps.clock.now(), { zone }).toISODate()!;
  const weeks = tenant.settings.statutoryReminderWeeks;
  const dueBy = DateTime.fromISO(today, { zone }).plus({ weeks }).toISODate()!;
  const [staff, training] = await Promise.all([deps.store.staff.find(tenant.id, { where: { active: true } }), deps.store.statutoryTraining.find(tenant.id)]);
  // A school's own CPD lead sees their school's staff; the trust's lead everyone (issue 26 item 5).
  const led = hasRole(actor.staff, 'cpd-lead') ? undefined : new Set(schoolsLedBy(tenant.settings.cpdRequests, actor.staff.id));
  const inScope = (p: Staff) => led === undefined || (p.schoolId !== undefined && led.has(p.schoolId));
  const people = new Map<string, Staff>(staff.filter((s) => inScope(s.value)).map((s) => [s.value.id, s.value]));
  const schoolName = (p: Staff) => tenant.schools.find((s) => s.id === p.schoolId)?.name ?? NO_SCHOOL;
  const groups = new Map<string, StatutoryComplianceView['schools'][number]>();
  const group = (name: string) => groups.get(name) ?? groups.set(name, { name, lapsed: [], due: [], current: 0 }).get(name)!;
  const day = (d: string) => DateTime.fromISO(d, { zone }).toFormat('cccc d LLLL yyyy');
  const sorted = training.map((t) => t.value).sort((a: StatutoryTraining, b: StatutoryTraining) => a.expiresOn.localeCompare(b.expiresOn));
  for (const t of sorted) {
    const person = people.get(t.staffId);
    if (!person) continue;
    const g = group(schoolName(person));
    const row = (word: string): StatutoryComplianceRow => ({ name: person.name, topic: t.topic, expiresText: `${word} ${day(t.expiresOn)}` });
    if (t.expiresOn < today) g.lapsed.push(row('Lapsed'));
    else if (t.expiresOn <= dueBy) g.due.push(row('Lapses'));
    else g.current++;
  }
  const schools = [...groups.values()].sort((a, b) => (a.name === NO_SCHOOL ? 1 : b.name === NO_SCHOOL ? -1 : a.name.localeCompare(b.name)));
  return {
    kind: 'statutory-compliance',
    dueWithinWeeks: weeks,
    schools,
    emptyText: 'No statutory training is recorded yet. Import it with `npm run cli -- import statutory FILE.csv` (email, topic, completed, expires).',
  };
}
