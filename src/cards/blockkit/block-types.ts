/**
 * The few Block Kit shapes the renderers emit, as plain JSON types. Cards may not import
 * @slack/* (dependency-cruiser keeps platform SDKs in src/bots), so these mirror Slack's docs.
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  /** true: Slack links only what the text marks as a link (<url|label>), never a bare address or name someone typed. */
  verbatim?: boolean;
}
export type TextObject = PlainText | Mrkdwn;

export interface OptionObject {
  text: PlainText | Mrkdwn;
  value: string;
  description?: PlainText;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
  /** Slack's "Are you sure?" dialog before the press is sent. */
  confirm?: { title: PlainText; text: PlainText; confirm: PlainText; deny: PlainText; style?: 'primary' | 'danger' };
}

export type InputElement =
  | { type: 'plain_text_input'; action_id: string; multiline?: boolean; max_length?: number; initial_value?: string; placeholder?: PlainText }
  | { type: 'radio_buttons'; action_id: string; options: OptionObject[]; initial_option?: OptionObject }
  | { type: 'static_select'; action_id: string; options: OptionObject[]; initial_option?: OptionObject; placeholder?: PlainText }
  | { type: 'checkboxes'; action_id: string; options: OptionObject[]; initial_options?: OptionObject[] }
  | {
      type: 'multi_static_select';
      action_id: string;
      options: OptionObject[];
      initial_options?: OptionObject[];
      placeholder?: PlainText;
    }
  | { type: 'datetimepicker'; action_id: string; initial_date_time?: number }
  | { type: 'datepicker'; action_id: string; initial_date?: string };

export type Block =
  | { type: 'header'; block_id?: string; text: PlainText }
  | { type: 'section'; block_id?: string; text?: TextObject; fields?: TextObject[]; accessory?: ButtonElement }
  | { type: 'context'; block_id?: string; elements: TextObject[] }
  | { type: 'divider'; block_id?: string }
  | { type: 'image'; block_id?: string; image_url: string; alt_text: string; title?: PlainText }
  | { type: 'actions'; block_id?: string; elements: ButtonElement[] }
  | { type: 'input'; block_id: string; label: PlainText; element: InputElement; optional?: boolean; hint?: PlainText };

/** A message body for chat.postMessage / chat.update: `text` is the notification and screen-reader fallback. */
export interface BlockKitMessage {
  text: string;
  blocks: Block[];
}

/** A modal view for views.open / views.update. */
export interface BlockKitModal {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close: PlainText;
  private_metadata: string;
  blocks: Block[];
  clear_on_close?: boolean;
  notify_on_close?: boolean;
}

/** The App Home tab, for views.publish. */
export interface BlockKitHome {
  type: 'home';
  blocks: Block[];
}
