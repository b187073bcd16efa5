import { REGISTER_GROUPS, notShownText, registerRowHint, registerStatusText } from '../wording/register';
import type { RegisterRow, RegisterView } from '../views/register';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { context, notice, plain, section, sessionText } from './blocks';
import { SLACK_LIMITS } from './limits';
import { FIELD_ACTION_ID } from './modal-fields';

/**
 * Register checkboxes sit in blocks `register:<group>:<n>`, ten people each (Slack's checkbox
 * limit); each option's value is a staff id. The bot maps the ticks back to `present:<id>` inputs.
 */
export const REGISTER_BLOCK_PREFIX = 'register:';

function option(row: RegisterRow, taken: boolean): ValuedOption {
  const hint = registerRowHint(row, taken);
  return { text: plain(row.name, SLACK_LIMITS.optionText), value: row.staffId, ...(hint ? { description: plain(hint, SLACK_LIMITS.optionText) } : {}) };
}

function checkboxBlocks(group: keyof typeof REGISTER_GROUPS, rows: RegisterRow[], taken: boolean): KnownBlock[] {
  const per = SLACK_LIMITS.checkboxOptions;
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const options = chunk.map((row) => option(row, taken));
    const ticked = options.filter((_, k) => chunk[k]!.present);
    const range = rows.length > per ? ` ${i + 1}–${i + chunk.length} of ${rows.length}` : '';
    blocks.push({
      type: 'input',
      block_id: `${REGISTER_BLOCK_PREFIX}${group}:${i / per}`,
      label: plain(`${REGISTER_GROUPS[group]}${range}`, SLACK_LIMITS.inputLabel),
      // Slack refuses an empty initial_options, so it is left out when nobody is ticked.
      element: { type: 'checkboxes', action_id: FIELD_ACTION_ID, options, ...(ticked.length > 0 ? { initial_options: ticked } : {}) },
      optional: true,
    });
  }
  return blocks;
}

/** The register modal: tick who is here; callback_id is the `register.submit` verb. */
export function renderRegisterModal(privateMetadata: string, view: RegisterView): BlockKitModal {
  const head: KnownBlock[] = [
    ...(view.notice ? [notice(view.notice)] : []),
    section(sessionText({ ...view.session, rsvp: undefined, placesLeft: undefined })),
    context(registerStatusText(view)),
  ];
  // An option value holds at most 150 characters: a longer staff id could not be read back.
  const fits = (row: RegisterRow) => row.staffId.length <= SLACK_LIMITS.optionValue;
  const rows = [...checkboxBlocks('expected', view.expected.filter(fits), view.taken), ...checkboxBlocks('waitlist', view.waitlist.filter(fits), view.taken)];
  const room = SLACK_LIMITS.modalBlocks - head.length - 1;
  const shown = rows.slice(0, room);
  const shownPeople = shown.reduce((n, b) => n + (b.type === 'input' && 'options' in b.element ? (b.element.options?.length ?? 0) : 0), 0);
  const notShown = view.expected.length + view.waitlist.length - shownPeople;
  const canSubmit = shown.length > 0;
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: 'register.submit',
    title: plain('Register', SLACK_LIMITS.modalTitle),
    close: plain(canSubmit ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [...head, ...shown, ...(notShown > 0 ? [context(notShownText(notShown))] : [])],
  };
  if (canSubmit) modal.submit = plain('Save', SLACK_LIMITS.modalButton);
  return modal;
}
