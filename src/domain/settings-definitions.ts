import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { SchoolCalendar } from './calendar';
import { ApproverRole, APPROVER_ROLE_LABELS, CpdRequestSettings } from './cpd-request';
import { LocalTime } from './ids';
import { formatPence, parsePounds } from './money';
import { parseCount } from './typed-values';
import { TenantSettings, type School, type Tenant } from './tenant';
import { formatStatutoryRequirements, parseStatutoryRequirements, statutoryGroupsOf, statutoryKey } from './statutory-requirement';

/**
 * Every tenant setting, defined once (issue 25): its key, the group a CPD lead looks for it in,
 * its label and help, its range, where it is stored, and how it is shown and changed. The chat
 * form (Teams card, Slack modal), the CLI (`settings show|set|history`, `tenant show`) and the
 * roster import all read and change settings only through these definitions; the ranges are
 * the stored schema's own (TenantSettings), so a value a surface accepts is one the store takes.
 */

export const SETTING_GROUPS = [
  { id: 'schools', title: 'Schools and who leads them', help: 'The schools of the trust and the headteacher of each: a CPD request goes to the headteacher after the line manager.' },
  { id: 'approval', title: 'Approving CPD requests', help: 'Who approves a request for external CPD, in order, and who books it.' },
  { id: 'messages', title: 'Messages and reminders', help: 'When Twilight sends messages: quiet hours, reminders, digests, nudges.' },
  { id: 'statutory', title: 'Statutory training', help: 'The statutory training each person needs (of everyone, or of a staff group such as the DSLs), how often it is renewed, and who is in each group.' },
  { id: 'privacy', title: 'Privacy', help: 'What managers may see, and how long answers are kept.' },
  { id: 'evaluation', title: 'Evaluation and value for money', help: 'How costs are counted: in-house sessions in the providers report, and supply cover in pounds beside the half-days a request needs.' },
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number]['id'];

/** A person a setting may name, as the settings see them (a staff record, cut down). */
export interface SettingsPerson {
  id: string;
  name: string;
  email: string;
  active: boolean;
  schoolId?: string;
  /** Only whether they are a CPD lead matters to the settings (the `cpd-lead.<school>` setting). */
  cpdLead?: boolean;
  /** The statutory groups they are in, by key (the `statutory-group.<group>` setting). */
  statutoryGroups?: readonly string[];
}

/** What a definition reads and changes: the tenant, its calendar (quiet hours live there) and its people. */
export interface SettingsContext {
  tenant: Tenant;
  calendar: SchoolCalendar;
  people: readonly SettingsPerson[];
}

/** A role given or taken by a setting: kept on the person's staff record, not the tenant. */
export interface LeadRoleChange {
  staffId: string;
  cpdLead: boolean;
}

/** A person put in or taken out of a statutory group by a setting: kept on their staff record. */
export interface StatutoryGroupChange {
  staffId: string;
  group: string;
  member: boolean;
}

export type SettingWrite = { ok: true; tenant: Tenant; calendar: SchoolCalendar; leadRoles?: LeadRoleChange[]; groupChanges?: StatutoryGroupChange[] } | { ok: false; message: string };

export interface SettingDefinition {
  key: string;
  group: SettingGroup;
  label: string;
  help: string;
  /** The allowed values in words, e.g. "3 to 25". */
  range: string;
  /** A choice list for the form; otherwise a text input. */
  choices?: readonly { value: string; label: string }[];
  /** Where the value is stored, as a path: the "no dead settings" test walks the stored schema against these. */
  stored: string;
  /** The current value as the person types it (blank when unset). */
  show(ctx: SettingsContext): string;
  /** The value typed (CLI argument or form input) → the changed documents, or a message for beside the field. */
  set(ctx: SettingsContext, text: string): SettingWrite;
  /** Something the lead should know about the current value (e.g. a small minimum group size). */
  warning?(ctx: SettingsContext): string | undefined;
}

const CLEAR_WORDS = new Set(['', 'none', '-', 'nobody', 'no one', 'clear']);

type Settings = Tenant['settings'];
type CpdSettings = CpdRequestSettings;

const withSettings = (ctx: SettingsContext, change: (s: Settings) => Settings): SettingWrite => ({ ok: true, tenant: { ...ctx.tenant, settings: change(ctx.tenant.settings) }, calendar: ctx.calendar });
const withRequests = (ctx: SettingsContext, change: (s: CpdSettings) => CpdSettings): SettingWrite => withSettings(ctx, (s) => ({ ...s, cpdRequests: change(s.cpdRequests) }));
const fail = (message: string): SettingWrite => ({ ok: false, message });

/** The stored schema's own check of one field: the message says the range in words. */
function checked<T>(schema: z.ZodType<T>, value: unknown, range: string): { ok: true; value: T } | { ok: false; message: string } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `Give ${range}.` };
}

const settingsField = <K extends keyof Settings>(key: K) => (TenantSettings.shape[key] as unknown as z.ZodDefault<z.ZodType<Settings[K]>>).unwrap();
const requestsField = <K extends keyof CpdSettings>(key: K) => (CpdRequestSettings.shape[key] as unknown as z.ZodType<CpdSettings[K]>);

/** A whole number kept in `settings.<field>`, checked against the stored schema's range. */
/** Digits only ("0x5", "1e1" and "5.0" are not numbers here, as in every form); the range is the stored schema's. */
function wholeNumberOf(text: string): number {
  const read = parseCount(text, { min: 0, max: Number.MAX_SAFE_INTEGER });
  return read.ok ? read.value : Number.NaN;
}

function wholeNumber(field: 'minAggregateCount' | 'reminderMinutesBefore' | 'questionnaireReminderAfterHours' | 'questionnaireClosesAfterDays' | 'statutoryReminderWeeks' | 'retentionDays' | 'impactFollowUpWeeks' | 'yearAheadPromptWeeks', range: string): Pick<SettingDefinition, 'show' | 'set' | 'range' | 'stored'> {
  return {
    range,
    stored: `tenant.settings.${field}`,
    show: (ctx) => String(ctx.tenant.settings[field]),
    set: (ctx, text) => {
      const n = wholeNumberOf(text);
      const value = checked(settingsField(field), n, `a whole number from ${range}`);
      return value.ok ? withSettings(ctx, (s) => ({ ...s, [field]: value.value })) : fail(value.message);
    },
  };
}

/** An amount in pounds as a lead types it back ("199.99", "45"): no £, no thousands separator, no ".00". */
function poundsAsTyped(pence: number | undefined): string {
  return pence === undefined ? '' : formatPence(pence).replace(/^£/, '').replace(/,/g, '').replace(/\.00$/, '');
}

/** A cost in `settings.<field>` (pence), checked against the stored schema's range; blank or "none" clears it (not costed). */
function poundsRate(field: 'facilitatorHourlyPence' | 'supplyCoverHalfDayPence', example: number): Pick<SettingDefinition, 'show' | 'set' | 'range' | 'stored'> {
  const range = `an amount in pounds from 0 to 1000, e.g. ${example} (blank for not costed)`;
  return {
    range,
    stored: `tenant.settings.${field}`,
    show: (ctx) => poundsAsTyped(ctx.tenant.settings[field]),
    set: (ctx, text) => {
      const trimmed = text.trim().replace(/^£/, '');
      if (CLEAR_WORDS.has(trimmed.toLowerCase())) return withSettings(ctx, ({ [field]: _old, ...s }) => s);
      const value = checked(settingsField(field), parsePounds(trimmed), range);
      return value.ok ? withSettings(ctx, (s) => ({ ...s, [field]: value.value })) : fail(value.message);
    },
  };
}

function localTime(field: 'reminderDayBeforeAt' | 'digestAt'): Pick<SettingDefinition, 'show' | 'set' | 'range' | 'stored'> {
  return {
    range: 'a time, HH:MM (24-hour)',
    stored: `tenant.settings.${field}`,
    show: (ctx) => ctx.tenant.settings[field],
    set: (ctx, text) => {
      const value = checked(LocalTime, normaliseTime(text), 'a time as HH:MM, e.g. 07:30');
      return value.ok ? withSettings(ctx, (s) => ({ ...s, [field]: value.value })) : fail(value.message);
    },
  };
}

/** "7:30" → "07:30", so a lead need not type the leading zero. */
function normaliseTime(text: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "1 October", "1 Oct", "01/10" (day first, as in the UK) or "10-01" → "10-01"; anything else → undefined. */
export function monthDayOf(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/, '$1');
  const pad = (n: number) => String(n).padStart(2, '0');
  const named = /^(\d{1,2})\s+([a-z]{3,9})$/.exec(t);
  if (named) {
    const month = MONTHS.findIndex((m) => m.toLowerCase().startsWith(named[2]!));
    return month >= 0 ? `${pad(month + 1)}-${pad(Number(named[1]))}` : undefined;
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (slashed) return `${pad(Number(slashed[2]))}-${pad(Number(slashed[1]))}`;
  return /^\d{2}-\d{2}$/.test(t) ? t : undefined;
}

function monthDayShown(md: string): string {
  return `${Number(md.slice(3))} ${MONTHS[Number(md.slice(0, 2)) - 1]}`;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A day of the week kept in `settings.<field>` (1 Monday … 7 Sunday): a name, its first three letters, or its number. */
function weekday(field: 'digestWeekday' | 'inductionDigestWeekday'): Pick<SettingDefinition, 'show' | 'set' | 'range' | 'stored' | 'choices'> {
  return {
    range: 'a day of the week',
    choices: WEEKDAYS.map((d) => ({ value: d.toLowerCase(), label: d })),
    stored: `tenant.settings.${field}`,
    show: (ctx) => WEEKDAYS[ctx.tenant.settings[field] - 1]!.toLowerCase(),
    set: (ctx, text) => {
      const word = text.trim().toLowerCase();
      const index = WEEKDAYS.findIndex((d) => word.length >= 3 && d.toLowerCase().startsWith(word));
      const value = checked(settingsField(field), index >= 0 ? index + 1 : Number(word), 'a day of the week, e.g. Monday');
      return value.ok ? withSettings(ctx, (s) => ({ ...s, [field]: value.value })) : fail(value.message);
    },
  };
}

/**
 * A list of people by e-mail or full name, separated by commas, semicolons or lines ("none" for
 * nobody), each found on the staff list and passed by `refuse` (a message when not); named twice, once.
 */
function namedPeople(ctx: SettingsContext, text: string, refuse?: (person: SettingsPerson) => string | undefined): { ok: true; people: SettingsPerson[] } | { ok: false; message: string } {
  const people: SettingsPerson[] = [];
  const parts = CLEAR_WORDS.has(text.trim().toLowerCase()) ? [] : text.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean);
  for (const part of parts) {
    const found = findPerson(ctx.people, part);
    if (!found.ok) return found;
    const refused = refuse?.(found.person);
    if (refused) return { ok: false, message: refused };
    if (!people.includes(found.person)) people.push(found.person);
  }
  return { ok: true, people };
}

/** Who a new list adds to the current one, and who it drops. */
function listChanges(named: readonly SettingsPerson[], current: readonly SettingsPerson[]): { added: SettingsPerson[]; dropped: SettingsPerson[] } {
  return { added: named.filter((p) => !current.includes(p)), dropped: current.filter((p) => !named.includes(p)) };
}

/** Finds the one active person a value names: an e-mail, or a name that fits exactly one. */
export function findPerson(people: readonly SettingsPerson[], text: string): { ok: true; person: SettingsPerson } | { ok: false; message: string } {
  const wanted = text.trim().toLowerCase();
  const active = people.filter((p) => p.active);
  const byEmail = active.find((p) => p.email.toLowerCase() === wanted);
  if (byEmail) return { ok: true, person: byEmail };
  const byName = active.filter((p) => p.name.toLowerCase() === wanted);
  if (byName.length === 1) return { ok: true, person: byName[0]! };
  if (byName.length > 1) return { ok: false, message: `"${text.trim()}" fits ${byName.length} people (${byName.map((p) => p.email).join(', ')}): give their e-mail.` };
  return { ok: false, message: `Nobody on the staff list is "${text.trim()}": give the e-mail or full name of someone imported with the staff list.` };
}

function personShown(ctx: SettingsContext, id: string | undefined): string {
  if (!id) return '';
  return ctx.people.find((p) => p.id === id)?.email ?? id;
}

/** A setting naming one person (blank or "none" clears it, where clearing is allowed). */
function person(stored: string, read: (ctx: SettingsContext) => string | undefined, write: (ctx: SettingsContext, id: string | undefined) => SettingWrite): Pick<SettingDefinition, 'show' | 'set' | 'range' | 'stored'> {
  return {
    range: "a person's e-mail or full name (none to clear)",
    stored,
    show: (ctx) => personShown(ctx, read(ctx)),
    set: (ctx, text) => {
      if (CLEAR_WORDS.has(text.trim().toLowerCase())) return write(ctx, undefined);
      const found = findPerson(ctx.people, text);
      return found.ok ? write(ctx, found.person.id) : fail(found.message);
    },
  };
}

/** The schools a headteacher can be named for: the trust's, or a stand-alone school itself. */
export function schoolsOf(tenant: Tenant): School[] {
  if (tenant.schools.length > 0) return tenant.schools;
  return tenant.kind === 'school' ? [{ id: tenant.id, name: tenant.name }] : [];
}

/** A school's id from its name: readable in CLI keys (headteacher.riverside-academy), unique in the tenant. */
export function schoolIdFor(name: string, taken: readonly string[]): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'school';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds schools by name, matching the ones the tenant has case-insensitively (never a second "Riverside Academy"). */
export function withSchools(tenant: Tenant, names: readonly string[]): { tenant: Tenant; added: School[] } {
  const schools = [...tenant.schools];
  const added: School[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (!name || schools.some((s) => s.name.toLowerCase() === name.toLowerCase())) continue;
    const school = { id: schoolIdFor(name, [...schools.map((s) => s.id), tenant.id]), name };
    schools.push(school);
    added.push(school);
  }
  return { tenant: added.length ? { ...tenant, schools } : tenant, added };
}

const schoolsSetting: SettingDefinition = {
  key: 'schools',
  group: 'schools',
  label: 'Schools',
  help: 'The schools of the trust, one per line or separated by ";". A staff list with a School or Site column adds them too. A school people still belong to cannot be removed.',
  range: 'school names, separated by ";" (at most 200 characters each)',
  stored: 'tenant.schools',
  show: (ctx) => ctx.tenant.schools.map((s) => s.name).join('; '),
  set: (ctx, text) => {
    const names = text.split(/[;\n]/).map((n) => n.trim()).filter(Boolean);
    const long = names.find((n) => n.length > 200);
    if (long) return fail(`"${long.slice(0, 40)}…" is longer than 200 characters.`);
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const removed = ctx.tenant.schools.filter((s) => !wanted.has(s.name.toLowerCase()));
    for (const school of removed) {
      const members = ctx.people.filter((p) => p.active && p.schoolId === school.id).length;
      if (members > 0) return fail(`${school.name} still has ${members} ${members === 1 ? 'person' : 'people'} on the staff list: move them first (a staff list with a School column), then remove it.`);
    }
    const kept = { ...ctx.tenant, schools: ctx.tenant.schools.filter((s) => !removed.includes(s)) };
    const headteachers = Object.fromEntries(Object.entries(kept.settings.cpdRequests.headteacherBySchool).filter(([id]) => !removed.some((s) => s.id === id)));
    const next = withSchools({ ...kept, settings: { ...kept.settings, cpdRequests: { ...kept.settings.cpdRequests, headteacherBySchool: headteachers } } }, names).tenant;
    return { ok: true, tenant: next, calendar: ctx.calendar };
  },
};

function headteacherSetting(school: School): SettingDefinition {
  return {
    key: `headteacher.${school.id}`,
    group: 'schools',
    label: `Headteacher of ${school.name}`,
    help: `Approves CPD requests from ${school.name} after the line manager. A staff list whose job title says Headteacher, Head of School or Principal sets this.`,
    ...person(
      `tenant.settings.cpdRequests.headteacherBySchool.${school.id}`,
      (ctx) => ctx.tenant.settings.cpdRequests.headteacherBySchool[school.id],
      (ctx, id) =>
        withRequests(ctx, (r) => {
          const heads = { ...r.headteacherBySchool };
          if (id) heads[school.id] = id;
          else delete heads[school.id];
          return { ...r, headteacherBySchool: heads };
        }),
    ),
  };
}

/** A school's own CPD lead (issue 26): its requests, overdue notices, statutory list and renewals, mentoring gaps and at-risk reviews, without the trust-wide role. */
function schoolCpdLeadSetting(school: School): SettingDefinition {
  return {
    key: `school-cpd-lead.${school.id}`,
    group: 'schools',
    label: `${school.name}'s own CPD lead`,
    help: `Gets ${school.name}'s CPD requests that need a lead, its overdue notices, its statutory-training list, its staff's statutory renewal reminders, and its early-career teachers' mentoring gaps and at-risk reviews, and sees only this school. A trust-wide CPD lead still sees every school.`,
    ...person(
      `tenant.settings.cpdRequests.cpdLeadBySchool.${school.id}`,
      (ctx) => ctx.tenant.settings.cpdRequests.cpdLeadBySchool[school.id],
      (ctx, id) =>
        withRequests(ctx, (r) => {
          const leads = { ...r.cpdLeadBySchool };
          if (id) leads[school.id] = id;
          else delete leads[school.id];
          return { ...r, cpdLeadBySchool: leads };
        }),
    ),
  };
}

/** A school's CPD leads: its staff with the CPD lead role (a stand-alone school's people need no school). */
function leadsOf(ctx: SettingsContext, school: School): SettingsPerson[] {
  return ctx.people.filter((p) => p.active && p.cpdLead && atSchool(ctx, p, school)).sort((a, b) => a.email.localeCompare(b.email));
}

const atSchool = (ctx: SettingsContext, p: SettingsPerson, school: School) => p.schoolId === school.id || (!p.schoolId && school.id === ctx.tenant.id);

function cpdLeadSetting(school: School): SettingDefinition {
  return {
    key: `cpd-lead.${school.id}`,
    group: 'schools',
    label: `CPD lead of ${school.name}`,
    help: `Who runs CPD at ${school.name}: they may use every lead command. A staff list whose role or job title says CPD Lead or Professional Development Lead sets this.`,
    range: "one or more of the school's staff, by e-mail or full name, separated by commas (none to remove them)",
    stored: 'staff.roles.cpd-lead',
    show: (ctx) => leadsOf(ctx, school).map((p) => p.email).join(', '),
    set: (ctx, text) => {
      const named = namedPeople(ctx, text, (person) => (atSchool(ctx, person, school) ? undefined : `${person.name} is not at ${school.name} on the staff list: a school's CPD lead is one of its staff.`));
      if (!named.ok) return fail(named.message);
      const { added, dropped } = listChanges(named.people, leadsOf(ctx, school));
      const changes: LeadRoleChange[] = [...added.map((p) => ({ staffId: p.id, cpdLead: true })), ...dropped.map((p) => ({ staffId: p.id, cpdLead: false }))];
      const people = ctx.people.map((p) => {
        const change = changes.find((c) => c.staffId === p.id);
        return change ? { ...p, cpdLead: change.cpdLead } : p;
      });
      // Fail closed: a tenant with no CPD lead has nobody who can change this back.
      if (!people.some((p) => p.active && p.cpdLead)) return fail('Twilight needs at least one CPD lead: name someone before removing the last.');
      return { ok: true, tenant: ctx.tenant, calendar: ctx.calendar, leadRoles: changes };
    },
  };
}

/** The statutory topics required, as one list the lead edits (issue 26 item 2). */
const statutoryTopicsSetting: SettingDefinition = {
  key: 'statutory-topics',
  group: 'statutory',
  label: 'Statutory topics',
  help: 'Each topic, who needs it (everyone, or a staff group such as DSL or First aiders) and how often it is renewed, separated by ";". Naming a group adds its own setting for who is in it. Blank: no statutory topics are required.',
  range: 'entries like "Safeguarding: everyone, 12 months; First aid: First aiders, 36 months" (at most 30)',
  stored: 'tenant.settings.statutoryTopics',
  show: (ctx) => formatStatutoryRequirements(ctx.tenant.settings.statutoryTopics),
  set: (ctx, text) => {
    const parsed = parseStatutoryRequirements(CLEAR_WORDS.has(text.trim().toLowerCase()) ? '' : text);
    return parsed.ok ? withSettings(ctx, (s) => ({ ...s, statutoryTopics: parsed.requirements })) : fail(parsed.message);
  },
};

const membersOf = (ctx: SettingsContext, group: string) => ctx.people.filter((p) => p.active && (p.statutoryGroups ?? []).includes(group)).sort((a, b) => a.email.localeCompare(b.email));

/** Who is in a staff group a statutory topic is required of (the DSLs, the first aiders): kept on their staff records. */
function statutoryGroupSetting(group: { key: string; name: string }, topics: string): SettingDefinition {
  return {
    key: `statutory-group.${group.key}`,
    group: 'statutory',
    label: `Who is in ${group.name}`,
    help: `The people who need ${topics}: by e-mail or full name, separated by commas.`,
    range: 'staff by e-mail or full name, separated by commas (none for nobody)',
    stored: `staff.statutoryGroups.${group.key}`,
    show: (ctx) => membersOf(ctx, group.key).map((p) => p.email).join(', '),
    set: (ctx, text) => {
      const named = namedPeople(ctx, text);
      if (!named.ok) return fail(named.message);
      const { added, dropped } = listChanges(named.people, membersOf(ctx, group.key));
      const groupChanges: StatutoryGroupChange[] = [
        ...added.map((p) => ({ staffId: p.id, group: group.key, member: true })),
        ...dropped.map((p) => ({ staffId: p.id, group: group.key, member: false })),
      ];
      return { ok: true, tenant: ctx.tenant, calendar: ctx.calendar, groupChanges };
    },
  };
}

/** One setting per group the statutory topics name. */
function statutoryGroupSettings(tenant: Tenant): SettingDefinition[] {
  const topics = tenant.settings.statutoryTopics;
  return statutoryGroupsOf(topics).map((g) => statutoryGroupSetting(g, topics.filter((t) => t.group !== undefined && statutoryKey(t.group) === g.key).map((t) => t.topic).join(', ') || g.name));
}

const CHAIN_WORDS: Record<string, ApproverRole> = {
  linemanager: 'line-manager',
  manager: 'line-manager',
  headteacher: 'headteacher',
  head: 'headteacher',
  executivelead: 'executive-lead',
  executiveheadteacher: 'executive-lead',
  ceo: 'executive-lead',
};

const chainSetting: SettingDefinition = {
  key: 'approval-chain',
  group: 'approval',
  label: 'Who approves, in order',
  help: 'The steps a CPD request passes, separated by commas: line manager, headteacher, executive lead.',
  range: 'one or more of: line manager, headteacher, executive lead (each once)',
  stored: 'tenant.settings.cpdRequests.chain',
  show: (ctx) => ctx.tenant.settings.cpdRequests.chain.map((r) => APPROVER_ROLE_LABELS[r].toLowerCase()).join(', '),
  set: (ctx, text) => {
    const steps: ApproverRole[] = [];
    for (const part of text.split(/[,;>\n]|\bthen\b/).map((p) => p.trim()).filter(Boolean)) {
      const role = CHAIN_WORDS[part.toLowerCase().replace(/[^a-z]/g, '')];
      if (!role) return fail(`"${part}" is not a step: use line manager, headteacher or executive lead.`);
      if (steps.includes(role)) return fail(`${APPROVER_ROLE_LABELS[role]} is named twice.`);
      steps.push(role);
    }
    const value = checked(requestsField('chain'), steps, 'at least one step');
    return value.ok ? withRequests(ctx, (r) => ({ ...r, chain: value.value })) : fail('Give at least one step: line manager, headteacher or executive lead.');
  },
};

function skipUnderSetting(role: ApproverRole): SettingDefinition {
  const label = APPROVER_ROLE_LABELS[role].toLowerCase();
  return {
    key: `skip-under.${role}`,
    group: 'approval',
    label: `Skip the ${label} under (£)`,
    help: `A request costing less than this (fee and travel) does not go to the ${label}. Blank: every request does.`,
    range: 'an amount in pounds, e.g. 200 (blank for never skipped)',
    stored: `tenant.settings.cpdRequests.skipUnderPence.${role}`,
    show: (ctx) => poundsAsTyped(ctx.tenant.settings.cpdRequests.skipUnderPence[role]),
    set: (ctx, text) => {
      const trimmed = text.trim().replace(/^£/, '');
      if (CLEAR_WORDS.has(trimmed.toLowerCase())) {
        return withRequests(ctx, (r) => {
          const { [role]: _dropped, ...rest } = r.skipUnderPence;
          return { ...r, skipUnderPence: rest };
        });
      }
      const pence = parsePounds(trimmed);
      if (pence === undefined || pence < 0) return fail('Give an amount in pounds, e.g. 200 or 199.99 (blank for never skipped).');
      return withRequests(ctx, (r) => ({ ...r, skipUnderPence: { ...r.skipUnderPence, [role]: pence } }));
    },
  };
}

/** Facilitator time's hourly cost (issue 26 item 7): blank leaves facilitator time uncosted, and the providers report says so. */
const facilitatorRateSetting: SettingDefinition = {
  key: 'facilitator-hourly-rate',
  group: 'evaluation',
  label: "A facilitator's hour costs (£)",
  help: "An in-house session's cost in the providers report: each facilitator's hours at this rate, plus the session's own cost. Blank: facilitator time is not costed.",
  ...poundsRate('facilitatorHourlyPence', 45),
};

/** A half-day of supply cover's cost: one trust-wide rate, shown beside cover half-days and not taken from the CPD budget (blank: not costed, and the budget view says so). */
const supplyCoverRateSetting: SettingDefinition = {
  key: 'supply-cover-half-day',
  group: 'evaluation',
  label: 'A half-day of supply cover costs (£)',
  help: "One rate for every school: a request's cover half-days are shown in pounds beside them (the request card, the budget, the governors' report, the requests export). Shown, not taken from the CPD budget. Blank: cover is not costed.",
  ...poundsRate('supplyCoverHalfDayPence', 110),
};

const STATIC_SETTINGS: readonly SettingDefinition[] = [
  schoolsSetting,
  chainSetting,
  ...ApproverRole.options.map(skipUnderSetting),
  {
    key: 'executive-lead',
    group: 'approval',
    label: 'Executive lead',
    help: 'The trust leader (CEO, executive headteacher) who approves when the chain has an executive lead step. A staff list whose job title says Executive Headteacher or CEO sets this.',
    ...person(
      'tenant.settings.cpdRequests.executiveLeadId',
      (ctx) => ctx.tenant.settings.cpdRequests.executiveLeadId,
      (ctx, id) => withRequests(ctx, ({ executiveLeadId: _old, ...r }) => ({ ...r, ...(id ? { executiveLeadId: id } : {}) })),
    ),
  },
  {
    key: 'booker',
    group: 'approval',
    label: 'Who books approved courses',
    help: 'Blank: the CPD lead. A staff list whose job title says School Business Manager sets this.',
    ...person(
      'tenant.settings.cpdRequests.bookerId',
      (ctx) => ctx.tenant.settings.cpdRequests.bookerId,
      (ctx, id) => withRequests(ctx, ({ bookerId: _old, ...r }) => ({ ...r, ...(id ? { bookerId: id } : {}) })),
    ),
  },
  {
    key: 'approval-nudge-days',
    group: 'approval',
    label: 'Nudge an approver after (school days)',
    help: 'An approver who has not answered in this many school days is reminded once, then the CPD lead is told.',
    range: '1 to 20',
    stored: 'tenant.settings.cpdRequests.nudgeAfterSchoolDays',
    show: (ctx) => String(ctx.tenant.settings.cpdRequests.nudgeAfterSchoolDays),
    set: (ctx, text) => {
      const value = checked(requestsField('nudgeAfterSchoolDays'), wholeNumberOf(text), 'a whole number from 1 to 20');
      return value.ok ? withRequests(ctx, (r) => ({ ...r, nudgeAfterSchoolDays: value.value })) : fail(value.message);
    },
  },
  {
    key: 'quiet-hours',
    group: 'messages',
    label: 'Quiet hours',
    help: 'No message is sent between these times (school time), except a reminder for a session starting then.',
    range: 'two times, e.g. 18:00-07:30',
    stored: 'calendar.quietHours',
    show: (ctx) => `${ctx.calendar.quietHours.start}-${ctx.calendar.quietHours.end}`,
    set: (ctx, text) => {
      const m = /^\s*(\d{1,2}[:.]\d{2})\s*(?:-|–|to)\s*(\d{1,2}[:.]\d{2})\s*$/.exec(text);
      const start = LocalTime.safeParse(normaliseTime(m?.[1] ?? ''));
      const end = LocalTime.safeParse(normaliseTime(m?.[2] ?? ''));
      if (!start.success || !end.success) return fail('Give two times as HH:MM-HH:MM, e.g. 18:00-07:30.');
      return { ok: true, tenant: ctx.tenant, calendar: { ...ctx.calendar, quietHours: { start: start.data, end: end.data } } };
    },
  },
  {
    key: 'quiet-weekends',
    group: 'messages',
    label: 'Quiet at weekends',
    help: 'Whether Saturdays and Sundays are quiet.',
    range: 'yes or no',
    choices: [
      { value: 'yes', label: 'Yes' },
      { value: 'no', label: 'No' },
    ],
    stored: 'calendar.quietWeekends',
    show: (ctx) => (ctx.calendar.quietWeekends ? 'yes' : 'no'),
    set: (ctx, text) => {
      const word = text.trim().toLowerCase();
      if (!['yes', 'no', 'true', 'false', 'y', 'n'].includes(word)) return fail('Give yes or no.');
      return { ok: true, tenant: ctx.tenant, calendar: { ...ctx.calendar, quietWeekends: word.startsWith('y') || word === 'true' } };
    },
  },
  {
    key: 'time-zone',
    group: 'messages',
    label: 'Time zone',
    help: 'The school time every date and time is in.',
    range: 'an IANA time zone, e.g. Europe/London',
    stored: 'tenant.settings.timezone',
    show: (ctx) => ctx.tenant.settings.timezone,
    set: (ctx, text) => (IANAZone.isValidZone(text.trim()) ? withSettings(ctx, (s) => ({ ...s, timezone: text.trim() })) : fail(`"${text.trim()}" is not a time zone: give one like Europe/London.`)),
  },
  { key: 'reminder-day-before-at', group: 'messages', label: 'Day-before reminder at', help: 'The time on the day before a session that those booked on are reminded.', ...localTime('reminderDayBeforeAt') },
  { key: 'reminder-minutes-before', group: 'messages', label: 'Last reminder (minutes before)', help: 'How long before a session starts the last reminder is sent.', ...wholeNumber('reminderMinutesBefore', '0 to 1440') },
  {
    key: 'questionnaire-reminder-hours',
    group: 'messages',
    label: 'Remind about the questionnaire after (hours)',
    help: 'Hours after a session that those who have not answered its questionnaire are reminded once.',
    ...wholeNumber('questionnaireReminderAfterHours', '1 to 336'),
  },
  { key: 'questionnaire-closes-days', group: 'messages', label: 'Questionnaire closes after (days)', help: 'Days after a session that its questionnaire closes.', ...wholeNumber('questionnaireClosesAfterDays', '1 to 60') },
  {
    key: 'gap-task-nudge-days',
    group: 'messages',
    label: 'Gap-task nudges (days before due)',
    help: 'The days before a gap task is due that an unfinished one is nudged, separated by commas.',
    range: 'whole numbers from 0 to 60, separated by commas (blank for no nudges)',
    stored: 'tenant.settings.gapTaskNudgeDaysBefore',
    show: (ctx) => ctx.tenant.settings.gapTaskNudgeDaysBefore.join(', '),
    set: (ctx, text) => {
      const parts = text.split(/[,;\s]+/).filter(Boolean).map(Number);
      const value = checked(settingsField('gapTaskNudgeDaysBefore'), parts, 'whole numbers from 0 to 60, separated by commas');
      if (!value.ok) return fail(value.message);
      return withSettings(ctx, (s) => ({ ...s, gapTaskNudgeDaysBefore: [...new Set(value.value)].sort((a, b) => b - a) }));
    },
  },
  {
    key: 'digest-day',
    group: 'messages',
    label: 'Digest day',
    help: "The day of the week line managers get their team's digest and the CPD lead the programme digest.",
    ...weekday('digestWeekday'),
  },
  { key: 'digest-time', group: 'messages', label: 'Digest time', help: 'The time the digests are sent on that day.', ...localTime('digestAt') },
  {
    key: 'induction-digest-day',
    group: 'messages',
    label: "Induction tutors' digest day",
    help: 'The day, every other week, induction tutors get the digest of their early-career teachers (meetings held and overdue, reviews, who has no mentor), at the digest time.',
    ...weekday('inductionDigestWeekday'),
  },
  {
    key: 'follow-up-weeks',
    group: 'messages',
    label: 'Impact follow-up after (school weeks)',
    help: 'For a session marked for an impact follow-up without its own number of weeks ("yes" on the session form): how many school weeks after it people are asked.',
    ...wholeNumber('impactFollowUpWeeks', '1 to 26'),
  },
  {
    key: 'statutory-warning-weeks',
    group: 'messages',
    label: 'Statutory training warning (weeks)',
    help: 'Weeks before statutory training runs out that the person and the CPD lead are told.',
    ...wholeNumber('statutoryReminderWeeks', '1 to 26'),
  },
  statutoryTopicsSetting,
  {
    key: 'year-ahead-review-window',
    group: 'messages',
    label: 'Autumn review window opens on',
    help: 'The day each year the performance reviews start. Before it, everyone is asked for their year-ahead review (seed 001, appendix 3). "off": nobody is asked.',
    range: 'a day and month, e.g. 1 October (or off)',
    stored: 'tenant.settings.yearAheadReviewOn',
    show: (ctx) => (ctx.tenant.settings.yearAheadReviewOn === 'off' ? 'off' : monthDayShown(ctx.tenant.settings.yearAheadReviewOn)),
    set: (ctx, text) => {
      const word = text.trim().toLowerCase();
      const value = checked(settingsField('yearAheadReviewOn'), ['off', 'none', 'no'].includes(word) ? 'off' : (monthDayOf(text) ?? text), 'a day and month, e.g. 1 October (or off)');
      return value.ok ? withSettings(ctx, (s) => ({ ...s, yearAheadReviewOn: value.value })) : fail(value.message);
    },
  },
  {
    key: 'year-ahead-prompt-weeks',
    group: 'messages',
    label: 'Ask for the year-ahead review (weeks before the window)',
    help: 'How many weeks before the autumn review window everyone is asked for their year-ahead review.',
    ...wholeNumber('yearAheadPromptWeeks', '1 to 8'),
  },
  {
    key: 'min-group-size',
    group: 'privacy',
    label: 'Minimum group size',
    help: 'Managers see no average, count or theme of fewer answers than this. The default, 5, is what the policies ask.',
    ...wholeNumber('minAggregateCount', '3 to 25'),
    warning: (ctx) =>
      ctx.tenant.settings.minAggregateCount < 5
        ? `Below 5, a manager may be able to tell who gave an answer in a small team: ${ctx.tenant.settings.minAggregateCount} is allowed, but 5 is what the policies ask.`
        : undefined,
  },
  {
    key: 'retention-days',
    group: 'privacy',
    label: 'Keep answers and records for (days)',
    help: 'After this many days answers and records are deleted (about six years by default, as schools keep training records).',
    ...wholeNumber('retentionDays', '30 to 3650'),
  },
  facilitatorRateSetting,
  supplyCoverRateSetting,
];

/** Every setting of this tenant: the fixed ones and one headteacher per school. */
export function settingDefinitions(tenant: Tenant): SettingDefinition[] {
  const [schools, ...rest] = STATIC_SETTINGS;
  const topics = rest.indexOf(statutoryTopicsSetting) + 1;
  return [schools!, ...schoolsOf(tenant).flatMap((school) => [headteacherSetting(school), cpdLeadSetting(school), schoolCpdLeadSetting(school)]), ...rest.slice(0, topics), ...statutoryGroupSettings(tenant), ...rest.slice(topics)];
}

export function findSettingDefinition(tenant: Tenant, key: string): SettingDefinition | undefined {
  const wanted = key.trim().toLowerCase();
  return settingDefinitions(tenant).find((d) => d.key.toLowerCase() === wanted);
}
