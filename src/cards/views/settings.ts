import type { FieldErrors, SettingGroup } from '../../domain';
import type { Notice } from './common';

/** One setting on the form: its key is the input's id on both platforms, so an error comes back beside it. */
export interface SettingsFieldView {
  key: string;
  label: string;
  help: string;
  range: string;
  /** The stored value as typed (blank when unset). */
  value: string;
  choices?: readonly { value: string; label: string }[];
  warning?: string;
}

/**
 * `settings` for a CPD lead: one section of the settings (a group, or a page of a long one such as
 * a trust's many schools), small enough for a Slack modal (100 blocks) and a Teams card; the
 * other sections are a button (Teams) or a command (Slack) away.
 */
export interface SettingsFormView {
  kind: 'settings-form';
  /** The section shown: a group id, with ":2" for its second page. */
  section: string;
  title: string;
  help: string;
  fields: SettingsFieldView[];
  /** Every section, for the buttons to the others. */
  sections: { section: string; title: string }[];
  /** The person's input, kept when the form comes back with errors. */
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: Notice;
}

/** `settings history`: who changed which setting, when, from what to what; newest first. */
export interface SettingsHistoryView {
  kind: 'settings-history';
  rows: { when: string; who: string; label: string; before: string; after: string }[];
  emptyText: string;
}

export type SettingGroupId = SettingGroup;
