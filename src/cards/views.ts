/**
 * View models: plain data that each card builder takes. Use cases produce them; the Adaptive
 * Card renderer (src/cards/adaptive, Teams) and the Block Kit renderer (src/cards/blockkit,
 * Slack) turn each into platform JSON. No platform type appears here. One file per view kind in
 * views/, named as its renderings; this module is their union (and re-exports them all).
 */
import type { CpdBudgetView } from './views/cpd-budget';
import type { CpdLogFormView } from './views/cpd-log-form';
import type { StatutoryRejectFormView, StatutoryReportFormView, StatutoryReportReviewView } from './views/statutory-report';
import type { CpdRequestListView, CpdRequestView } from './views/cpd-request';
import type { CpdRequestFormView, CpdRequestReplyView } from './views/cpd-request-form';
import type { GapTaskFormView } from './views/gap-task';
import type { GovernorsReportView } from './views/governors-report';
import type { HelpView } from './views/help';
import type { ImpactFollowUpView } from './views/impact-follow-up';
import type { InvitationView } from './views/invitation';
import type { LeadDigestView } from './views/lead-digest';
import type { LeadReportView } from './views/lead-report';
import type { ProviderReportView, ProviderSummaryView } from './views/providers';
import type { LongTermImpactView } from './views/long-term-impact';
import type { MentoringActionView, MentoringMeetingView, ProgressReviewView } from './views/mentoring';
import type { MentoringReflectionView } from './views/mentoring-reflection';
import type { ManagerDigestView } from './views/manager-digest';
import type { MyRecordView } from './views/my-record';
import type { NeedsFormView, NeedsSummaryView, YearAheadTeamView } from './views/needs';
import type { SharedGapPlanView } from './views/shared-gap-plan';
import type { NoticeView } from './views/notice';
import type { NudgeView } from './views/nudge';
import type { QuestionnaireView } from './views/questionnaire';
import type { RegisterView } from './views/register';
import type { ReminderView } from './views/reminder';
import type { SessionCancelView } from './views/session-cancel';
import type { SessionFormView } from './views/session-form';
import type { SessionListView } from './views/session-list';
import type { StatutoryComplianceView } from './views/statutory-compliance';
import type { SurveyFormView } from './views/survey-form';
import type { SurveyResultsView } from './views/survey-results';
import type { TaskListView } from './views/task-list';
import type { ThankYouView } from './views/thank-you';
import type { FileImportView, SetupView, UnreachableView } from './views/setup';
import type { SettingsFormView, SettingsHistoryView } from './views/settings';
import type { MenteesView } from './views/mentees';
import type { InductionDigestView } from './views/induction-digest';

export * from './views/common';
export * from './views/notice';
export * from './views/invitation';
export * from './views/reminder';
export * from './views/questionnaire';
export * from './views/thank-you';
export * from './views/gap-task';
export * from './views/nudge';
export * from './views/manager-digest';
export * from './views/lead-digest';
export * from './views/lead-report';
export * from './views/providers';
export * from './views/my-record';
export * from './views/session-list';
export * from './views/task-list';
export * from './views/help';
export * from './views/session-form';
export * from './views/survey-form';
export * from './views/survey-results';
export * from './views/session-cancel';
export * from './views/register';
export * from './views/cpd-request-form';
export * from './views/cpd-log-form';
export * from './views/statutory-report';
export * from './views/cpd-request';
export * from './views/cpd-budget';
export * from './views/statutory-compliance';
export * from './views/governors-report';
export * from './views/impact-follow-up';
export * from './views/long-term-impact';
export * from './views/needs';
export * from './views/shared-gap-plan';
export * from './views/setup';
export * from './views/settings';
export * from './views/mentees';
export * from './views/induction-digest';
export * from './views/mentoring';
export * from './views/mentoring-reflection';

export type CardView =
  | CpdBudgetView
  | CpdRequestFormView
  | CpdRequestView
  | CpdRequestReplyView
  | CpdRequestListView
  | InvitationView
  | ReminderView
  | QuestionnaireView
  | ThankYouView
  | GapTaskFormView
  | NudgeView
  | ManagerDigestView
  | LeadDigestView
  | LeadReportView
  | ProviderReportView
  | ProviderSummaryView
  | MyRecordView
  | SessionListView
  | TaskListView
  | HelpView
  | NoticeView
  | SessionFormView
  | SessionCancelView
  | SurveyFormView
  | SurveyResultsView
  | RegisterView
  | CpdLogFormView
  | StatutoryReportFormView
  | StatutoryReportReviewView
  | StatutoryRejectFormView
  | StatutoryComplianceView
  | GovernorsReportView
  | ImpactFollowUpView
  | LongTermImpactView
  | NeedsFormView
  | NeedsSummaryView
  | YearAheadTeamView
  | SharedGapPlanView
  | FileImportView
  | SetupView
  | UnreachableView
  | SettingsFormView
  | SettingsHistoryView
  | MenteesView
  | InductionDigestView
  | MentoringMeetingView
  | MentoringActionView
  | ProgressReviewView
  | MentoringReflectionView;

export type CardKind = CardView['kind'];

/** The view type of one kind (GapTaskFormView serves two kinds, so a plain Extract is not enough). */
export type ViewOfKind<K extends CardKind> = CardView extends infer V ? (V extends CardView ? (K extends V['kind'] ? V & { kind: K } : never) : never) : never;
