import { z } from 'zod';
import { REGISTER_BLOCK_PREFIX } from '../../cards/blockkit';
import { PRESENT_INPUT_PREFIX } from '../../cards/views/register';
import type { InputState } from './slack-payloads';

/** A register checkbox block as Slack echoes it back in `view.blocks`: the people it listed. */
const ListedBlock = z.object({
  block_id: z.string().startsWith(REGISTER_BLOCK_PREFIX),
  element: z.object({ options: z.array(z.object({ value: z.string() })).max(100) }),
});

/**
 * Slack reports only the ticked boxes, so the people the modal listed come from the submitted
 * view's own blocks: ticked → `present:<id>` 'true', listed but not ticked → 'false'. The use case
 * still checks every id against the session's register.
 */
export function registerInputs(values: Record<string, Record<string, InputState>>, blocks: readonly unknown[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const block of blocks) {
    const listed = ListedBlock.safeParse(block);
    if (!listed.success) continue;
    const ticked = new Set(Object.values(values[listed.data.block_id] ?? {}).flatMap((state) => (state.selected_options ?? []).map((o) => o.value)));
    for (const { value } of listed.data.element.options) inputs[`${PRESENT_INPUT_PREFIX}${value}`] = String(ticked.has(value));
  }
  return inputs;
}
