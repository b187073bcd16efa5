import { LIKERT_CHOICES, type Question } from '../../domain';
import type { InputBlockElement, KnownBlock } from '@slack/types';
import type { ValuedOption } from './block-types';
import { plain } from './blocks';
import { SLACK_LIMITS, clip } from './limits';

/** Every modal input sits in block `field:<id>` with action_id `answer`, so state and errors map back by id. */
export const FIELD_ACTION_ID = 'answer';
export function fieldBlockId(fieldId: string): string {
  return `field:${fieldId}`;
}
export function fieldIdOf(blockId: string): string | undefined {
  return blockId.startsWith('field:') ? blockId.slice('field:'.length) : undefined;
}

function option(value: string, label: string): ValuedOption {
  return { text: plain(label, SLACK_LIMITS.optionText), value: clip(value, SLACK_LIMITS.optionValue) };
}

function choicesOf(q: Question): ValuedOption[] {
  switch (q.kind) {
    case 'rating':
      return [1, 2, 3, 4, 5].map((n) => option(String(n), n === 1 ? `1 – ${q.lowLabel}` : n === 5 ? `5 – ${q.highLabel}` : String(n)));
    case 'yes-no':
      return [option('yes', 'Yes'), option('no', 'No')];
    case 'likert':
      return LIKERT_CHOICES.map((c) => option(c.value, c.label));
    case 'single':
    case 'multi':
      return q.choices.map((c) => option(c.value, c.label));
    case 'text':
      return [];
  }
}

/** A one-of choice: radio buttons while they fit (10), a static select beyond. */
function oneOf(options: ValuedOption[], value: string | undefined): InputBlockElement {
  const initial = options.find((o) => o.value === value);
  if (options.length <= SLACK_LIMITS.radioOptions) {
    return initial ? { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options, initial_option: initial } : { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options };
  }
  const select: InputBlockElement = { type: 'static_select', action_id: FIELD_ACTION_ID, options, placeholder: plain('Choose one', 150) };
  if (initial) select.initial_option = initial;
  return select;
}

function manyOf(options: ValuedOption[], values: string[]): InputBlockElement {
  const initial = options.filter((o) => values.includes(o.value));
  if (options.length <= SLACK_LIMITS.checkboxOptions) {
    return initial.length ? { type: 'checkboxes', action_id: FIELD_ACTION_ID, options, initial_options: initial } : { type: 'checkboxes', action_id: FIELD_ACTION_ID, options };
  }
  const select: InputBlockElement = { type: 'multi_static_select', action_id: FIELD_ACTION_ID, options, placeholder: plain('Choose any', 150) };
  if (initial.length) select.initial_options = initial;
  return select;
}

export function textInput(value: string | undefined, maxLength: number, multiline: boolean): InputBlockElement {
  const el: InputBlockElement = { type: 'plain_text_input', action_id: FIELD_ACTION_ID, multiline, max_length: Math.min(maxLength, SLACK_LIMITS.plainTextInputMax) };
  if (value) el.initial_value = clip(value, el.max_length ?? SLACK_LIMITS.plainTextInputMax);
  return el;
}

function elementFor(q: Question, value: string | string[] | undefined): InputBlockElement {
  const one = typeof value === 'string' ? value : undefined;
  switch (q.kind) {
    case 'multi':
      return manyOf(choicesOf(q), Array.isArray(value) ? value : one ? [one] : []);
    case 'text':
      return textInput(one, q.maxLength, q.multiline);
    default:
      return oneOf(choicesOf(q), one);
  }
}

export function inputBlock(fieldId: string, label: string, element: InputBlockElement, options: { optional: boolean; error?: string }): KnownBlock {
  const block: KnownBlock = { type: 'input', block_id: fieldBlockId(fieldId), label: plain(label, SLACK_LIMITS.inputLabel), element, optional: options.optional };
  if (options.error) block.hint = plain(`⚠ ${options.error}`, SLACK_LIMITS.inputHint);
  return block;
}

export function questionBlock(q: Question, value: string | string[] | undefined, error: string | undefined): KnownBlock {
  return inputBlock(q.id, q.prompt, elementFor(q, value), error ? { optional: !q.required, error } : { optional: !q.required });
}
