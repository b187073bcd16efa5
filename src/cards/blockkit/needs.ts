import { NEEDS_FORM, NEEDS_INTRO, NEEDS_LABELS, NO_MANAGER_TEXT, PREFERRED_CHOICES, SHARE_REVIEW_FIELD, STRAND_CHOICES, shareReviewLabel } from '../wording/needs';
import type { NeedsFormView, NeedsSummaryView, YearAheadTeamView } from '../views/needs';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal, ValuedOption } from './block-types';
import { actions, button, context, divider, fields, header, notice, plain, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { FIELD_ACTION_ID, inputBlock, textInput } from './modal-fields';

/** In a message (the prompt before the review window, or `year ahead` typed in a DM) the form is a button: a modal needs the press's trigger id. */
export function needsFormMessageBlocks(view: NeedsFormView): KnownBlock[] {
  return [
    header(`The year ahead: ${view.year}`),
    ...(view.notice ? [notice(view.notice)] : []),
    section(escapeMrkdwn(NEEDS_INTRO)),
    actions([button(view.values ? 'Open my review' : 'Write my review', { verb: 'needs.open' }, { style: 'primary' })], 'needs:open'),
  ];
}

function checkboxes(id: string, choices: readonly { value: string; label: string }[], view: NeedsFormView) {
  const opts: ValuedOption[] = choices.map((c) => ({ text: plain(c.label, SLACK_LIMITS.optionText), value: c.value }));
  const picked = (view.values?.[id] ?? '').split(',').filter(Boolean);
  const initial = opts.filter((o) => picked.includes(o.value));
  return { type: 'checkboxes' as const, action_id: FIELD_ACTION_ID, options: opts, ...(initial.length ? { initial_options: initial } : {}) };
}

function sharingBlock(view: NeedsFormView): KnownBlock {
  const error = view.errors?.[SHARE_REVIEW_FIELD];
  if (!view.lineManagerName) return context(escapeMrkdwn(error ?? NO_MANAGER_TEXT));
  const yes = { text: plain(shareReviewLabel(view.lineManagerName), SLACK_LIMITS.optionText), value: 'yes' };
  const ticked = view.values?.[SHARE_REVIEW_FIELD] === 'true';
  return inputBlock(SHARE_REVIEW_FIELD, 'Sharing', { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [yes], ...(ticked ? { initial_options: [yes] } : {}) }, { optional: true, ...(error ? { error } : {}) });
}

export function renderNeedsModal(view: NeedsFormView, privateMetadata: string): BlockKitModal {
  const e = (id: string) => (view.errors?.[id] ? { error: view.errors[id] } : {});
  const questions = NEEDS_FORM.map((q) => {
    const element = q.kind === 'text' ? textInput(view.values?.[q.id], 2000, true) : checkboxes(q.id, q.kind === 'strands' ? STRAND_CHOICES : PREFERRED_CHOICES, view);
    return inputBlock(q.id, NEEDS_LABELS[q.id], element, { optional: !q.required, ...e(q.id) });
  });
  return {
    type: 'modal',
    callback_id: 'needs.submit',
    title: plain('The year ahead', SLACK_LIMITS.modalTitle),
    submit: plain('Send', SLACK_LIMITS.modalButton),
    close: plain('Cancel', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: [...(view.notice ? [notice(view.notice)] : []), context(escapeMrkdwn(NEEDS_INTRO)), ...questions, sharingBlock(view)],
  };
}

export function needsSummaryBlocks(view: NeedsSummaryView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`CPD needs: ${view.year}`), context(`${view.responses} year-ahead reviews. No names.`)];
  if (view.withheld) return [...blocks, section(`_${escapeMrkdwn(view.withheld)}_`)];
  const list = (title: string, rows: { label: string; count: number }[]) => (rows.length ? [section(`*${title}*\n${rows.map((r) => `${escapeMrkdwn(r.label)}: ${r.count}`).join('\n')}`)] : []);
  const themes = (rows: { theme: string; count: number }[]) => rows.map((t) => ({ label: t.theme, count: t.count }));
  return [
    ...blocks,
    ...list('Aspect to develop: skill, knowledge or attitude', view.strands),
    ...list('Aspects to develop: common themes', themes(view.developmentThemes)),
    ...list('Preferred CPD', view.preferred),
    ...list('Aspirations: common themes', themes(view.aspirationThemes)),
    ...list('Strengths to share: common themes', themes(view.strengthThemes)),
  ];
}

export function yearAheadTeamBlocks(view: YearAheadTeamView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(`Your team's year-ahead reviews: ${view.year}`), context('Shared with you by the people who report to you, for their performance review.')];
  if (view.reviews.length === 0) blocks.push(section('Nobody has shared a year-ahead review with you yet this year.'));
  for (const r of view.reviews.slice(0, 10)) {
    blocks.push(divider, section(`*${escapeMrkdwn(r.name)}*  _${escapeMrkdwn(r.submittedText)}_`));
    // A section holds at most 10 fields: the answers in groups.
    for (let i = 0; i < r.answers.length; i += 10) blocks.push(fields(r.answers.slice(i, i + 10)));
  }
  if (view.reviews.length > 10) blocks.push(context(`And ${view.reviews.length - 10} more, sent earlier (a Slack message shows the latest ten).`));
  if (view.notShared > 0) blocks.push(context(`${view.notShared} of your team ${view.notShared === 1 ? 'has' : 'have'} not shared one with you.`));
  return blocks;
}
