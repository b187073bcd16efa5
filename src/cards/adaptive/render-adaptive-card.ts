import { withTeamsVisibleText } from './teams-visible-text';
import type { CardKind, CardView, ViewOfKind } from '../views';
import type { CardContent } from './card-content';
import { actionData, type AdaptiveCard } from './elements';
import { cpdBudgetCard } from './cpd-budget';
import { cpdRequestCard, cpdRequestListCard } from './cpd-request';
import { cpdRequestFormCard, cpdRequestReplyCard } from './cpd-request-form';
import { cpdLogFormCard } from './cpd-log-form';
import { statutoryRejectFormCard, statutoryReportFormCard, statutoryReportReviewCard } from './statutory-report';
import { governorsReportCard } from './governors-report';
import { impactFollowUpCard } from './impact-follow-up';
import { longTermImpactCard } from './long-term-impact';
import { mentoringActionCard, mentoringMeetingCard, progressReviewCard } from './mentoring';
import { mentoringReflectionCard } from './mentoring-reflection';
import { needsFormCard, needsSummaryCard, yearAheadTeamCard } from './needs';
import { sharedGapPlanCard } from './shared-gap-plan';
import { providerReportCard, providerSummaryCard } from './providers';
import { gapTaskFormCard } from './gap-task';
import { helpCard } from './help';
import { invitationCard } from './invitation';
import { leadDigestCard } from './lead-digest';
import { leadReportCard } from './lead-report';
import { managerDigestCard } from './manager-digest';
import { myRecordCard } from './my-record';
import { noticeCard } from './notice';
import { nudgeCard } from './nudge';
import { questionnaireCard } from './questionnaire';
import { registerCard } from './register';
import { reminderCard } from './reminder';
import { sessionCancelCard } from './session-cancel';
import { sessionFormCard } from './session-form';
import { sessionListCard } from './session-list';
import { statutoryComplianceCard } from './statutory-compliance';
import { surveyFormCard } from './survey-form';
import { surveyResultsCard } from './survey-results';
import { taskListCard } from './task-list';
import { thankYouCard } from './thank-you';
import { fileImportCard, setupCard, unreachableCard } from './setup';
import { settingsFormCard, settingsHistoryCard } from './settings';
import { menteesCard } from './mentees';
import { inductionDigestCard } from './induction-digest';

type CardBuilders = { [K in CardKind]: (view: ViewOfKind<K>) => CardContent };

/** One builder per view kind; adding a kind without a builder fails to compile. */
const BUILDERS: CardBuilders = {
  invitation: invitationCard,
  reminder: reminderCard,
  questionnaire: questionnaireCard,
  'thank-you': thankYouCard,
  'gap-plan': gapTaskFormCard,
  'gap-report': gapTaskFormCard,
  nudge: nudgeCard,
  'manager-digest': managerDigestCard,
  'lead-digest': leadDigestCard,
  'lead-report': leadReportCard,
  'my-record': myRecordCard,
  'session-list': sessionListCard,
  'task-list': taskListCard,
  help: helpCard,
  notice: noticeCard,
  'session-form': sessionFormCard,
  'session-cancel': sessionCancelCard,
  'survey-form': surveyFormCard,
  'survey-results': surveyResultsCard,
  register: registerCard,
  'cpd-budget': cpdBudgetCard,
  'cpd-request-form': cpdRequestFormCard,
  'cpd-request': cpdRequestCard,
  'cpd-request-reply': cpdRequestReplyCard,
  'cpd-request-list': cpdRequestListCard,
  'cpd-log-form': cpdLogFormCard,
  'statutory-report-form': statutoryReportFormCard,
  'statutory-report-review': statutoryReportReviewCard,
  'statutory-reject-form': statutoryRejectFormCard,
  'statutory-compliance': statutoryComplianceCard,
  'governors-report': governorsReportCard,
  'impact-follow-up': impactFollowUpCard,
  'long-term-impact': longTermImpactCard,
  'needs-form': needsFormCard,
  'needs-summary': needsSummaryCard,
  'year-ahead-team': yearAheadTeamCard,
  'gap-plan-shared': sharedGapPlanCard,
  'provider-report': providerReportCard,
  'provider-summary': providerSummaryCard,
  'file-import': fileImportCard,
  setup: setupCard,
  unreachable: unreachableCard,
  'settings-form': settingsFormCard,
  'settings-history': settingsHistoryCard,
  mentees: menteesCard,
  'induction-digest': inductionDigestCard,
  'mentoring-meeting': mentoringMeetingCard,
  'mentoring-action': mentoringActionCard,
  'progress-review': progressReviewCard,
  'mentoring-reflection': mentoringReflectionCard,
};

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
/** Teams shows the refreshed card to at most 60 listed users in group chats and channels. */
const MAX_REFRESH_USERS = 60;

export interface RenderOptions {
  /** Teams user ids (29:...) whose client refreshes the card on view; needed in group chats. */
  userIds?: string[];
}

export function buildCardContent(view: CardView): CardContent {
  const build = BUILDERS[view.kind] as (v: CardView) => CardContent;
  return build(view);
}

/** The Adaptive Card 1.5 JSON for a view. Personal cards carry `refresh` so each person sees their own state. */
export function renderAdaptiveCard(view: CardView, options: RenderOptions = {}): AdaptiveCard {
  const content = buildCardContent(view);
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body: content.body,
    fallbackText: content.summary,
    // What a screen reader or voice assistant says for the card: the same one-line summary.
    speak: content.summary,
  };
  if (content.actions && content.actions.length > 0) card.actions = content.actions;
  if (content.refreshWith) {
    card.refresh = {
      action: { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: actionData(content.refreshWith) },
      ...(options.userIds && options.userIds.length > 0 ? { userIds: options.userIds.slice(0, MAX_REFRESH_USERS) } : {}),
    };
  }
  return withTeamsVisibleText(card);
}

/** The notification / screen-reader text for a view. */
export function cardSummary(view: CardView): string {
  return buildCardContent(view).summary;
}
