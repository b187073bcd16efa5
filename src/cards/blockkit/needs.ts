import { NEEDS_INTRO, NEEDS_LABELS, PREFERRED_CHOICES } from '../wording/needs';
import type { NeedsFormView, NeedsSummaryView } from '../views/needs';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { context, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

export function needsFormMessageBlocks(view: NeedsFormView): KnownBlock[] {
  return [header(`The year ahead: ${view.year}`), ...(view.notice ? [notice(view.notice)] : []), section(escapeMrkdwn(NEEDS_INTRO)), context('Type `/cpd year ahead` to open the form.')];
}

export function renderNeedsModal(view: NeedsFormView, privateMetadata: string): BlockKitModal {
  const e = (id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const opts: ValuedOption[] = PREFERRED_CHOICES.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: c.value }));
  const picked = (view.values?.preferred ?? '').split(',').filter(Boolean);
  return {
    type: 'modal',
    callback_id: 'needs.submit',
    title: plain('The year ahead', SLACK_LIMITS.modalTitle),
    submit: plain('Send', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [
      ...(view.notice ? [notice(view.notice)] : []),
      context(escapeMrkdwn(NEEDS_INTRO)),
      inputBlock('strengths', NEEDS_LABELS.strengths, textInput(view.values?.strengths, 2000, true), { optional: false, ...e('strengths') }),
      inputBlock('aspirations', NEEDS_LABELS.aspirations, textInput(view.values?.aspirations, 2000, true), { optional: false, ...e('aspirations') }),
      inputBlock('preferred', NEEDS_LABELS.preferred, { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: opts, ...(picked.length ? { initial_options: opts.filter((o) => picked.includes(o.value)) } : {}) }, { optional: false, ...e('preferred') }),
    ],
  };
}

export function needsSummaryBlocks(view: NeedsSummaryView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`CPD needs: ${view.year}`), context(`${view.responses} year-ahead reviews. No names.`)];
  if (view.withheld) return [...blocks, section(`_${escapeMrkdwn(view.withheld)}_`)];
  const list = (title: string, rows: { label: string; count: number }[]) => (rows.length ? [section(`*${title}*\n${rows.map((r) => `${escapeMrkdwn(r.label)}: ${r.count}`).join('\n')}`)] : []);
  return [
    ...blocks,
    ...list('Preferred CPD', view.preferred),
    ...list('Aspirations: common themes', view.aspirationThemes.map((t) => ({ label: t.theme, count: t.count }))),
    ...list('Strengths to share: common themes', view.strengthThemes.map((t) => ({ label: t.theme, count: t.count }))),
  ];
}
