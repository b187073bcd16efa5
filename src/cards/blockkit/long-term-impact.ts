import type { LongTermImpactView } from '../views/long-term-impact';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';
import { LONG_TERM_LABELS, longTermLines, longTermSubtitle } from '../wording/long-term-impact';

function taskLines(view: LongTermImpactView): KnownBlock[] {
  return view.tasks.map((t) => section([`*${escapeMrkdwn(t.name)}*: ${escapeMrkdwn(t.reportText)}`, ...longTermLines(t, view.own).map((l) => `_${escapeMrkdwn(l)}_`)].join('\n')));
}

export function longTermImpactMessageBlocks(view: LongTermImpactView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Longer-term impact: ${view.sessionTitle}`), ...(view.notice ? [notice(view.notice)] : []), context(escapeMrkdwn(longTermSubtitle(view))), ...taskLines(view)];
  if (view.tasks.length === 0) return [...blocks, context('Nobody has reported on this gap task yet.')];
  return [...blocks, actions([button(view.own ? 'Add my longer-term impact' : 'Add longer-term impact', { verb: 'impact.long.open', sessionId: view.sessionId }, { style: 'primary' })])];
}

export function renderLongTermImpactModal(view: LongTermImpactView, privateMetadata: string): BlockKitModal {
  const e = (id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const opts: ValuedOption[] = view.tasks.slice(0, 100).map((t) => ({ text: plain(t.name, SLACK_LIMITS.optionText), value: clip(t.gapTaskId, SLACK_LIMITS.optionValue) }));
  const chosen = opts.find((o) => o.value === view.values?.reportedTaskId);
  const blocks: KnownBlock[] = [...(view.notice ? [notice(view.notice)] : []), context(escapeMrkdwn(longTermSubtitle(view))), ...taskLines(view).slice(0, 40)];
  if (opts.length > 0) {
    blocks.push(
      inputBlock('reportedTaskId', LONG_TERM_LABELS.reportedTaskId, { type: 'static_select', action_id: FIELD_ACTION_ID, options: opts, ...(chosen ? { initial_option: chosen } : {}) }, { optional: false, ...e('reportedTaskId') }),
      inputBlock('impact', LONG_TERM_LABELS.impact, textInput(view.values?.impact, 3000, true), { optional: false, ...e('impact') }),
    );
  }
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: 'impact.long.submit',
    title: plain('Longer-term impact', SLACK_LIMITS.modalTitle),
    close: plain(opts.length > 0 ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks,
  };
  if (opts.length > 0) modal.submit = plain('Save', SLACK_LIMITS.modalButton);
  return modal;
}
