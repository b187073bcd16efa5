import type { FieldErrors } from '../../domain';
import type { BlockKitModal } from './block-types';
import { fieldBlockId } from './modal-fields';

/** What a view_submission is answered with so Slack shows each message beside its field. */
export interface SlackErrorsResponse {
  response_action: 'errors';
  errors: Record<string, string>;
}

/**
 * Maps use-case field errors to block ids. An error for a field the modal does not show (a
 * form-level message) goes beside the first input, because Slack rejects unknown block ids.
 */
export function toSlackErrors(errors: FieldErrors, modal: Pick<BlockKitModal, 'blocks'>): SlackErrorsResponse {
  const inputIds = modal.blocks.flatMap((b) => (b.type === 'input' ? [b.block_id] : []));
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const blockId = fieldBlockId(field);
    const target = inputIds.includes(blockId) ? blockId : inputIds[0];
    if (target === undefined) continue;
    out[target] = out[target] ? `${out[target]} ${message}` : message;
  }
  return { response_action: 'errors', errors: out };
}
