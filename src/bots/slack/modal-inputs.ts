import { fieldIdOf } from '../../cards/blockkit';
import { registerInputs } from './register-selections';
import type { InputState } from './slack-payloads';

/** A consent is one checkbox (the gap report's and the year-ahead review's sharing, the gap plan's "share with your SLT"): ticked = share, empty = do not. */
const CONSENT_FIELDS = new Set(['shareWithManager', 'compulsory', 'shareWithLeaders']);

function valueOf(fieldId: string, input: InputState): unknown {
  switch (input.type) {
    case 'checkboxes':
    case 'multi_static_select': {
      const values = (input.selected_options ?? []).map((o) => o.value);
      return CONSENT_FIELDS.has(fieldId) ? String(values.includes('yes')) : values;
    }
    case 'radio_buttons':
    case 'static_select':
      return input.selected_option?.value ?? undefined;
    case 'datetimepicker':
      return input.selected_date_time ?? undefined;
    case 'datepicker':
      return input.selected_date ?? undefined;
    default:
      return input.value ?? undefined;
  }
}

/** `view.state.values` → `{ fieldId: raw value }`, the input every submit use case takes; `blocks` (the submitted view's) for a register. */
export function modalInputs(values: Record<string, Record<string, InputState>>, blocks: readonly unknown[] = []): Record<string, unknown> {
  const inputs: Record<string, unknown> = { ...registerInputs(values, blocks) };
  for (const [blockId, actions] of Object.entries(values)) {
    const fieldId = fieldIdOf(blockId);
    const input = actions.answer;
    if (fieldId && input) inputs[fieldId] = valueOf(fieldId, input);
  }
  return inputs;
}
