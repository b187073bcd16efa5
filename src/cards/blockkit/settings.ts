import type { SettingsFieldView, SettingsFormView, SettingsHistoryView } from '../views';
import type { InputBlockElement, KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, fields, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

function elementFor(field: SettingsFieldView, value: string): InputBlockElement {
  if (!field.choices) return textInput(value, SLACK_LIMITS.plainTextInputMax, field.key === 'schools');
  const options: ValuedOption[] = field.choices.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: clip(c.value, SLACK_LIMITS.optionValue) }));
  const initial = options.find((o) => o.value === value);
  return { type: 'static_select', action_id: FIELD_ACTION_ID, options, placeholder: plain('Choose one', 150), ...(initial ? { initial_option: initial } : {}) };
}

/** One setting in block `field:<key>`, optional (blank clears what may be blank); its help, warning or refusal as the hint. */
function settingBlock(field: SettingsFieldView, value: string, error: string | undefined): KnownBlock {
  const block = inputBlock(field.key, field.label, elementFor(field, value), error ? { optional: true, error } : { optional: true });
  if (!error && block.type === 'input') block.hint = plain(field.warning ? `⚠ ${field.warning}` : `${field.help} (${field.range})`, SLACK_LIMITS.inputHint);
  return block;
}

/** `/cpd settings [section]`: one section as a modal (at most 30 fields, well under Slack's 100 blocks); Save is `settings.save`. */
export function renderSettingsModal(view: SettingsFormView, privateMetadata: string): BlockKitModal {
  const others = view.sections.filter((s) => s.section !== view.section).map((s) => `\`/cpd settings ${s.section.replace(':', ' ')}\``);
  const blocks: KnownBlock[] = [
    context(`*${escapeMrkdwn(view.title)}*: ${escapeMrkdwn(view.help)}`),
    ...(view.notice ? [notice(view.notice)] : []),
    ...view.fields.map((f) => settingBlock(f, view.values?.[f.key] ?? f.value, view.errors?.[f.key])),
    ...(others.length ? [context(`Other settings: ${others.join(', ')}. Who changed what: \`/cpd settings history\`.`)] : []),
  ];
  return {
    type: 'modal',
    callback_id: 'settings.save',
    title: plain('Settings', SLACK_LIMITS.modalTitle),
    submit: plain('Save', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    // At most 30 fields a section (settings-form.ts): well inside Slack's 100 blocks.
    blocks: blocks.slice(0, SLACK_LIMITS.modalBlocks),
  };
}

/** In a message (DM, App Home): the section's values, and a button to open each section's form. */
export function settingsMessageBlocks(view: SettingsFormView): KnownBlock[] {
  const pairs = view.fields.map((f) => ({ label: f.label, value: `${f.value || 'not set'}${f.warning ? ` ⚠ ${f.warning}` : ''}` }));
  const blocks: KnownBlock[] = [header(view.title), ...(view.notice ? [notice(view.notice)] : [])];
  for (let i = 0; i < pairs.length; i += SLACK_LIMITS.sectionFields) blocks.push(fields(pairs.slice(i, i + SLACK_LIMITS.sectionFields)));
  const buttons = view.sections.map((s, i) => button(s.section === view.section ? 'Change these' : s.title, { verb: 'settings.open', settingsSection: s.section }, { suffix: String(i), ...(s.section === view.section ? { style: 'primary' as const } : {}) }));
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.actionsElements) blocks.push(actions(buttons.slice(i, i + SLACK_LIMITS.actionsElements)));
  return blocks;
}

export function settingsHistoryBlocks(view: SettingsHistoryView): KnownBlock[] {
  if (view.rows.length === 0) return [header('Settings history'), section(escapeMrkdwn(view.emptyText))];
  return [header('Settings history'), ...view.rows.map((r) => context(`*${escapeMrkdwn(r.when)}*, ${escapeMrkdwn(r.who)}: ${escapeMrkdwn(r.label)} ${escapeMrkdwn(r.before)} → ${escapeMrkdwn(r.after)}`))];
}
