import { z } from 'zod';
import { Id } from '../domain';

/**
 * The buttons: every verb a card can send back and the action schema that parses it. The view
 * models (views.ts) say what a card shows; this file says what pressing it means.
 */

/** Every button's meaning. Platforms route Action.Execute verbs / Slack action_ids through this table. */
export const CARD_VERBS = [
  'rsvp.yes',
  'rsvp.no',
  'questionnaire.open',
  'questionnaire.submit',
  'gap.plan.open',
  'gap.plan.submit',
  'gap.report.open',
  'gap.report.submit',
  'nudge.snooze',
  'session.create',
  'session.form.open',
  'session.update',
  'session.cancel',
  'register.open',
  'register.submit',
  'refresh',
  'survey.send',
  'request.form.open',
  'request.submit',
  'request.open',
  'request.approve',
  'request.decline.open',
  'request.decline',
  'request.ask.open',
  'request.ask',
  'request.book.open',
  'request.book',
  'request.withdraw',
  'request.cancel',
  'request.attended',
  'request.not-attended',
  'request.course-cancelled',
  'cpd.log.submit',
  'cpd.log.open',
  'impact.open',
  'impact.submit',
  'impact.long.open',
  'impact.long.submit',
  'needs.submit',
  'needs.open',
  'file.import',
  'file.publish',
  'file.leavers',
  'file.cancel',
  'settings.open',
  'settings.save',
  'mentoring.record.open',
  'mentoring.record.submit',
  'mentoring.move.open',
  'mentoring.move.submit',
  'mentoring.reflect.open',
  'mentoring.reflect.submit',
  'mentoring.action.done',
  'review.open',
  'review.submit',
  'statutory.report.open',
  'statutory.report.submit',
  'statutory.report.confirm',
  'statutory.report.reject.open',
  'statutory.report.reject',
] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

/** The verbs that send a form's inputs (Teams: `withInputs`; Slack: a modal's callback_id). */
export const SUBMIT_VERBS = [
  'questionnaire.submit',
  'gap.plan.submit',
  'gap.report.submit',
  'session.create',
  'session.update',
  'register.submit',
  'survey.send',
  'request.submit',
  'request.decline',
  'request.ask',
  'request.book',
  'cpd.log.submit',
  'impact.submit',
  'impact.long.submit',
  'needs.submit',
  'settings.save',
  'mentoring.record.submit',
  'mentoring.move.submit',
  'mentoring.reflect.submit',
  'review.submit',
  'statutory.report.submit',
  'statutory.report.reject',
] as const satisfies readonly CardVerb[];
export type SubmitVerb = (typeof SUBMIT_VERBS)[number];

/**
 * What a button carries back: the verb and the ids it acts on, parsed before anything acts on it.
 * Never a tenant id: that comes from the identity.
 */
export const CardActionSchema = z.object({
  verb: z.enum(CARD_VERBS),
  sessionId: Id.optional(),
  questionnaireId: Id.optional(),
  gapTaskId: Id.optional(),
  requestId: Id.optional(),
  /** The list the button sits in: the answer is that list again, with the row changed. */
  from: z.enum(['session-list', 'my-record']).optional(),
  impactFollowUpId: Id.optional(),
  /** A logged CPD entry of the person's own (correct or remove it). */
  logId: Id.optional(),
  /** A file sent to the bot, waiting for Import or Cancel. */
  fileImportId: Id.optional(),
  /** A section of `settings`: a group, with ":2" for a page of a long one. */
  settingsSection: z.string().regex(/^[a-z]+(:\d{1,3})?$/).optional(),
  /** A mentoring meeting, and an action agreed at it (docs/mentoring.md). */
  mentoringMeetingId: Id.optional(),
  mentoringActionId: Id.optional(),
  /** A progress review: whose, and which term ("2026-27:1"). */
  menteeId: Id.optional(),
  reviewTerm: z.string().regex(/^\d{4}-\d{2}:[1-3]$/).optional(),
  /** Statutory training a person reported, for a lead to confirm or reject. */
  statutoryReportId: Id.optional(),
});
export type CardAction = z.infer<typeof CardActionSchema>;

/** What a button may carry besides its verb (the ids it acts on, the list it sits in); every other key of a submitted card is a form input. */
export const CARD_ACTION_TARGETS = Object.keys(CardActionSchema.shape).filter((key) => key !== 'verb') as Exclude<keyof CardAction, 'verb'>[];
