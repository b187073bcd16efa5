import {
  currentLinkOf,
  deliveryId,
  fallbackReviewWeek,
  meetingMentorId,
  mentoringGapLeads,
  mentoringOverseerOf,
  progressReviewId,
  reviewMentorId,
  reviewTermKey,
  reflectionNotice,
  reviewTermOn,
  type Delivery,
  type MentoringMeeting,
  type Staff,
} from '../../domain';
import { addLocalDays, atLocalTime, localDateOf } from '../../domain/school-time';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** Mentoring messages go at the start of the school day, as statutory reminders do. */
const AT = '08:00';
/** A record not reflected on within four weeks is not pressed on the mentee. */
const RECORD_FRESH_MS = 28 * DAY_MS;

const MENTORING_KINDS: ReadonlySet<Delivery['kind']> = new Set(['mentoring-reminder', 'mentoring-record', 'mentoring-action-nudge', 'progress-review-prompt']);

function activeStaff(input: PlanningInput): Map<string, Staff> {
  return new Map(input.staff.filter((s) => s.active).map((s) => [s.id, s]));
}

/** Who is told what is missing: the school's own CPD lead, and the trust's when that lead cannot name a supporter (domain/cpd-leads.ts). */
const gapLeadsFor = (input: PlanningInput, person: Staff | undefined): Staff[] => mentoringGapLeads(input.tenant, input.staff, person);

/** When a meeting's week is reminded of: its Monday at the start of the school day; pointless once the week is over. */
export function meetingReminderTimes(input: PlanningInput, meeting: Pick<MentoringMeeting, 'weekStart'>): { at: Date; until: Date } {
  const zone = input.tenant.settings.timezone;
  return { at: atLocalTime(zone, meeting.weekStart, AT), until: atLocalTime(zone, addLocalDays(meeting.weekStart, 7), '00:00') };
}

/** An agreed action's nudges: on its due day, then a week later if still not done; each pointless once the next is due. */
export function actionNudgeSteps(input: PlanningInput, dueOn: string): { slot: 'due' | 'overdue'; at: Date; until: Date }[] {
  const zone = input.tenant.settings.timezone;
  const due = atLocalTime(zone, dueOn, AT);
  const overdue = atLocalTime(zone, addLocalDays(dueOn, 7), AT);
  return [
    { slot: 'due', at: due, until: overdue },
    { slot: 'overdue', at: overdue, until: atLocalTime(zone, addLocalDays(dueOn, 14), AT) },
  ];
}

function planMeeting(input: PlanningInput, meeting: MentoringMeeting, people: Map<string, Staff>, plan: Plan): void {
  const { now } = input;
  const today = localDateOf(now, input.tenant.settings.timezone);
  const subject = { mentoringMeetingId: meeting.id };
  if (meeting.status === 'planned') {
    const { at, until } = meetingReminderTimes(input, meeting);
    if (now < at || now >= until) return;
    const mentee = people.get(meeting.menteeId);
    if (!mentee) return;
    const mentorId = meetingMentorId(meeting, input.mentoringLinks ?? [], today);
    // A review's mentor is asked by the review prompt instead (planProgressReviews); the mentee still hears of the meeting.
    const recipients = [mentee.id, ...(mentorId && people.has(mentorId) && meeting.kind !== 'progress-review' ? [mentorId] : [])];
    for (const recipientId of recipients) {
      // The week is the slot: a meeting moved to another week is reminded of again then.
      plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-reminder', recipientId, subject, subjectKey: meeting.id, slot: meeting.weekStart, at, expiresAt: until }));
    }
    if (!mentorId || !people.has(mentorId)) {
      for (const lead of gapLeadsFor(input, mentee)) {
        plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-gap', recipientId: lead.id, subject: { ...subject, mentoringGap: 'mentor' }, subjectKey: meeting.id, slot: `mentor:${meeting.weekStart}`, at, expiresAt: until }));
      }
    }
    return;
  }
  if (meeting.status !== 'held' || !meeting.record || !people.has(meeting.menteeId)) return;
  // The mentor hears of the reflection (written with it; here again should that write be lost), if they still hold the meeting.
  const reflected = reflectionNotice(meeting);
  if (reflected && now < reflected.until && people.has(reflected.mentorId) && meetingMentorId(meeting, input.mentoringLinks ?? [], today) === reflected.mentorId) {
    plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-reflection', recipientId: reflected.mentorId, subject, subjectKey: meeting.id, at: reflected.at, expiresAt: reflected.until }));
  }
  const recordedAt = new Date(meeting.record.recordedAt);
  if (!meeting.reflection && now < new Date(recordedAt.getTime() + RECORD_FRESH_MS)) {
    plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-record', recipientId: meeting.menteeId, subject, subjectKey: meeting.id, at: recordedAt, expiresAt: new Date(recordedAt.getTime() + RECORD_FRESH_MS) }));
  }
  for (const action of meeting.record.actions) {
    if (action.doneAt) continue;
    const step = actionNudgeSteps(input, action.dueOn).find((s) => now >= s.at && now < s.until);
    if (!step) continue;
    plan.deliveries.push(
      plannedDelivery(input, {
        kind: 'mentoring-action-nudge',
        recipientId: meeting.menteeId,
        subject: { ...subject, mentoringActionId: action.id },
        subjectKey: `${meeting.id}:${action.id}`,
        slot: step.slot,
        at: step.at,
        expiresAt: step.until,
      }),
    );
  }
}

/** When an early-career teacher's review for the term now is due: its review meeting's week, else the term's last weeks. */
export function progressReviewTiming(input: PlanningInput, menteeId: string): { key: string; reviewId: string; at: Date; until: Date; meeting?: MentoringMeeting } {
  const zone = input.tenant.settings.timezone;
  const term = reviewTermOn(input.calendar, localDateOf(input.now, zone));
  const meeting = (input.mentoringMeetings ?? [])
    .filter((m) => m.menteeId === menteeId && m.kind === 'progress-review' && m.status !== 'cancelled' && term.start <= m.weekStart && m.weekStart <= term.end)
    .sort((a, b) => a.weekStart.localeCompare(b.weekStart))[0];
  const week = meeting?.weekStart ?? fallbackReviewWeek(term);
  return {
    key: reviewTermKey(term),
    reviewId: progressReviewId(menteeId, term.year, term.term),
    at: atLocalTime(zone, week, AT),
    // Still worth asking for two weeks after the term ends (the holiday); then it is the induction tutor's digest's business.
    until: atLocalTime(zone, addLocalDays(term.end, 15), '00:00'),
    ...(meeting ? { meeting } : {}),
  };
}

/**
 * For each early-career teacher (pathway `ect`), once a term: the review prompt to their mentor and
 * their induction tutor, until the review is recorded. Someone missing is said to the CPD lead.
 */
function planProgressReviews(input: PlanningInput, people: Map<string, Staff>, plan: Plan): void {
  const { now } = input;
  const today = localDateOf(now, input.tenant.settings.timezone);
  const recorded = new Set((input.progressReviews ?? []).map((r) => r.id));
  const links = input.mentoringLinks ?? [];
  for (const ect of [...people.values()].filter((s) => s.pathway === 'ect')) {
    const timing = progressReviewTiming(input, ect.id);
    if (recorded.has(timing.reviewId) || now < timing.at || now >= timing.until) continue;
    const subject = { menteeId: ect.id, reviewTerm: timing.key };
    const mentorId = reviewMentorId(links, ect.id, today, timing.meeting);
    const tutorId = currentLinkOf(links, ect.id, 'induction-tutor', today)?.mentorId;
    const common = { subjectKey: timing.reviewId, at: timing.at, expiresAt: timing.until };
    for (const recipientId of new Set([mentorId, tutorId].filter((id): id is string => id !== undefined && people.has(id)))) {
      plan.deliveries.push(plannedDelivery(input, { kind: 'progress-review-prompt', recipientId, subject, ...common }));
    }
    for (const lead of gapLeadsFor(input, ect)) {
      if (!mentorId || !people.has(mentorId)) plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-gap', recipientId: lead.id, subject: { ...subject, mentoringGap: 'mentor' }, slot: 'review-mentor', ...common }));
      if (!tutorId || !people.has(tutorId)) plan.deliveries.push(plannedDelivery(input, { kind: 'mentoring-gap', recipientId: lead.id, subject: { ...subject, mentoringGap: 'induction-tutor' }, slot: 'review-tutor', ...common }));
    }
  }
}

/** An at-risk review tells the induction tutor (when none is named, the school's own CPD lead, else the trust's); written at once by the review, and here again should that write have been lost (same id). */
function planAtRisk(input: PlanningInput, people: Map<string, Staff>, plan: Plan): void {
  const today = localDateOf(input.now, input.tenant.settings.timezone);
  for (const review of input.progressReviews ?? []) {
    const at = new Date(review.recordedAt);
    if (review.outcome !== 'at-risk' || input.now.getTime() >= at.getTime() + 14 * DAY_MS) continue;
    const tutorId = currentLinkOf(input.mentoringLinks ?? [], review.menteeId, 'induction-tutor', today)?.mentorId;
    const recipient = (tutorId ? people.get(tutorId) : undefined) ?? mentoringOverseerOf(input.tenant, input.staff, people.get(review.menteeId));
    if (!recipient || recipient.id === review.recordedBy) continue;
    plan.deliveries.push(
      plannedDelivery(input, { kind: 'progress-review-at-risk', recipientId: recipient.id, subject: { menteeId: review.menteeId, reviewTerm: `${review.year}:${review.term}` }, subjectKey: review.id, at, expiresAt: new Date(at.getTime() + 14 * DAY_MS) }),
    );
  }
}

/** Pending mentoring messages no longer wanted: a meeting recorded or moved, a record reflected on, an action done, a review recorded. */
function cancelReason(input: PlanningInput, d: Delivery, meetings: Map<string, MentoringMeeting>): string | undefined {
  if (!MENTORING_KINDS.has(d.kind)) return undefined;
  if (d.kind === 'progress-review-prompt') {
    const key = d.subject.reviewTerm;
    if (!d.subject.menteeId || !key) return undefined;
    const [year, term] = key.split(':');
    return (input.progressReviews ?? []).some((r) => r.id === progressReviewId(d.subject.menteeId!, year!, Number(term))) ? 'review recorded' : undefined;
  }
  const meeting = d.subject.mentoringMeetingId ? meetings.get(d.subject.mentoringMeetingId) : undefined;
  if (!meeting) return undefined;
  if (d.kind === 'mentoring-reminder') {
    if (meeting.status !== 'planned') return meeting.status === 'held' ? 'meeting recorded' : 'meeting cancelled';
    return d.id !== deliveryId('mentoring-reminder', d.recipientId, meeting.id, meeting.weekStart) ? 'meeting moved' : undefined;
  }
  if (d.kind === 'mentoring-record') return meeting.reflection ? 'already reflected on' : undefined;
  const action = meeting.record?.actions.find((a) => a.id === d.subject.mentoringActionId);
  return action?.doneAt ? 'action done' : undefined;
}

/** Every mentoring rule (docs/mentoring.md, "In chat"): reminders, records, action nudges, progress reviews, and what they no longer want. */
export function planMentoring(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const people = activeStaff(input);
  const meetings = new Map((input.mentoringMeetings ?? []).filter((m) => m.tenantId === input.tenant.tenantId).map((m) => [m.id, m]));
  for (const meeting of meetings.values()) planMeeting(input, meeting, people, plan);
  planProgressReviews(input, people, plan);
  planAtRisk(input, people, plan);
  for (const d of input.pending) {
    const reason = d.status === 'pending' ? cancelReason(input, d, meetings) : undefined;
    if (reason) plan.cancellations.push({ ...d, status: 'cancelled', lastError: reason });
  }
  return plan;
}

/** The instants at which a mentoring rule next plans something new or stops (for tenantWakeAt). */
export function mentoringWakeTimes(input: PlanningInput): Date[] {
  const out: Date[] = [];
  for (const meeting of input.mentoringMeetings ?? []) {
    if (meeting.status === 'planned') {
      const { at, until } = meetingReminderTimes(input, meeting);
      out.push(at, until);
    }
    if (meeting.record) {
      out.push(new Date(Date.parse(meeting.record.recordedAt) + RECORD_FRESH_MS));
      for (const action of meeting.record.actions) if (!action.doneAt) for (const step of actionNudgeSteps(input, action.dueOn)) out.push(step.at, step.until);
    }
  }
  for (const ect of input.staff.filter((s) => s.active && s.pathway === 'ect')) {
    const timing = progressReviewTiming(input, ect.id);
    out.push(timing.at, timing.until);
  }
  return out;
}
