import {
  findSettingDefinition,
  SchoolCalendar,
  SETTINGS_HISTORY_LIMIT,
  type FieldErrors,
  type LeadRoleChange,
  type Role,
  type SettingChange,
  type SettingsContext,
  type SettingsPerson,
  type StatutoryGroupChange,
  type Tenant,
} from '../../domain';
import type { Clock } from '../../domain/clock';
import type { Store } from '../../store/store';
import { updateWithRetry, upsertWithRetry } from '../../store/update';

/** Who changes a setting: a person in chat (their staff id and name) or the operator's shell. */
export interface SettingsChanger {
  by: string;
  byName?: string;
}

export const CLI_CHANGER: SettingsChanger = { by: 'cli', byName: 'the command line' };

export type SettingsChangeResult =
  | { ok: true; changes: SettingChange[]; context: SettingsContext }
  | { ok: false; errors: FieldErrors; message: string };

/** The tenant, its calendar and its people, as the setting definitions read them; undefined when there is no such tenant. */
export async function loadSettingsContext(deps: { store: Store }, tenantId: string): Promise<SettingsContext | undefined> {
  const [tenant, calendar, staff] = await Promise.all([
    deps.store.tenants.get(tenantId, tenantId),
    deps.store.calendars.get(tenantId, 'calendar'),
    deps.store.staff.find(tenantId),
  ]);
  if (!tenant) return undefined;
  const people: SettingsPerson[] = staff.map(({ value: s }) => ({ id: s.id, name: s.name, email: s.email, active: s.active, cpdLead: s.roles.includes('cpd-lead'), ...(s.statutoryGroups ? { statutoryGroups: s.statutoryGroups } : {}), ...(s.schoolId ? { schoolId: s.schoolId } : {}) }));
  return { tenant: tenant.value, calendar: calendar?.value ?? SchoolCalendar.parse({ tenantId }), people };
}

type Applied = { context: SettingsContext; changes: Omit<SettingChange, 'at' | 'by' | 'byName'>[]; errors: FieldErrors; leadRoles: LeadRoleChange[]; groupChanges: StatutoryGroupChange[] };

/** A person's groups with one change applied. */
function withGroupChange(groups: readonly string[] | undefined, change: StatutoryGroupChange): string[] {
  const rest = (groups ?? []).filter((g) => g !== change.group);
  return change.member ? [...rest, change.group] : rest;
}

/**
 * Applies typed values to a context, key by key, through each setting's definition: every
 * refusal is collected (keyed by setting, for beside its field) and a value that is already
 * the stored one is no change. Pure: the caller writes the result.
 */
export function applySettingValues(context: SettingsContext, values: Readonly<Record<string, string>>): Applied {
  let working = context;
  const changes: Applied['changes'] = [];
  const errors: FieldErrors = {};
  const leadRoles: LeadRoleChange[] = [];
  const groupChanges: StatutoryGroupChange[] = [];
  for (const [key, text] of Object.entries(values)) {
    const definition = findSettingDefinition(working.tenant, key);
    if (!definition) {
      errors[key] = `There is no setting "${key}": "settings show" lists them.`;
      continue;
    }
    const before = definition.show(working);
    if (before === text.trim()) continue;
    const written = definition.set(working, text);
    if (!written.ok) {
      errors[definition.key] = written.message;
      continue;
    }
    const roles = written.leadRoles ?? [];
    const grouped = written.groupChanges ?? [];
    const people = roles.length === 0 && grouped.length === 0 ? working.people : working.people.map((p) => ({
      ...p,
      cpdLead: roles.find((r) => r.staffId === p.id)?.cpdLead ?? p.cpdLead,
      statutoryGroups: grouped.filter((g) => g.staffId === p.id).reduce<readonly string[] | undefined>((groups, g) => withGroupChange(groups, g), p.statutoryGroups),
    }));
    const next = { ...working, tenant: written.tenant, calendar: written.calendar, people };
    const after = definition.show(next);
    if (after === before) continue;
    working = next;
    leadRoles.push(...roles);
    groupChanges.push(...grouped);
    changes.push({ key: definition.key, before, after });
  }
  return { context: working, changes, errors, leadRoles, groupChanges };
}

/**
 * Changes settings for a CPD lead (chat) or an operator (CLI): all or nothing. Each change is
 * recorded on the tenant with who, when, before and after in the same write (under the ETag; a
 * racing change is re-read and the values re-applied to it), and the tenant write asks the
 * planner to plan the tenant again (the change log), so new times and rules take effect.
 * Quiet hours live on the calendar, which the dispatcher and planner read: written after.
 */
export async function changeSettings(deps: { store: Store; clock: Clock }, tenantId: string, changer: SettingsChanger, values: Readonly<Record<string, string>>): Promise<SettingsChangeResult> {
  const loaded = await loadSettingsContext(deps, tenantId);
  if (!loaded) return { ok: false, errors: {}, message: `There is no tenant "${tenantId}" yet: importing a staff list creates it.` };
  const at = deps.clock.now().toISOString();
  let applied: Applied | undefined;
  let entries: SettingChange[] = [];
  const updated = await updateWithRetry(deps.store.tenants, tenantId, tenantId, (current) => {
    applied = applySettingValues({ ...loaded, tenant: current }, values);
    if (Object.keys(applied.errors).length > 0 || applied.changes.length === 0) return undefined;
    entries = applied.changes.map((c) => ({ ...c, at, by: changer.by, ...(changer.byName ? { byName: changer.byName.slice(0, 200) } : {}) }));
    return { ...applied.context.tenant, settingsHistory: [...(current.settingsHistory ?? []), ...entries].slice(-SETTINGS_HISTORY_LIMIT) };
  });
  if (!updated.ok) return { ok: false, errors: {}, message: updated.reason === 'absent' ? `There is no tenant "${tenantId}".` : 'The settings changed meanwhile; nothing was saved. Please try again.' };
  if (!applied || Object.keys(applied.errors).length > 0) {
    const errors = applied?.errors ?? {};
    return { ok: false, errors, message: Object.keys(errors).length === 1 ? Object.values(errors)[0]! : 'Please check the settings marked: nothing was saved.' };
  }
  // A CPD lead named or removed: the role is on their staff record (each under its own ETag).
  for (const change of applied.leadRoles) {
    const written = await updateWithRetry(deps.store.staff, tenantId, change.staffId, (s) => {
      const has = s.roles.includes('cpd-lead');
      if (has === change.cpdLead) return undefined;
      const roles: Role[] = change.cpdLead ? [...s.roles, 'cpd-lead'] : s.roles.filter((r) => r !== 'cpd-lead');
      const kept: Role[] = roles.length > 0 ? roles : ['staff'];
      return { ...s, roles: kept };
    });
    if (!written.ok) return { ok: false, errors: {}, message: 'A staff record changed meanwhile; the CPD lead was not saved. Please try again.' };
  }
  // A person put in or taken out of a statutory group: kept on their staff record, under its ETag.
  for (const change of applied.groupChanges) {
    const written = await updateWithRetry(deps.store.staff, tenantId, change.staffId, (s) => {
      if ((s.statutoryGroups ?? []).includes(change.group) === change.member) return undefined;
      return { ...s, statutoryGroups: withGroupChange(s.statutoryGroups, change) };
    });
    if (!written.ok) return { ok: false, errors: {}, message: 'A staff record changed meanwhile; the group was not saved. Please try again.' };
  }
  const calendar = applied.context.calendar;
  if (calendar.quietHours.start !== loaded.calendar.quietHours.start || calendar.quietHours.end !== loaded.calendar.quietHours.end || calendar.quietWeekends !== loaded.calendar.quietWeekends) {
    const written = await upsertWithRetry(deps.store.calendars, tenantId, 'calendar', (current) => {
      const base = current ?? SchoolCalendar.parse({ tenantId });
      return { ...base, quietHours: calendar.quietHours, quietWeekends: calendar.quietWeekends };
    });
    if (!written.ok) return { ok: false, errors: {}, message: 'The calendar changed meanwhile; quiet hours were not saved. Please try again.' };
  }
  return { ok: true, changes: updated.changed ? entries : [], context: { ...applied.context, tenant: updated.value } };
}

/** The recorded changes, newest first. */
export function settingsHistoryOf(tenant: Tenant): SettingChange[] {
  return [...(tenant.settingsHistory ?? [])].reverse();
}
