import type { SettingsFieldView, SettingsFormView, SettingsHistoryView } from '../views';
import type { CardContent } from './card-content';
import { actionSet, compact, execute, facts, fieldError, heading, noticeBox, subtle, text, type AdaptiveElement } from './elements';

/** One setting: its label, the input (id = the setting's key) with the value kept, help, and any warning or refusal beside it. */
function settingInput(field: SettingsFieldView, value: string, error: string | undefined): AdaptiveElement[] {
  const input: AdaptiveElement = field.choices
    ? { type: 'Input.ChoiceSet', id: field.key, label: field.label, style: 'compact', choices: field.choices.map((c) => ({ title: c.label, value: c.value })), ...(value ? { value } : {}) }
    : { type: 'Input.Text', id: field.key, label: field.label, placeholder: field.range, maxLength: 2000, ...(value ? { value } : {}) };
  return compact([
    input,
    subtle(`${field.help} (${field.range})`),
    field.warning !== undefined && error === undefined && text(field.warning, { color: 'Warning', size: 'Small', spacing: 'None' }),
    error !== undefined && fieldError(error),
  ]);
}

/** `settings` in Teams: one section as a form, Save, and a button for each other section. */
export function settingsFormCard(view: SettingsFormView): CardContent {
  const others = view.sections.filter((s) => s.section !== view.section);
  return {
    body: compact([
      heading(view.title),
      subtle(view.help),
      view.notice && noticeBox(view.notice),
      ...view.fields.flatMap((f) => settingInput(f, view.values?.[f.key] ?? f.value, view.errors?.[f.key])),
      others.length > 0 && subtle('Other settings:'),
      // Teams shows at most 5 actions in one set: a trust's many pages of schools take several.
      ...Array.from({ length: Math.ceil(others.length / 5) }, (_, i) => actionSet(others.slice(i * 5, i * 5 + 5).map((s) => execute(s.title, 'settings.open', { settingsSection: s.section })))),
    ]),
    actions: [execute('Save', 'settings.save', { settingsSection: view.section }, { style: 'positive', withInputs: true })],
    summary: `Settings: ${view.title}`,
  };
}

export function settingsHistoryCard(view: SettingsHistoryView): CardContent {
  return {
    body: compact([
      heading('Settings history'),
      view.rows.length === 0 && subtle(view.emptyText),
      view.rows.length > 0 && facts(view.rows.map((r) => ({ label: `${r.when}, ${r.who}`, value: `${r.label}: ${r.before} → ${r.after}` }))),
    ]),
    summary: view.rows.length ? `Settings history: ${view.rows.length} changes` : view.emptyText,
  };
}
