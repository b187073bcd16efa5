import { anonymityText } from '../wording/anonymity';
import type { CardView } from '../views';
import type { CpdLogFormView } from '../views/cpd-log-form';
import type { StatutoryRejectFormView, StatutoryReportFormView } from '../views/statutory-report';
import { renderStatutoryRejectModal, renderStatutoryReportModal } from './statutory-report';
import type { CpdRequestFormView, CpdRequestReplyView } from '../views/cpd-request-form';
import type { GapTaskFormView } from '../views/gap-task';
import type { ImpactFollowUpView } from '../views/impact-follow-up';
import type { LongTermImpactView } from '../views/long-term-impact';
import type { MentoringMeetingView, ProgressReviewView } from '../views/mentoring';
import { MEETING_SUBMIT_VERB, renderMentoringMeetingModal, renderProgressReviewModal } from './mentoring';
import type { NeedsFormView } from '../views/needs';
import type { QuestionnaireView } from '../views/questionnaire';
import type { RegisterView } from '../views/register';
import type { SessionFormView } from '../views/session-form';
import type { SurveyFormView } from '../views/survey-form';
import type { CardAction, SubmitVerb } from '../actions';
import { renderCpdReplyModal, renderCpdRequestModal } from './cpd-request-form';
import type { SettingsFormView } from '../views/settings';
import { renderSettingsModal } from './settings';
import type { KnownBlock } from '@slack/types';
import type { BlockKitModal } from './block-types';
import { context, fields, notice, plain, section } from './blocks';
// The Teams renderer's list of the gap-task questions (docs/policy-sources.md): both platforms ask the same words.
import { GAP_PLAN_FIELDS, GAP_REPORT_FIELDS, SHARE_WITH_LEADERS_FIELD, SHARE_WITH_LEADERS_LABEL, SHARE_WITH_MANAGER_FIELD } from '../wording/gap-task';
import { renderCpdLogModal } from './cpd-log-form';
import { renderImpactFollowUpModal } from './impact-follow-up';
import { renderLongTermImpactModal } from './long-term-impact';
import { renderNeedsModal } from './needs';
import { renderCreateSessionModal } from './session-form-modal';
import { capBlocks } from './message';
import { renderSurveyFormModal } from './survey-form';
import { FIELD_ACTION_ID, inputBlock, questionBlock, textInput } from './modal-fields';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';
import { renderRegisterModal } from './register-modal';

export type ModalView =
  | QuestionnaireView
  | GapTaskFormView
  | SessionFormView
  | SurveyFormView
  | RegisterView
  | CpdRequestFormView
  | CpdRequestReplyView
  | CpdLogFormView
  | StatutoryReportFormView
  | StatutoryRejectFormView
  | ImpactFollowUpView
  | LongTermImpactView
  | NeedsFormView
  | SettingsFormView
  | MentoringMeetingView
  | ProgressReviewView;

/** callback_id = the submit verb, so the bot routes view_submission through the same verb table. */
const SUBMIT_VERB = {
  questionnaire: 'questionnaire.submit',
  'gap-plan': 'gap.plan.submit',
  'gap-report': 'gap.report.submit',
  'session-form': 'session.create',
  'survey-form': 'survey.send',
  register: 'register.submit',
  'cpd-request-form': 'request.submit',
  'cpd-request-reply': 'request.decline',
  'cpd-log-form': 'cpd.log.submit',
  'statutory-report-form': 'statutory.report.submit',
  'statutory-reject-form': 'statutory.report.reject',
  'impact-follow-up': 'impact.submit',
  'long-term-impact': 'impact.long.submit',
  'needs-form': 'needs.submit',
  'settings-form': 'settings.save',
  'mentoring-meeting': 'mentoring.record.submit',
  'progress-review': 'review.submit',
} as const satisfies Record<ModalView['kind'], SubmitVerb>;

const MODAL_KINDS: ReadonlySet<string> = new Set(Object.keys(SUBMIT_VERB));

/** A view Slack shows as a modal: exactly the kinds that have a submit verb above, so the two lists cannot drift. */
export function isModalView(view: CardView): view is ModalView {
  return MODAL_KINDS.has(view.kind);
}

/** What a modal's submission acts on, for its private_metadata: the submit verb and the ids it needs. */
export function submitActionOf(view: ModalView): CardAction {
  switch (view.kind) {
    case 'session-form':
      return view.sessionId ? { verb: 'session.update', sessionId: view.sessionId } : { verb: 'session.create' };
    case 'questionnaire':
      return { verb: SUBMIT_VERB[view.kind], questionnaireId: view.questionnaireId, ...(view.sessionId ? { sessionId: view.sessionId } : {}) };
    case 'gap-plan':
    case 'gap-report':
      return { verb: SUBMIT_VERB[view.kind], gapTaskId: view.gapTaskId };
    case 'register':
      return { verb: SUBMIT_VERB[view.kind], sessionId: view.session.sessionId };
    case 'cpd-request-reply':
      return { verb: ({ decline: 'request.decline', ask: 'request.ask', book: 'request.book' } as const)[view.mode], requestId: view.requestId };
    case 'impact-follow-up':
      return { verb: SUBMIT_VERB[view.kind], impactFollowUpId: view.impactFollowUpId };
    case 'long-term-impact':
      return { verb: SUBMIT_VERB[view.kind], sessionId: view.sessionId };
    case 'settings-form':
      return { verb: SUBMIT_VERB[view.kind], settingsSection: view.section };
    case 'mentoring-meeting':
      return { verb: MEETING_SUBMIT_VERB[view.stage], mentoringMeetingId: view.mentoringMeetingId };
    case 'progress-review':
      return { verb: SUBMIT_VERB[view.kind], menteeId: view.menteeId, reviewTerm: view.reviewTerm };
    case 'statutory-reject-form':
      return { verb: SUBMIT_VERB[view.kind], statutoryReportId: view.reportId };
    default:
      return { verb: SUBMIT_VERB[view.kind] };
  }
}

const TITLE = { questionnaire: 'Questionnaire', 'gap-plan': 'Gap task plan', 'gap-report': 'Gap task report' } as const;

function questionnaireBlocks(view: QuestionnaireView): { blocks: KnownBlock[]; canSubmit: boolean } {
  const blocks: KnownBlock[] = [section(`*${escapeMrkdwn(view.title)}*${view.sessionTitle ? `\n${escapeMrkdwn(view.sessionTitle)}` : ''}`)];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.state !== 'open') {
    blocks.push(section(view.state === 'answered' ? 'You have already answered. Thank you.' : 'This questionnaire is closed.'));
    return { blocks, canSubmit: false };
  }
  blocks.push(context(`${view.anonymous ? ':lock:' : ':bust_in_silhouette:'} ${escapeMrkdwn(anonymityText(view.anonymous))}`));
  view.questions.forEach((q, i) => {
    // The area heading above the first question of each area (the staff audit's areas).
    if (q.section !== undefined && q.section !== view.questions[i - 1]?.section) blocks.push(section(`*${escapeMrkdwn(q.section)}*`));
    blocks.push(questionBlock(q, view.values?.[q.id], view.errors?.[q.id]));
  });
  blocks.push(context(escapeMrkdwn(view.closesText)));
  return { blocks, canSubmit: true };
}

function gapTaskBlocks(view: GapTaskFormView): { blocks: KnownBlock[]; canSubmit: boolean } {
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(view.sessionTitle)}*\n*Intent:* ${escapeMrkdwn(view.intent)}\n*Gap task:* ${escapeMrkdwn(view.task)}`),
  ];
  if (view.notice) blocks.push(notice(view.notice));
  if (view.planSummary && view.planSummary.length > 0) blocks.push(context('Your plan:'), fields(view.planSummary));
  if (view.state === 'done') {
    blocks.push(section('Already saved. Thank you.'));
    return { blocks, canSubmit: false };
  }
  for (const field of view.kind === 'gap-plan' ? GAP_PLAN_FIELDS : GAP_REPORT_FIELDS) {
    const error = view.errors?.[field.id];
    const block = inputBlock(field.id, field.label, textInput(view.values?.[field.id], field.maxLength, true), error ? { optional: false, error } : { optional: false });
    if (field.hint && block.type === 'input' && !block.hint) block.hint = plain(field.hint, SLACK_LIMITS.inputHint);
    blocks.push(block);
  }
  if (view.kind === 'gap-report') blocks.push(shareWithManagerBlock(view));
  if (view.kind === 'gap-plan') blocks.push(shareWithLeadersBlock(view));
  blocks.push(context(escapeMrkdwn(view.dueText)));
  return { blocks, canSubmit: true };
}

/** Consent to quote the report in the line manager's digest: ticked unless the person said no. */
function shareWithManagerBlock(view: GapTaskFormView): KnownBlock {
  const yes = { text: plain('My line manager may quote this report in their digest', SLACK_LIMITS.optionText), value: 'yes' };
  const said = view.values?.[SHARE_WITH_MANAGER_FIELD];
  const unticked = said === 'false' || said === 'no';
  const element = unticked
    ? { type: 'checkboxes' as const, action_id: FIELD_ACTION_ID, options: [yes] }
    : { type: 'checkboxes' as const, action_id: FIELD_ACTION_ID, options: [yes], initial_options: [yes] };
  const error = view.errors?.[SHARE_WITH_MANAGER_FIELD];
  return inputBlock(SHARE_WITH_MANAGER_FIELD, 'Sharing', element, error ? { optional: true, error } : { optional: true });
}

/** Part 2's "Share with your SLT": unticked unless the person ticks it. */
function shareWithLeadersBlock(view: GapTaskFormView): KnownBlock {
  const yes = { text: plain(SHARE_WITH_LEADERS_LABEL, SLACK_LIMITS.optionText), value: 'yes' };
  const ticked = view.values?.[SHARE_WITH_LEADERS_FIELD] === 'true';
  const error = view.errors?.[SHARE_WITH_LEADERS_FIELD];
  return inputBlock(SHARE_WITH_LEADERS_FIELD, 'Share with your SLT', { type: 'checkboxes', action_id: FIELD_ACTION_ID, options: [yes], ...(ticked ? { initial_options: [yes] } : {}) }, { optional: true, ...(error ? { error } : {}) });
}

/** The modal for a questionnaire, a gap-task form, a new session or a new survey; `privateMetadata` carries what the submission needs back. */
export function renderBlockKitModal(view: ModalView, privateMetadata: string): BlockKitModal {
  if (privateMetadata.length > SLACK_LIMITS.privateMetadata) throw new Error('private_metadata is longer than Slack allows');
  if (view.kind === 'session-form') return renderCreateSessionModal(privateMetadata, view);
  if (view.kind === 'survey-form') return renderSurveyFormModal(view, privateMetadata);
  if (view.kind === 'register') return renderRegisterModal(privateMetadata, view);
  if (view.kind === 'cpd-request-form') return renderCpdRequestModal(view, privateMetadata);
  if (view.kind === 'cpd-request-reply') return renderCpdReplyModal(view, privateMetadata);
  if (view.kind === 'cpd-log-form') return renderCpdLogModal(view, privateMetadata);
  if (view.kind === 'statutory-report-form') return renderStatutoryReportModal(view, privateMetadata);
  if (view.kind === 'statutory-reject-form') return renderStatutoryRejectModal(view, privateMetadata);
  if (view.kind === 'impact-follow-up') return renderImpactFollowUpModal(view, privateMetadata);
  if (view.kind === 'long-term-impact') return renderLongTermImpactModal(view, privateMetadata);
  if (view.kind === 'needs-form') return renderNeedsModal(view, privateMetadata);
  if (view.kind === 'settings-form') return renderSettingsModal(view, privateMetadata);
  if (view.kind === 'mentoring-meeting') return renderMentoringMeetingModal(view, privateMetadata);
  if (view.kind === 'progress-review') return renderProgressReviewModal(view, privateMetadata);
  const { blocks, canSubmit } = view.kind === 'questionnaire' ? questionnaireBlocks(view) : gapTaskBlocks(view);
  const modal: BlockKitModal = {
    type: 'modal',
    callback_id: SUBMIT_VERB[view.kind],
    title: plain(TITLE[view.kind], SLACK_LIMITS.modalTitle),
    close: plain(canSubmit ? 'Cancel' : 'Close', SLACK_LIMITS.modalButton),
    private_metadata: privateMetadata,
    blocks: capBlocks(blocks, SLACK_LIMITS.modalBlocks, ''),
  };
  if (canSubmit) modal.submit = plain('Send', SLACK_LIMITS.modalButton);
  return modal;
}
