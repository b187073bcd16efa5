import { type CardView } from '../cards/views';
import { CardActionSchema, type CardAction, type CardVerb } from '../cards/actions';
import { cleanTypedValues, parseCount } from '../domain';
import type { Actor } from './people/actor';
import type { AppDeps } from './deps';
import type { OtherCopies } from './card-copies';
import { openGapTask, snoozeNudge, submitGapPlan, submitGapReport } from './gap-tasks/gap-tasks';
import { buildInvitationView } from './sessions/invitation-view';
import { mayRunSession } from './sessions/session-roles';
import { notice } from './notice';
import { cancelSessionFromCard, createSessionFromCard, openSessionForm, updateSessionFromCard } from './sessions/session-card-actions';
import { buildQuestionnaireView, thankYouView } from './questionnaires/questionnaire-view';
import { openRegister, submitRegister } from './register/register';
import { listUpcomingSessions } from './sessions/upcoming-sessions';
import { myRecord } from './reports/report-commands';
import { respondToInvitation } from './sessions/rsvp';
import { submitQuestionnaire } from './questionnaires/submit-questionnaire';
import { sendSurveyFromCard } from './surveys/survey-card-actions';
import { approveRequest, askRequester, cancelCourse, declineRequest, markBooked, openReply, openRequest, withdrawOwnRequest } from './requests/request-decisions';
import { openCpdRequestFormFor, submitCpdRequest } from './requests/request-form';
import { answerAttendance } from './requests/course-attendance';
import { openImpactFollowUp } from './impact/impact-follow-up-view';
import { submitImpactFollowUp } from './impact/submit-impact';
import { openLongTermImpact, submitLongTermImpact } from './impact/long-term-impact';
import { openCpdLogEntry, submitCpdLog } from './records/log-cpd';
import { buildNeedsForm, submitNeeds } from './records/needs';
import { buildStatutoryReportForm, confirmStatutoryReport, openStatutoryReject, rejectStatutoryReport, submitStatutoryReport } from './records/statutory-report';
import { cancelFileImport, confirmFileImport } from './files';
import { openSettingsSection, saveSettingsSection } from './tenants/settings-form';
import { hasRole } from '../domain';
import { markActionDone, openMoveForm, openRecordForm, openReflection, openReview, submitMove, submitRecord, submitReflection, submitReview } from './mentoring-meetings';

/**
 * What a button press gives back: whether it worked, the view for whoever pressed, and the other
 * sent copies of the card it changed (a request's cards), for a platform that updates each copy itself.
 */
export type CardActionResult = { ok: boolean; view: CardView; copies?: OtherCopies };

type Inputs = Record<string, unknown>;
type ActionHandler = (deps: AppDeps, actor: Actor, action: CardAction, inputs: Inputs) => Promise<CardActionResult>;

const MISSING = (what: string): CardActionResult => ({ ok: false, view: notice('attention', `That button is missing its ${what}. Please ask for a fresh card.`) });

const LEADS_ONLY: CardActionResult = { ok: false, view: notice('attention', 'Only a CPD lead can change the settings.') };

async function questionnaireState(deps: AppDeps, actor: Actor, questionnaireId: string): Promise<CardActionResult> {
  const q = (await deps.store.questionnaires.get(actor.tenant.id, questionnaireId))?.value;
  if (!q) return { ok: false, view: notice('attention', "I can't find that questionnaire. It may have been withdrawn.") };
  const view = await buildQuestionnaireView(deps, actor.tenant, q, actor.staff.id);
  return { ok: true, view: view.state === 'answered' ? thankYouView(q) : view };
}

/** Verb → use case. Both bots route Action.Execute verbs and Slack action_ids through this table. */
/** The list a button sat in, as it is now. */
function listView(deps: AppDeps, actor: Actor, from: NonNullable<CardAction['from']>): Promise<CardView> {
  return from === 'session-list' ? listUpcomingSessions(deps, actor) : myRecord(deps, actor);
}

/** An RSVP; pressed on a row of a list (`sessions`, `my cpd`), the answer is the list with that row changed. */
async function rsvp(deps: AppDeps, actor: Actor, action: CardAction, answer: 'yes' | 'no'): Promise<CardActionResult> {
  if (!action.sessionId) return MISSING('session');
  const result = await respondToInvitation(deps, actor, { sessionId: action.sessionId, answer });
  if (!action.from || (!result.ok && result.view.kind === 'notice')) return result;
  // "Can't go" cancelled a booked course: the person reads what happened (who was told), not the list.
  if (result.ok && result.aboutBookedCourse) return { ok: true, view: result.view };
  return { ok: result.ok, view: await listView(deps, actor, action.from) };
}

const HANDLERS: Record<CardVerb, ActionHandler> = {
  'rsvp.yes': (d, a, action) => rsvp(d, a, action, 'yes'),
  'rsvp.no': (d, a, action) => rsvp(d, a, action, 'no'),
  'questionnaire.open': (d, a, action) => (action.questionnaireId ? questionnaireState(d, a, action.questionnaireId) : Promise.resolve(MISSING('questionnaire'))),
  'questionnaire.submit': (d, a, action, inputs) =>
    action.questionnaireId
      ? submitQuestionnaire(d, a, { questionnaireId: action.questionnaireId, raw: inputs, ...(action.sessionId ? { sessionHint: action.sessionId } : {}) })
      : Promise.resolve(MISSING('questionnaire')),
  'gap.plan.open': async (d, a, action) => (action.gapTaskId ? { ok: true, view: await openGapTask(d, a, { gapTaskId: action.gapTaskId, stage: 'plan' }) } : MISSING('gap task')),
  'gap.report.open': async (d, a, action) =>
    action.gapTaskId ? { ok: true, view: await openGapTask(d, a, { gapTaskId: action.gapTaskId, stage: 'report' }) } : MISSING('gap task'),
  'gap.plan.submit': (d, a, action, inputs) => (action.gapTaskId ? submitGapPlan(d, a, { gapTaskId: action.gapTaskId, raw: inputs }) : Promise.resolve(MISSING('gap task'))),
  'gap.report.submit': (d, a, action, inputs) =>
    action.gapTaskId ? submitGapReport(d, a, { gapTaskId: action.gapTaskId, raw: inputs }) : Promise.resolve(MISSING('gap task')),
  'nudge.snooze': async (d, a, action, inputs) => {
    if (!action.gapTaskId) return MISSING('gap task');
    const days = typeof inputs.days === 'string' || typeof inputs.days === 'number' ? parseCount(String(inputs.days), { min: 1, max: 7 }) : undefined;
    return { ok: true, view: await snoozeNudge(d, a, { gapTaskId: action.gapTaskId, ...(days?.ok ? { days: days.value } : {}) }) };
  },
  'session.create': (d, a, _action, inputs) => createSessionFromCard(d, a, inputs),
  'session.form.open': (d, a, action) => openSessionForm(d, a, action.sessionId),
  'session.update': (d, a, action, inputs) => (action.sessionId ? updateSessionFromCard(d, a, action.sessionId, inputs) : Promise.resolve(MISSING('session'))),
  'session.cancel': (d, a, action) => (action.sessionId ? cancelSessionFromCard(d, a, action.sessionId) : Promise.resolve(MISSING('session'))),
  'register.open': (d, a, action) => (action.sessionId ? openRegister(d, a, action.sessionId) : Promise.resolve(MISSING('session'))),
  'register.submit': (d, a, action, inputs) => (action.sessionId ? submitRegister(d, a, { sessionId: action.sessionId, raw: inputs }) : Promise.resolve(MISSING('session'))),
  refresh: async (d, a, action) => {
    if (action.from) return { ok: true, view: await listView(d, a, action.from) };
    // A request card: every copy (requester's and approvers') shows the current state when viewed.
    if (action.requestId) return openRequest(d, a, action.requestId);
    if (action.impactFollowUpId) return openImpactFollowUp(d, a, action.impactFollowUpId);
    if (action.questionnaireId) return questionnaireState(d, a, action.questionnaireId);
    if (action.gapTaskId) {
      const task = (await d.store.gapTasks.get(a.tenant.id, action.gapTaskId))?.value;
      return { ok: true, view: await openGapTask(d, a, { gapTaskId: action.gapTaskId, stage: task?.plan ? 'report' : 'plan' }) };
    }
    if (action.sessionId) {
      const session = (await d.store.sessions.get(a.tenant.id, action.sessionId))?.value;
      // A draft is not announced yet: only those who run it see its card, whoever presses refresh with its id.
      if (session && (session.status !== 'draft' || mayRunSession(a, session))) return { ok: true, view: await buildInvitationView(d, a.tenant, session, a.staff.id) };
    }
    return MISSING('subject');
  },
  'survey.send': (d, a, _action, inputs) => sendSurveyFromCard(d, a, inputs),
  'request.form.open': async (d, a) => ({ ok: true, view: await openCpdRequestFormFor(d, a) }),
  'request.submit': (d, a, _action, inputs) => submitCpdRequest(d, a, inputs),
  'request.open': (d, a, action) => (action.requestId ? openRequest(d, a, action.requestId) : Promise.resolve(MISSING('request'))),
  'request.approve': (d, a, action) => (action.requestId ? approveRequest(d, a, action.requestId) : Promise.resolve(MISSING('request'))),
  'request.decline.open': (d, a, action) => (action.requestId ? openReply(d, a, action.requestId, 'decline') : Promise.resolve(MISSING('request'))),
  'request.decline': (d, a, action, inputs) => (action.requestId ? declineRequest(d, a, action.requestId, inputs) : Promise.resolve(MISSING('request'))),
  'request.ask.open': (d, a, action) => (action.requestId ? openReply(d, a, action.requestId, 'ask') : Promise.resolve(MISSING('request'))),
  'request.ask': (d, a, action, inputs) => (action.requestId ? askRequester(d, a, action.requestId, inputs) : Promise.resolve(MISSING('request'))),
  'request.book.open': (d, a, action) => (action.requestId ? openReply(d, a, action.requestId, 'book') : Promise.resolve(MISSING('request'))),
  'request.book': (d, a, action, inputs) => (action.requestId ? markBooked(d, a, action.requestId, inputs) : Promise.resolve(MISSING('request'))),
  'request.withdraw': (d, a, action) => (action.requestId ? withdrawOwnRequest(d, a, action.requestId) : Promise.resolve(MISSING('request'))),
  'request.cancel': (d, a, action) => (action.requestId ? cancelCourse(d, a, action.requestId) : Promise.resolve(MISSING('request'))),
  'request.attended': (d, a, action) => (action.requestId ? answerAttendance(d, a, action.requestId, 'attended') : Promise.resolve(MISSING('request'))),
  'request.not-attended': (d, a, action) => (action.requestId ? answerAttendance(d, a, action.requestId, 'not-attended') : Promise.resolve(MISSING('request'))),
  'request.course-cancelled': (d, a, action) => (action.requestId ? answerAttendance(d, a, action.requestId, 'course-cancelled') : Promise.resolve(MISSING('request'))),
  'cpd.log.submit': (d, a, action, inputs) => submitCpdLog(d, a, inputs, action.logId),
  'cpd.log.open': (d, a, action) => (action.logId ? openCpdLogEntry(d, a, action.logId) : Promise.resolve(MISSING('entry'))),
  'impact.open': (d, a, action) => (action.impactFollowUpId ? openImpactFollowUp(d, a, action.impactFollowUpId) : Promise.resolve(MISSING('follow-up'))),
  'impact.submit': (d, a, action, inputs) =>
    action.impactFollowUpId ? submitImpactFollowUp(d, a, action.impactFollowUpId, inputs) : Promise.resolve(MISSING('follow-up')),
  'impact.long.open': (d, a, action) => (action.sessionId ? openLongTermImpact(d, a, action.sessionId) : Promise.resolve(MISSING('session'))),
  'impact.long.submit': (d, a, action, inputs) => (action.sessionId ? submitLongTermImpact(d, a, action.sessionId, inputs) : Promise.resolve(MISSING('session'))),
  'needs.submit': (d, a, _action, inputs) => submitNeeds(d, a, inputs),
  'needs.open': async (d, a) => ({ ok: true, view: await buildNeedsForm(d, a) }),
  'file.import': (d, a, action) => (action.fileImportId ? confirmFileImport(d, a, action.fileImportId, {}) : Promise.resolve(MISSING('file'))),
  'file.publish': (d, a, action) => (action.fileImportId ? confirmFileImport(d, a, action.fileImportId, { publish: true }) : Promise.resolve(MISSING('file'))),
  'file.leavers': (d, a, action) => (action.fileImportId ? confirmFileImport(d, a, action.fileImportId, { markLeavers: true }) : Promise.resolve(MISSING('file'))),
  'file.cancel': (d, a, action) => (action.fileImportId ? cancelFileImport(d, a, action.fileImportId) : Promise.resolve(MISSING('file'))),
  'settings.open': (d, a, action) => (hasRole(a.staff, 'cpd-lead') ? openSettingsSection(d, a, action.settingsSection) : Promise.resolve(LEADS_ONLY)),
  'settings.save': (d, a, action, inputs) => (hasRole(a.staff, 'cpd-lead') ? saveSettingsSection(d, a, action.settingsSection, inputs) : Promise.resolve(LEADS_ONLY)),
  'mentoring.record.open': (d, a, action) => (action.mentoringMeetingId ? openRecordForm(d, a, action.mentoringMeetingId) : Promise.resolve(MISSING('meeting'))),
  'mentoring.record.submit': (d, a, action, inputs) => (action.mentoringMeetingId ? submitRecord(d, a, action.mentoringMeetingId, inputs) : Promise.resolve(MISSING('meeting'))),
  'mentoring.move.open': (d, a, action) => (action.mentoringMeetingId ? openMoveForm(d, a, action.mentoringMeetingId) : Promise.resolve(MISSING('meeting'))),
  'mentoring.move.submit': (d, a, action, inputs) => (action.mentoringMeetingId ? submitMove(d, a, action.mentoringMeetingId, inputs) : Promise.resolve(MISSING('meeting'))),
  'mentoring.reflect.open': (d, a, action) => (action.mentoringMeetingId ? openReflection(d, a, action.mentoringMeetingId) : Promise.resolve(MISSING('meeting'))),
  'mentoring.reflect.submit': (d, a, action, inputs) => (action.mentoringMeetingId ? submitReflection(d, a, action.mentoringMeetingId, inputs) : Promise.resolve(MISSING('meeting'))),
  'mentoring.action.done': (d, a, action) =>
    action.mentoringMeetingId && action.mentoringActionId ? markActionDone(d, a, action.mentoringMeetingId, action.mentoringActionId) : Promise.resolve(MISSING('action')),
  'review.open': (d, a, action) => (action.menteeId && action.reviewTerm ? openReview(d, a, action.menteeId, action.reviewTerm) : Promise.resolve(MISSING('review'))),
  'review.submit': (d, a, action, inputs) => (action.menteeId && action.reviewTerm ? submitReview(d, a, action.menteeId, action.reviewTerm, inputs) : Promise.resolve(MISSING('review'))),
  'statutory.report.open': (d, a) => Promise.resolve({ ok: true, view: buildStatutoryReportForm(d, a) }),
  'statutory.report.submit': (d, a, _action, inputs) => submitStatutoryReport(d, a, inputs),
  'statutory.report.confirm': (d, a, action) => (action.statutoryReportId ? confirmStatutoryReport(d, a, action.statutoryReportId) : Promise.resolve(MISSING('report'))),
  'statutory.report.reject.open': (d, a, action) => (action.statutoryReportId ? openStatutoryReject(d, a, action.statutoryReportId) : Promise.resolve(MISSING('report'))),
  'statutory.report.reject': (d, a, action, inputs) => (action.statutoryReportId ? rejectStatutoryReport(d, a, action.statutoryReportId, inputs) : Promise.resolve(MISSING('report'))),
};

/** Parses a button press and runs its use case; a malformed action is answered, never thrown. */
export async function handleCardAction(deps: AppDeps, actor: Actor, action: unknown, inputs: Inputs = {}): Promise<CardActionResult> {
  const parsed = CardActionSchema.safeParse(action);
  if (!parsed.success) return { ok: false, view: notice('attention', "I didn't understand that button. Please ask for a fresh card.") };
  // The one place form input enters: control, bidi and zero-width characters out, invisible-only text empty.
  return HANDLERS[parsed.data.verb](deps, actor, parsed.data, cleanTypedValues(inputs));
}
