import { SETTING_GROUPS, settingDefinitions, type SettingChange, type SettingsContext } from '../../domain';

/** One setting as every surface shows it: key, label, value (or "not set"), allowed values, and any warning. */
export interface SettingRow {
  key: string;
  group: (typeof SETTING_GROUPS)[number]['id'];
  label: string;
  help: string;
  range: string;
  value: string;
  choices?: readonly { value: string; label: string }[];
  warning?: string;
}

export function settingRows(context: SettingsContext): SettingRow[] {
  return settingDefinitions(context.tenant).map((d) => {
    const warning = d.warning?.(context);
    return {
      key: d.key,
      group: d.group,
      label: d.label,
      help: d.help,
      range: d.range,
      value: d.show(context),
      ...(d.choices ? { choices: d.choices } : {}),
      ...(warning ? { warning } : {}),
    };
  });
}

/** `settings show` and `tenant show`: every setting by group, as plain lines. */
export function settingsLines(context: SettingsContext): string[] {
  const rows = settingRows(context);
  const width = Math.max(...rows.map((r) => r.key.length));
  const lines: string[] = [];
  for (const group of SETTING_GROUPS) {
    const inGroup = rows.filter((r) => r.group === group.id);
    if (inGroup.length === 0) continue;
    lines.push(`${group.title}:`);
    for (const r of inGroup) {
      lines.push(`  ${r.key.padEnd(width)}  ${r.value === '' ? '(not set)' : r.value}   [${r.range}]`);
      if (r.warning) lines.push(`  ${' '.repeat(width)}  ! ${r.warning}`);
    }
  }
  if (context.tenant.kind === 'trust' && context.tenant.schools.length === 0) {
    lines.push('No schools yet: import a staff list with a School or Site column, or settings set schools "School A; School B".');
  }
  return lines;
}

/** One recorded change in words: "2026-11-24 10:00 Dawn Cooper: quiet-hours 18:00-07:30 → 19:00-07:30". */
export function settingChangeLine(change: SettingChange): string {
  const when = change.at.slice(0, 16).replace('T', ' ');
  const show = (v: string) => (v === '' ? '(not set)' : v);
  return `${when} UTC ${change.byName ?? change.by}: ${change.key} ${show(change.before)} → ${show(change.after)}`;
}
