import { stringify } from 'csv-stringify/sync';
import { setAwayByEmail } from '../app/people';
import { eraseStaff } from '../app/people';
import { deactivateStaff, findStaffByEmail, loadStaffProfile } from '../app/people';
import type { Clock } from '../domain';
import { DEFAULT_ZONE } from '../domain/school-time';
import { applyStaffImportPlan, planStaffImport } from '../imports/import-staff';
import type { Store } from '../store/store';
import { findCliTenant, saveNewTenant } from './cli-tenant';
import { supporterLines } from './staff-mentor-command';

interface StaffCommandDeps {
  store: Store;
  print: (text: string) => void;
}

const plural = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/**
 * `staff add`: one person, checked exactly like a roster row (same headings, same messages,
 * line manager by e-mail or name), so the CLI and a file never disagree about what is valid.
 */
export async function runStaffAdd(deps: StaffCommandDeps, tenantId: string, fields: Record<string, string>): Promise<number> {
  const found = await findCliTenant(deps.store, tenantId);
  const headings = Object.keys(fields);
  const csv = stringify([headings, headings.map((h) => fields[h]!)]);
  const plan = await planStaffImport(deps, found.tenant, csv);
  const problems = plan.errors.map((e) => e.reason.replace(/^[^:]+: /, (h) => `--${flagOf(h)}: `));
  if (!plan.ok) {
    deps.print(problems.length > 0 ? problems.join('\n') : plan.message);
    return 1;
  }
  const change = plan.changes[0]!;
  if (change.kind !== 'create') {
    deps.print(`${change.doc.email} is already in the staff list (see: staff show ${change.doc.email}).`);
    return 1;
  }
  await saveNewTenant(deps.store, found, deps.print);
  await applyStaffImportPlan(deps, plan);
  deps.print(`Added ${change.doc.name} <${change.doc.email}>.`);
  return 0;
}

/** "Line Manager: ..." from the row reader → the flag the operator typed. */
function flagOf(heading: string): string {
  return heading.replace(/: $/, '').toLowerCase().replace('line manager', 'manager').replace(/ /g, '-');
}

export async function runStaffShow(deps: StaffCommandDeps & { clock?: Clock }, tenantId: string, email: string): Promise<number> {
  const loaded = await loadStaffProfile(deps, tenantId, email);
  if (!loaded.ok) {
    deps.print(loaded.message);
    return 1;
  }
  const { staff, lineManager, reports } = loaded.profile;
  const linked = [staff.teams ? 'Teams' : undefined, staff.slack ? 'Slack' : undefined].filter(Boolean).join(' and ') || 'not yet (they have not spoken to the bot)';
  const lines = [
    `${staff.name} <${staff.email}>${staff.active ? '' : ' (inactive: left; gets no messages)'}`,
    `  job title:    ${staff.jobTitle ?? '-'}`,
    `  roles:        ${staff.roles.join(', ')}`,
    `  department:   ${staff.department ?? '-'}`,
    `  pathway:      ${staff.pathway ?? '-'}`,
    `  school:       ${staff.schoolId ?? '-'}`,
    `  line manager: ${lineManager ? `${lineManager.name} <${lineManager.email}>${lineManager.active ? '' : ' (inactive)'}` : '-'}`,
    `  reports:      ${reports.length === 0 ? '-' : [...reports].map((r) => r.name).sort().join(', ')}`,
    `  linked:       ${linked}`,
  ];
  if (staff.awayUntil) lines.push(`  away until:   ${staff.awayUntil}`);
  lines.push(...(await supporterLines(deps, tenantId, staff.id)));
  deps.print(lines.join('\n'));
  return 0;
}

export async function runStaffDeactivate(deps: StaffCommandDeps, tenantId: string, email: string): Promise<number> {
  const result = await deactivateStaff(deps, tenantId, email);
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  deps.print(result.changed ? `${result.staff.name} is now inactive: no more messages; their records stay.` : `${result.staff.name} was already inactive.`);
  if (result.reports.length > 0) {
    deps.print(
      `${result.staff.name} is line manager of ${plural(result.reports.length)} (${result.reports.map((r) => r.name).join(', ')}): nobody gets their weekly digest until a roster names a new line manager. The lead digest will say so.`,
    );
  }
  return 0;
}

export async function runStaffAway(deps: StaffCommandDeps & { clock: Clock }, tenantId: string, email: string, until: string): Promise<number> {
  const tenant = (await deps.store.tenants.get(tenantId, tenantId))?.value;
  const result = await setAwayByEmail(deps, tenantId, email, until, deps.clock.now(), tenant?.settings.timezone ?? DEFAULT_ZONE);
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  deps.print(`${result.staff.name} is away until ${result.staff.awayUntil}: no reminders or nudges before then.`);
  for (const t of result.movedTasks) deps.print(`  gap task due ${t.originalDueAt!.slice(0, 10)} now due ${t.dueAt.slice(0, 10)}`);
  return 0;
}

/** `staff erase EMAIL --confirm`: the right to erasure. Without --confirm it only says what it would do. */
export async function runStaffErase(deps: StaffCommandDeps & { clock: Clock }, tenantId: string, email: string, confirm: boolean): Promise<number> {
  if (!confirm) {
    const found = await findStaffByEmail(deps, tenantId, email);
    deps.print(
      found.ok
        ? `This removes ${found.staff.name}'s staff record, named answers, gap tasks, CPD requests, logged CPD, qualifications, statutory training, impact follow-ups, year-ahead reviews, conversation references and planned messages for good, and their name in anyone else's records; attendance and "has answered" counts stay, as nobody. Run again with --confirm to do it.`
        : found.message,
    );
    return found.ok ? 2 : 1;
  }
  const result = await eraseStaff(deps, tenantId, email, deps.clock.now(), 'cli');
  if (!result.ok) {
    deps.print(result.message);
    return 1;
  }
  const c = result.counts;
  deps.print(
    `Erased: ${c.answers} named answers, ${c.gapTasks} gap tasks, ${c.cpdRequests} CPD requests, ${c.loggedCpd} logged CPD, ${c.qualifications} qualifications, ${c.statutoryTraining} statutory training, ${c.impactFollowUps} impact follow-ups, ${c.yearAheadReviews} year-ahead reviews, ${c.conversations} conversation references, ${c.plannedMessages} planned messages and the staff record removed; ${c.attendanceKeptAnonymously} attendance, ${c.receiptsKeptAnonymously} "has answered" and ${c.cpdRequestsKeptAnonymously} budgeted CPD request records kept as nobody; ${c.otherRecordsRedacted} other records no longer name them. Audit reference: ${result.reference} (keep it with the request; the audit record holds no personal data).`,
  );
  if (result.notRedacted.length > 0) {
    // Fail closed: the operator is told exactly which records still name the person.
    deps.print(`These records still name them and could not be rewritten; remove them by hand: ${result.notRedacted.join(', ')}.`);
    return 1;
  }
  return 0;
}
