import { APPLIED_CHOICES, EVIDENCE_CHOICES, IMPACT_MANAGER_LABELS, IMPACT_PERSON_LABELS } from '../wording/impact-follow-up';
import type { ImpactFollowUpView } from '../views/impact-follow-up';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, fields, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

const options = (list: readonly { value: string; label: string }[]): ValuedOption[] => list.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: c.value }));

function title(view: ImpactFollowUpView): string {
  return view.stage === 'manager' ? `Impact of CPD: ${view.personName ?? 'your team member'}` : 'What difference has it made?';
}

/** As a message: what it is about and a button that opens the modal. */
export function impactFollowUpMessageBlocks(view: ImpactFollowUpView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(title(view)), context(escapeMrkdwn(`${view.sessionTitle} · ${view.whenText}`))];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.state === 'done') return [...blocks, section('Saved. Thank you.')];
  return [...blocks, actions([button(view.stage === 'manager' ? 'Add your view' : 'Answer', { verb: 'impact.open', impactFollowUpId: view.impactFollowUpId }, { style: 'primary' })])];
}

/** The modal: the person's four questions, or the manager's one with the person's answer above it. */
export function renderImpactFollowUpModal(view: ImpactFollowUpView, privateMetadata: string): BlockKitModal {
  const e = (id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const v = (id: string) => view.values?.[id];
  const blocks: KnownBlock[] = [context(escapeMrkdwn(`${view.sessionTitle} · ${view.whenText}`))];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.stage === 'manager') {
    if (view.personAnswer) blocks.push(fields(view.personAnswer));
    blocks.push(inputBlock('view', IMPACT_MANAGER_LABELS.view, textInput(v('view'), 2000, true), { optional: false, ...e('view') }));
  } else {
    const applied = options(APPLIED_CHOICES);
    const chosen = applied.find((o) => o.value === v('applied'));
    const evidence = options(EVIDENCE_CHOICES);
    const picked = (v('evidence') ?? '').split(',').filter(Boolean);
    blocks.push(
      inputBlock('applied', IMPACT_PERSON_LABELS.applied, { type: 'radio_buttons', action_id: FIELD_ACTION_ID, options: applied, ...(chosen ? { initial_option: chosen } : {}) }, { optional: false, ...e('applied') }),
      inputBlock('how', IMPACT_PERSON_LABELS.how, textInput(v('how'), 2000, true), { optional: false, ...e('how') }),
      inputBlock('pupilChange', IMPACT_PERSON_LABELS.pupilChange, textInput(v('pupilChange'), 2000, true), { optional: false, ...e('pupilChange') }),
      inputBlock(
        'evidence',
        IMPACT_PERSON_LABELS.evidence,
        { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: evidence, ...(picked.length ? { initial_options: evidence.filter((o) => picked.includes(o.value)) } : {}) },
        { optional: false, ...e('evidence') },
      ),
    );
  }
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: 'impact.submit',
    title: plain('Impact of CPD', SLACK_LIMITS.modalTitle),
    close: plain(view.state === 'open' ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: view.state === 'open' ? blocks : [...blocks.slice(0, 1), section('Saved. Thank you.')],
  };
  if (view.state === 'open') modal.submit = plain('Send', SLACK_LIMITS.modalButton);
  return modal;
}
