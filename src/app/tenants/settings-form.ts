import { SETTING_GROUPS, type SettingGroup, type SettingsContext, type Tenant } from '../../domain';
import type { CardView, SettingsFormView, SettingsHistoryView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { changeSettings, loadSettingsContext, settingsHistoryOf } from './change-settings';
import { settingRows, type SettingRow } from './settings-text';

/**
 * Fields per section: a Slack modal holds 100 blocks and a Teams card about 28 KB, so a trust's
 * long list of schools is cut into pages (each field is one input block, with its help inside).
 */
export const SETTINGS_FIELDS_PER_SECTION = 30;

interface Section {
  section: string;
  group: SettingGroup;
  title: string;
  help: string;
  rows: SettingRow[];
}

/** Every section of the settings: each group, cut into pages where it is long. */
export function settingsSections(context: SettingsContext): Section[] {
  const rows = settingRows(context);
  return SETTING_GROUPS.flatMap((group) => {
    const inGroup = rows.filter((r) => r.group === group.id);
    const pages = Math.max(1, Math.ceil(inGroup.length / SETTINGS_FIELDS_PER_SECTION));
    return Array.from({ length: pages }, (_, i) => ({
      section: i === 0 ? group.id : `${group.id}:${i + 1}`,
      group: group.id,
      title: pages > 1 ? `${group.title} (${i + 1} of ${pages})` : group.title,
      help: group.help,
      rows: inGroup.slice(i * SETTINGS_FIELDS_PER_SECTION, (i + 1) * SETTINGS_FIELDS_PER_SECTION),
    }));
  });
}

function formView(context: SettingsContext, wanted: string, extra: Partial<SettingsFormView> = {}): SettingsFormView {
  const sections = settingsSections(context);
  const section = sections.find((s) => s.section === wanted) ?? sections[0]!;
  return {
    kind: 'settings-form',
    section: section.section,
    title: section.title,
    help: section.help,
    fields: section.rows.map((r) => ({ key: r.key, label: r.label, help: r.help, range: r.range, value: r.value, ...(r.choices ? { choices: r.choices } : {}), ...(r.warning ? { warning: r.warning } : {}) })),
    sections: sections.map((s) => ({ section: s.section, title: s.title })),
    ...extra,
  };
}

/** The words a lead may type after `settings` for a section ("settings approval", "settings privacy"). */
const SECTION_WORDS: Record<string, SettingGroup> = {
  schools: 'schools',
  school: 'schools',
  headteachers: 'schools',
  approval: 'approval',
  approvals: 'approval',
  requests: 'approval',
  chain: 'approval',
  messages: 'messages',
  reminders: 'messages',
  'quiet hours': 'messages',
  statutory: 'statutory',
  'statutory training': 'statutory',
  training: 'statutory',
  privacy: 'privacy',
  retention: 'privacy',
  evaluation: 'evaluation',
  'value for money': 'evaluation',
  costs: 'evaluation',
};

/** `settings [section]` and `settings history` (lead-only: the command table checks the role). */
export async function settingsCommand(deps: AppDeps, actor: Actor, argument: string): Promise<CardView> {
  const word = argument.trim().toLowerCase();
  if (word === 'history' || word === 'changes') return settingsHistoryView((await deps.store.tenants.get(actor.tenant.id, actor.tenant.id))?.value ?? actor.tenant);
  const context = await loadSettingsContext(deps, actor.tenant.id);
  if (!context) return notice('attention', 'This school has no settings yet: ask IT to import the staff list.');
  const page = /^(.*?)\s*(\d{1,3})$/.exec(word);
  const group = SECTION_WORDS[page ? page[1]! : word];
  if (word !== '' && !group) return notice('attention', `There is no settings section "${argument.trim()}": say "settings", "settings approval", "settings messages", "settings privacy", "settings evaluation" or "settings history".`);
  return formView(context, group ? (page ? `${group}:${page[2]}` : group) : 'schools');
}

export async function openSettingsSection(deps: AppDeps, actor: Actor, section: string | undefined): Promise<{ ok: boolean; view: CardView }> {
  const context = await loadSettingsContext(deps, actor.tenant.id);
  if (!context) return { ok: false, view: notice('attention', 'This school has no settings yet: ask IT to import the staff list.') };
  return { ok: true, view: formView(context, section ?? 'schools') };
}

const inputText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : Array.isArray(value) ? value.join(', ') : '');

/**
 * A section saved: only its own fields are read (an empty input clears a setting that may be
 * blank), checked all at once with every refusal beside its field, and saved all or nothing.
 */
export async function saveSettingsSection(deps: AppDeps, actor: Actor, section: string | undefined, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const context = await loadSettingsContext(deps, actor.tenant.id);
  if (!context) return { ok: false, view: notice('attention', 'This school has no settings yet: ask IT to import the staff list.') };
  const shown = formView(context, section ?? 'schools');
  const values = Object.fromEntries(shown.fields.map((f) => [f.key, inputText(inputs[f.key]).slice(0, 2000)]));
  const result = await changeSettings(deps, actor.tenant.id, { by: actor.staff.id, byName: actor.staff.name }, values);
  if (!result.ok) {
    return { ok: false, view: { ...shown, values, errors: result.errors, notice: { tone: 'attention', text: Object.keys(result.errors).length > 0 ? 'Nothing was saved: please check the settings marked below.' : result.message } } };
  }
  if (result.changes.length === 0) return { ok: true, view: notice('info', 'Nothing changed: every setting already had that value.', shown.title) };
  const saved = formView(result.context, shown.section);
  const warnings = saved.fields.filter((f) => f.warning && result.changes.some((c) => c.key === f.key)).map((f) => f.warning);
  const lines = result.changes.map((c) => `${saved.fields.find((f) => f.key === c.key)?.label ?? c.key}: ${c.before || 'not set'} → ${c.after || 'not set'}`);
  return {
    ok: true,
    view: notice(warnings.length > 0 ? 'warning' : 'good', [`Saved. ${lines.join('; ')}.`, ...warnings, 'Messages already planned are planned again with the new settings.'].join(' '), shown.title),
  };
}

function settingsHistoryView(tenant: Tenant): SettingsHistoryView {
  return {
    kind: 'settings-history',
    rows: settingsHistoryOf(tenant)
      .slice(0, 30)
      .map((c) => ({ when: `${c.at.slice(0, 16).replace('T', ' ')} UTC`, who: c.byName ?? c.by, label: c.key, before: c.before || 'not set', after: c.after || 'not set' })),
    emptyText: 'No setting has been changed yet.',
  };
}
