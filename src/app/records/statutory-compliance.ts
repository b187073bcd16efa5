import { DateTime } from 'luxon';
import type { StatutoryComplianceRow, StatutoryComplianceView } from '../../cards/views/statutory-compliance';
import { hasRole, requiredTopicsFor, schoolsLedBy, statutoryGroupsOf, statutoryKey, type Staff, type StatutoryTraining } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';

const NO_SCHOOL = 'No school given';

/**
 * Who is out of date (lapsed), due to renew within the reminder weeks, or has never had a
 * required topic recorded (settings, statutory-topics), by school: the CPD
 * lead's compliance list (the command is lead-only; a school's own CPD lead gets their school's). Leavers are left out; the latest training
 * per person and topic is the only document there is (renewal replaces it).
 */
export async function statutoryCompliance(deps: AppDeps, actor: Actor): Promise<StatutoryComplianceView> {
  const { tenant } = actor;
  const zone = tenant.settings.timezone;
  const today = DateTime.fromJSDate(deps.clock.now(), { zone }).toISODate()!;
  const weeks = tenant.settings.statutoryReminderWeeks;
  const dueBy = DateTime.fromISO(today, { zone }).plus({ weeks }).toISODate()!;
  const [staff, training, reported] = await Promise.all([
    deps.store.staff.find(tenant.id, { where: { active: true } }),
    deps.store.statutoryTraining.find(tenant.id),
    deps.store.statutoryReports.find(tenant.id, { where: { status: 'reported' } }),
  ]);
  // A school's own CPD lead sees their school's staff; the trust's lead everyone (issue 26 item 5).
  const led = hasRole(actor.staff, 'cpd-lead') ? undefined : new Set(schoolsLedBy(tenant.settings.cpdRequests, actor.staff.id));
  const inScope = (p: Staff) => led === undefined || (p.schoolId !== undefined && led.has(p.schoolId));
  const people = new Map<string, Staff>(staff.filter((s) => inScope(s.value)).map((s) => [s.value.id, s.value]));
  const schoolName = (p: Staff) => tenant.schools.find((s) => s.id === p.schoolId)?.name ?? NO_SCHOOL;
  const groups = new Map<string, StatutoryComplianceView['schools'][number]>();
  const group = (name: string) => groups.get(name) ?? groups.set(name, { name, lapsed: [], due: [], never: [], current: 0 }).get(name)!;
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
  // Required topics with nothing recorded (issue 26 item 2): due now, whatever the expiry weeks.
  const recorded = new Set(training.map((t) => `${t.value.staffId}\u0000${statutoryKey(t.value.topic)}`));
  const waiting = new Map(reported.map((r) => [`${r.value.staffId}\u0000${statutoryKey(r.value.topic)}`, r.value.completedOn]));
  const requirements = tenant.settings.statutoryTopics;
  for (const person of [...people.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const r of requiredTopicsFor(person, requirements)) {
      const key = `${person.id}\u0000${statutoryKey(r.topic)}`;
      if (recorded.has(key)) continue;
      const reportedOn = waiting.get(key);
      const expiresText = reportedOn ? `Never recorded; reported done on ${day(reportedOn)}, waiting for a lead to confirm` : 'Never recorded';
      group(schoolName(person)).never.push({ name: person.name, topic: r.topic, expiresText });
    }
  }
  const warnings: string[] = [];
  const allStaff = staff.map((s) => s.value);
  for (const g of statutoryGroupsOf(requirements)) {
    if (!allStaff.some((p) => (p.statutoryGroups ?? []).includes(g.key))) warnings.push(`Nobody is in ${g.name}, so nobody is listed for its training: name them with "settings statutory" (Who is in ${g.name}).`);
  }
  if (training.length === 0 && requirements.length > 0) warnings.push('No statutory training is recorded yet, so everyone shows as never recorded, and nobody is reminded until some is: import it (a file with E-mail, Topic, Completed, Expires) or confirm what people report.');
  const schools = [...groups.values()].sort((a, b) => (a.name === NO_SCHOOL ? 1 : b.name === NO_SCHOOL ? -1 : a.name.localeCompare(b.name)));
  return {
    kind: 'statutory-compliance',
    dueWithinWeeks: weeks,
    schools,
    ...(warnings.length > 0 ? { warnings } : {}),
    emptyText: 'No statutory training is recorded yet. Send me the training file here in chat (a CSV with E-mail, Topic, Completed, Expires): I show what would change before anything is imported.',
  };
}
