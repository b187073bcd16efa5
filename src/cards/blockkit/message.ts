import { countOf } from '../format';
import type { CardKind, CardView } from '../views';
import type { KnownBlock } from '@slack/types';
import type { BlockKitMessage } from './block-types';
import { context } from './blocks';
import { cpdBudgetBlocks } from './cpd-budget';
import { cpdRequestBlocks, cpdRequestListBlocks } from './cpd-request';
import { cpdReplyMessageBlocks, cpdRequestFormMessageBlocks } from './cpd-request-form';
import { managerDigestBlocks } from './manager-digest';
import { cpdLogMessageBlocks } from './cpd-log-form';
import { statutoryRejectMessageBlocks, statutoryReportFormMessageBlocks, statutoryReportReviewBlocks } from './statutory-report';
import { gapTaskMessageBlocks } from './gap-task';
import { nudgeBlocks } from './nudge';
import { taskListBlocks } from './task-list';
import { governorsReportBlocks } from './governors-report';
import { impactFollowUpMessageBlocks } from './impact-follow-up';
import { longTermImpactMessageBlocks } from './long-term-impact';
import { mentoringActionBlocks, mentoringMeetingBlocks, mentoringMeetingText, progressReviewBlocks, progressReviewText } from './mentoring';
import { mentoringReflectionBlocks, mentoringReflectionText } from './mentoring-reflection';
import { needsFormMessageBlocks, needsSummaryBlocks, yearAheadTeamBlocks } from './needs';
import { sharedGapPlanBlocks } from './shared-gap-plan';
import { providerReportBlocks, providerSummaryBlocks } from './providers';
import { helpBlocks } from './help';
import { leadDigestBlocks } from './lead-digest';
import { leadReportBlocks } from './lead-report';
import { SLACK_LIMITS, clip, escapeMrkdwn } from './limits';
import { myRecordBlocks } from './my-record';
import { noticeBlocks } from './notice';
import { questionnaireMessageBlocks } from './questionnaire';
import { thankYouBlocks } from './thank-you';
import { registerMessageBlocks } from './register';
import { invitationBlocks } from './invitation';
import { reminderBlocks } from './reminder';
import { sessionListBlocks } from './session-list';
import { sessionCancelBlocks } from './session-cancel';
import { sessionFormMessageBlocks } from './session-form';
import { statutoryComplianceBlocks } from './statutory-compliance';
import { surveyResultsBlocks } from './survey-results';
import { surveyFormMessageBlocks } from './survey-form';
import { fileImportBlocks, setupBlocks, unreachableBlocks } from './setup';
import { fileImportSummary, setupSummary, undeliveredHeadline } from '../wording/setup';
import { settingsHistoryBlocks, settingsMessageBlocks } from './settings';
import { menteesBlocks } from './mentees';
import { inductionDigestBlocks } from './induction-digest';

/** The view whose kind union includes K (GapTaskFormView carries two kinds). */
type ViewOf<K extends CardKind> = CardView extends infer V ? (V extends CardView ? (K extends V['kind'] ? V : never) : never) : never;
type RendererTable = { [K in CardKind]: { blocks: (view: ViewOf<K>) => KnownBlock[]; text: (view: ViewOf<K>) => string } };

/** One renderer per view kind, and the plain text Slack shows in notifications and to screen readers. */
const RENDERERS: RendererTable = {
  invitation: { blocks: invitationBlocks, text: (v) => `CPD session: ${v.session.title}, ${v.session.whenText}` },
  reminder: { blocks: reminderBlocks, text: (v) => `Reminder: ${v.session.title}, ${v.session.whenText}` },
  questionnaire: { blocks: questionnaireMessageBlocks, text: (v) => `${v.isReminder ? 'Reminder: ' : ''}${v.title}` },
  'thank-you': { blocks: thankYouBlocks, text: (v) => `${v.title}: ${v.text}` },
  'gap-plan': { blocks: gapTaskMessageBlocks, text: (v) => `Plan your gap task for ${v.sessionTitle}` },
  'gap-report': { blocks: gapTaskMessageBlocks, text: (v) => `Report on your gap task for ${v.sessionTitle}` },
  nudge: { blocks: nudgeBlocks, text: (v) => `Your gap task for ${v.sessionTitle}: ${v.dueText}` },
  'manager-digest': { blocks: managerDigestBlocks, text: (v) => `CPD digest: ${v.weekText}` },
  'lead-digest': { blocks: leadDigestBlocks, text: (v) => `CPD programme: ${v.weekText}` },
  'lead-report': { blocks: leadReportBlocks, text: (v) => `Session report: ${v.session.title}` },
  'my-record': { blocks: myRecordBlocks, text: (v) => `CPD record: ${v.name}` },
  'session-list': { blocks: sessionListBlocks, text: (v) => (v.sessions.length ? countOf(v.sessions.length, 'upcoming CPD session') : v.emptyText) },
  'task-list': { blocks: taskListBlocks, text: (v) => (v.tasks.length ? countOf(v.tasks.length, 'open gap task') : v.emptyText) },
  help: { blocks: helpBlocks, text: () => 'Twilight commands' },
  notice: { blocks: noticeBlocks, text: (v) => v.notice.text },
  'session-form': { blocks: sessionFormMessageBlocks, text: (v) => (v.sessionId ? 'Edit a CPD session' : 'New CPD session') },
  'session-cancel': { blocks: sessionCancelBlocks, text: (v) => `${v.cancelled ? 'Cancelled' : 'Cancel?'}: ${v.session.title}` },
  'survey-form': { blocks: surveyFormMessageBlocks, text: () => 'New staff survey' },
  'survey-results': { blocks: surveyResultsBlocks, text: (v) => `Survey results: ${v.title}` },
  'cpd-budget': { blocks: cpdBudgetBlocks, text: (v) => `CPD budget ${v.year}` },
  'cpd-request-form': { blocks: cpdRequestFormMessageBlocks, text: () => 'Ask to go on a course' },
  'cpd-request': { blocks: cpdRequestBlocks, text: (v) => (v.notice ? v.notice.text : `CPD request: ${v.courseTitle} (${v.requesterName}), ${v.statusText}`) },
  'cpd-request-reply': { blocks: cpdReplyMessageBlocks, text: (v) => v.courseTitle },
  'cpd-request-list': { blocks: cpdRequestListBlocks, text: (v) => (v.rows.length ? `${v.rows.length} CPD requests` : v.emptyText) },
  'cpd-log-form': { blocks: cpdLogMessageBlocks, text: () => 'Log CPD' },
  'statutory-report-form': { blocks: statutoryReportFormMessageBlocks, text: () => 'Report statutory training' },
  'statutory-report-review': { blocks: statutoryReportReviewBlocks, text: (v) => `${v.personName}: ${v.topic}, ${v.completedOnText}` },
  'statutory-reject-form': { blocks: statutoryRejectMessageBlocks, text: (v) => `${v.personName}: ${v.topic}` },
  'statutory-compliance': { blocks: statutoryComplianceBlocks, text: () => 'Statutory training' },
  'needs-form': { blocks: needsFormMessageBlocks, text: (v) => `The year ahead: ${v.year}` },
  'needs-summary': { blocks: needsSummaryBlocks, text: (v) => `CPD needs: ${v.year}` },
  'year-ahead-team': { blocks: yearAheadTeamBlocks, text: (v) => `Your team's year-ahead reviews: ${v.year}` },
  'gap-plan-shared': { blocks: sharedGapPlanBlocks, text: (v) => `${v.personName} shared their gap-task plan: ${v.sessionTitle}` },
  'provider-report': { blocks: providerReportBlocks, text: (v) => `CPD by provider, ${v.periodText}` },
  'provider-summary': { blocks: providerSummaryBlocks, text: (v) => `Feedback for ${v.provider}` },
  'long-term-impact': { blocks: longTermImpactMessageBlocks, text: (v) => `Longer-term impact: ${v.sessionTitle}` },
  'impact-follow-up': { blocks: impactFollowUpMessageBlocks, text: (v) => `Impact of CPD: ${v.sessionTitle}` },
  'governors-report': { blocks: governorsReportBlocks, text: (v) => `Report to governors: ${v.term}` },
  'file-import': { blocks: fileImportBlocks, text: fileImportSummary },
  setup: { blocks: setupBlocks, text: setupSummary },
  unreachable: { blocks: unreachableBlocks, text: (v) => undeliveredHeadline(v.summary) },
  'settings-form': { blocks: settingsMessageBlocks, text: (v) => `Settings: ${v.title}` },
  'settings-history': { blocks: settingsHistoryBlocks, text: (v) => (v.rows.length ? `Settings history: ${v.rows.length} changes` : v.emptyText) },
  mentees: { blocks: menteesBlocks, text: (v) => `Your mentees: ${countOf(v.mentees.length, 'person', 'people')}` },
  'induction-digest': { blocks: inductionDigestBlocks, text: (v) => `Early-career teachers: ${v.dateText}` },
  'mentoring-meeting': { blocks: mentoringMeetingBlocks, text: mentoringMeetingText },
  'mentoring-action': { blocks: mentoringActionBlocks, text: (v) => `${v.overdue ? 'Overdue' : 'Due'}: ${v.text}` },
  'progress-review': { blocks: progressReviewBlocks, text: progressReviewText },
  'mentoring-reflection': { blocks: mentoringReflectionBlocks, text: mentoringReflectionText },
  register: { blocks: registerMessageBlocks, text: (v) => (v.notice ? `${v.notice.text}: ${v.session.title}` : `Register: ${v.session.title}`) },
};

/** Keeps a block list within a surface's limit, saying how much was left out. */
export function capBlocks(blocks: KnownBlock[], max: number, moreText: string): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(`${blocks.length - kept.length} more blocks not shown. ${moreText}`)];
}

export function renderBlockKitMessage(view: CardView): BlockKitMessage {
  const renderer = RENDERERS[view.kind] as { blocks: (v: CardView) => KnownBlock[]; text: (v: CardView) => string };
  const blocks = capBlocks(renderer.blocks(view), SLACK_LIMITS.messageBlocks, 'Use `/cpd my` or the Home tab for the full list.');
  // Slack reads `text` as mrkdwn too: escaped, so a title cannot smuggle a mention or link into a notification.
  return { text: clip(escapeMrkdwn(renderer.text(view)), SLACK_LIMITS.messageText), blocks };
}
