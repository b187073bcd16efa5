import { DateTime } from 'luxon';
import type { CardView, ProgressReviewView } from '../../cards/views';
import {
  REVIEW_MENTOR_ROLES,
  REVIEW_OUTCOME_LABELS,
  ProgressReview,
  ReviewOutcome,
  SchoolCalendar,
  currentLinkOf,
  deliveryId,
  hasRole,
  mentoringOverseerOf,
  newDelivery,
  parseReviewTermKey,
  progressReviewId,
  termsOfYear,
  type Staff,
  type Tenant,
} from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { outboxDueAt } from '../../domain/send-exemption';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { linksOf } from '../mentoring';
import { notice } from '../notice';
import { closeReviewMeetings } from './close-review-meetings';
import { dayText } from './meeting-view';
import { keptValues } from './record-input';

type Result = { ok: boolean; view: CardView };
const TERM_NAMES = ['Autumn', 'Spring', 'Summer'] as const;
const AT_RISK_FRESH_MS = 14 * 86_400_000;

export interface ReviewPeople {
  mentee: Staff;
  year: string;
  term: 1 | 2 | 3;
  reviewId: string;
  mentorIds: string[];
  tutorId: string | undefined;
}

/** Whose review it is and who holds it today: the mentee's mentors (any mentoring role) and their induction tutor. */
export async function reviewPeople(deps: AppDeps, tenant: Tenant, menteeId: string, termKey: string): Promise<ReviewPeople | undefined> {
  const term = parseReviewTermKey(termKey);
  const mentee = (await deps.store.staff.get(tenant.id, menteeId))?.value;
  if (!term || !mentee) return undefined;
  const today = localDateOf(deps.clock.now(), tenant.settings.timezone);
  const links = await linksOf(deps, tenant.id, menteeId);
  const mentorIds = REVIEW_MENTOR_ROLES.map((r) => currentLinkOf(links, menteeId, r, today)?.mentorId).filter((id): id is string => id !== undefined);
  return { mentee, ...term, reviewId: progressReviewId(menteeId, term.year, term.term), mentorIds, tutorId: currentLinkOf(links, menteeId, 'induction-tutor', today)?.mentorId };
}

/** Who may see and record a review: the mentee's mentor or induction tutor; the CPD lead sees an at-risk alert sent to them. Not the person, not their line manager. */
function mayReview(people: ReviewPeople, staff: Staff): boolean {
  return people.mentorIds.includes(staff.id) || people.tutorId === staff.id;
}

/** The review card: the term's meetings held against planned, actions completed, the person's reflections, and the review once recorded. */
export async function buildReviewView(deps: AppDeps, tenant: Tenant, people: ReviewPeople, stage: ProgressReviewView['stage'], extra: Pick<ProgressReviewView, 'values' | 'errors' | 'notice'> = {}): Promise<ProgressReviewView> {
  const calendar = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId: tenant.id });
  const term = termsOfYear(calendar, people.year)[people.term - 1]!;
  const [meetingRows, review] = await Promise.all([deps.store.mentoringMeetings.find(tenant.id, { where: { menteeId: people.mentee.id } }), deps.store.progressReviews.get(tenant.id, people.reviewId)]);
  const meetings = meetingRows.map((r) => r.value).filter((m) => m.status !== 'cancelled' && m.kind !== 'progress-review' && term.start <= m.weekStart && m.weekStart <= term.end);
  const held = meetings.filter((m) => m.status === 'held');
  const actions = held.flatMap((m) => m.record?.actions ?? []);
  const recordedBy = review ? (await deps.store.staff.get(tenant.id, review.value.recordedBy))?.value : undefined;
  return {
    kind: 'progress-review',
    menteeId: people.mentee.id,
    reviewTerm: `${people.year}:${people.term}`,
    stage,
    menteeName: people.mentee.name,
    termText: `${TERM_NAMES[people.term - 1]} term ${people.year}`,
    facts: [
      { label: 'Meetings held', value: `${held.length} of ${meetings.length} planned` },
      { label: 'Actions completed', value: `${actions.filter((a) => a.doneAt).length} of ${actions.length}` },
    ],
    reflections: held
      .filter((m) => m.reflection)
      .sort((a, b) => b.weekStart.localeCompare(a.weekStart))
      .map((m) => ({ whenText: dayText(m.record!.heldOn), text: m.reflection!.text })),
    ...(review
      ? { recorded: { outcomeText: REVIEW_OUTCOME_LABELS[review.value.outcome], summary: review.value.summary, byText: `${recordedBy?.name ?? 'Someone no longer here'}, ${DateTime.fromISO(review.value.recordedAt, { zone: tenant.settings.timezone }).toFormat('d LLLL yyyy')}` } }
      : {}),
    state: review ? 'done' : 'open',
    ...extra,
  };
}

async function peopleOr(deps: AppDeps, actor: Actor, menteeId: string, termKey: string): Promise<ReviewPeople | Result> {
  const people = await reviewPeople(deps, actor.tenant, menteeId, termKey);
  if (!people) return { ok: false, view: notice('attention', "I can't find that progress review.") };
  if (!mayReview(people, actor.staff)) return { ok: false, view: notice('attention', 'This progress review is not yours to see.') };
  return people;
}

/** `review.open`: the review form (Slack's modal), or the review once recorded. */
export async function openReview(deps: AppDeps, actor: Actor, menteeId: string, termKey: string): Promise<Result> {
  const people = await peopleOr(deps, actor, menteeId, termKey);
  if ('ok' in people) return people;
  return { ok: true, view: await buildReviewView(deps, actor.tenant, people, 'prompt') };
}

/**
 * `review.submit`: the review, written once (its id is the person's and the term's, so a second
 * press or a racing colleague finds it there). "At risk" tells the induction tutor at once (the CPD
 * lead when none is named); the planner writes the same message if this write is lost.
 */
export async function submitReview(deps: AppDeps, actor: Actor, menteeId: string, termKey: string, inputs: Record<string, unknown>): Promise<Result> {
  const people = await peopleOr(deps, actor, menteeId, termKey);
  if ('ok' in people) return people;
  const existing = await deps.store.progressReviews.get(actor.tenant.id, people.reviewId);
  if (existing) return { ok: true, view: await buildReviewView(deps, actor.tenant, people, 'prompt', { notice: { tone: 'info', text: 'Already recorded; nothing was changed.' } }) };
  const outcome = ReviewOutcome.safeParse(inputs.outcome);
  const summary = typeof inputs.summary === 'string' ? inputs.summary.trim() : '';
  const errors: Record<string, string> = {};
  if (!outcome.success) errors.outcome = 'Choose one.';
  if (!summary) errors.summary = 'Please write a summary.';
  else if (summary.length > 3000) errors.summary = 'Keep this to 3000 characters.';
  if (!outcome.success || Object.keys(errors).length > 0) {
    return { ok: false, view: await buildReviewView(deps, actor.tenant, people, 'prompt', { values: keptValues(inputs), errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } }) };
  }
  const now = deps.clock.now();
  const review = ProgressReview.parse({ tenantId: actor.tenant.id, id: people.reviewId, menteeId, year: people.year, term: people.term, outcome: outcome.data, summary, recordedBy: actor.staff.id, recordedAt: now.toISOString() });
  const created = await deps.store.progressReviews.create(review);
  if (!created.ok) return { ok: true, view: await buildReviewView(deps, actor.tenant, people, 'prompt', { notice: { tone: 'info', text: 'Someone recorded this review at the same moment; theirs is kept.' } }) };
  await closeReviewMeetings(deps, review);
  let told = '';
  if (review.outcome === 'at-risk') {
    const recipient = await atRiskRecipient(deps, actor.tenant, people);
    if (recipient && recipient.id !== actor.staff.id) {
      await deps.store.deliveries.create(await atRiskDelivery(deps, actor.tenant, recipient.id, review));
      told = recipient.id === people.tutorId ? ` ${recipient.name}, the induction tutor, has been told.` : ` No induction tutor is named, so ${recipient.name}, ${leadTitle(actor.tenant, recipient, people.mentee)}, has been told.`;
    }
  }
  return { ok: true, view: await buildReviewView(deps, actor.tenant, people, 'prompt', { notice: { tone: 'good', text: `Recorded.${told}` } }) };
}

/** "the CPD lead", or "Elm Academy's CPD lead" for a school's own lead without the trust role. */
function leadTitle(tenant: Tenant, lead: Staff, mentee: Staff): string {
  if (hasRole(lead, 'cpd-lead')) return 'the CPD lead';
  const school = tenant.schools.find((s) => s.id === mentee.schoolId);
  return school ? `${school.name}'s CPD lead` : 'the CPD lead';
}

/** Who hears of an at-risk review: the induction tutor, else the school's own CPD lead, else the trust's (no silent skip). */
export async function atRiskRecipient(deps: AppDeps, tenant: Tenant, people: ReviewPeople): Promise<Staff | undefined> {
  const tutor = people.tutorId ? (await deps.store.staff.get(tenant.id, people.tutorId))?.value : undefined;
  if (tutor?.active) return tutor;
  const active = (await deps.store.staff.find(tenant.id, { where: { active: true } })).map((r) => r.value);
  return mentoringOverseerOf(tenant, active, people.mentee);
}

export async function atRiskDelivery(deps: AppDeps, tenant: Tenant, recipientId: string, review: ProgressReview) {
  const now = deps.clock.now();
  const calendar = (await deps.store.calendars.get(tenant.id, 'calendar'))?.value ?? SchoolCalendar.parse({ tenantId: tenant.id });
  return newDelivery({
    tenantId: tenant.id,
    kind: 'progress-review-at-risk',
    recipientId,
    subject: { menteeId: review.menteeId, reviewTerm: `${review.year}:${review.term}` },
    subjectKey: review.id,
    dueAt: outboxDueAt(now, now, calendar, tenant.settings.timezone).toISOString(),
    expiresAt: new Date(now.getTime() + AT_RISK_FRESH_MS).toISOString(),
    createdAt: now.toISOString(),
  });
}

export const atRiskDeliveryId = (recipientId: string, reviewId: string): string => deliveryId('progress-review-at-risk', recipientId, reviewId);
