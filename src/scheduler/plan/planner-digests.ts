import { DateTime } from 'luxon';
import { hasRole, linkHoldsOn, schoolsLedBy, type DeliveryKind, type Staff } from '../../domain';
import { atLocalTime, localDateOf } from '../../domain/school-time';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** This week's digest time (e.g. Monday 07:30 local) and the ISO week it names, e.g. 2026-W48. */
export function digestSlot(input: PlanningInput): { week: string; at: Date } {
  return weekdaySlot(input, input.tenant.settings.digestWeekday);
}

function weekdaySlot(input: PlanningInput, weekday: number): { week: string; at: Date } {
  const { timezone: zone, digestAt } = input.tenant.settings;
  const local = DateTime.fromJSDate(input.now, { zone });
  const day = local.startOf('week').plus({ days: weekday - 1 });
  return { week: day.toFormat("kkkk-'W'WW"), at: atLocalTime(zone, day.toISODate()!, digestAt) };
}

/**
 * The induction tutors' digest is fortnightly, on its own day (`inductionDigestWeekday`) at the
 * digest time: only in even ISO weeks, so its id (kind, person, week) stays deterministic.
 * Undefined in an odd week.
 */
export function inductionDigestSlot(input: PlanningInput): { week: string; at: Date } | undefined {
  const slot = weekdaySlot(input, input.tenant.settings.inductionDigestWeekday);
  return DateTime.fromJSDate(slot.at, { zone: input.tenant.settings.timezone }).weekNumber % 2 === 0 ? slot : undefined;
}

/** Every delivery kind named `…-digest`. */
type DigestKind = Extract<DeliveryKind, `${string}-digest`>;

/**
 * Who gets each digest, of the active staff. Keyed by every digest kind, so a new `…-digest`
 * kind fails to compile until it says who gets it (src/app/README.md, "Add a message kind").
 */
const DIGEST_RECIPIENTS: { [K in DigestKind]: (active: readonly Staff[], input: PlanningInput) => Staff[] } = {
  // Anyone named as someone's line manager.
  'manager-digest': (active) => {
    const managerIds = new Set(active.map((s) => s.lineManagerId).filter((id): id is string => id !== undefined));
    return active.filter((s) => managerIds.has(s.id));
  },
  // The trust's CPD leads (the whole trust), and each school's own lead (their school only: digest-scope.ts).
  'lead-digest': (active, input) => active.filter((s) => hasRole(s, 'cpd-lead') || schoolsLedBy(input.tenant.settings.cpdRequests, s.id).length > 0),
  // Anyone who is induction tutor to an active person today (a current 'induction-tutor' link).
  'induction-digest': (active, input) => {
    const today = localDateOf(input.now, input.tenant.settings.timezone);
    const activeIds = new Set(active.map((s) => s.id));
    const tutorIds = new Set(
      (input.mentoringLinks ?? []).filter((l) => l.role === 'induction-tutor' && activeIds.has(l.menteeId) && linkHoldsOn(l, today)).map((l) => l.mentorId),
    );
    return active.filter((s) => tutorIds.has(s.id));
  },
};
const DIGEST_KINDS = Object.keys(DIGEST_RECIPIENTS) as DigestKind[];

/** A digest's slot this week, or none (a fortnightly digest in its off week); weekly digests share the digest day. */
const DIGEST_SLOTS: Partial<Record<DigestKind, (input: PlanningInput) => { week: string; at: Date } | undefined>> = {
  'induction-digest': inductionDigestSlot,
};

/** Weekly digests to line managers and CPD leads; the fortnightly one to induction tutors. */
export function planDigests(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const active = input.staff.filter((s) => s.active);
  for (const kind of DIGEST_KINDS) {
    const slot = (DIGEST_SLOTS[kind] ?? digestSlot)(input);
    if (!slot || input.now < slot.at) continue;
    const { week, at } = slot;
    for (const recipient of DIGEST_RECIPIENTS[kind](active, input)) {
      // A day late, a digest is stale: the next one follows.
      const d = plannedDelivery(input, { kind, recipientId: recipient.id, subject: { digestWeek: week }, subjectKey: week, at, expiresAt: new Date(at.getTime() + DAY_MS) });
      // Deferred by a whole holiday: the next digest covers it, so skip this one.
      if (new Date(d.dueAt).getTime() < at.getTime() + 7 * DAY_MS) plan.deliveries.push(d);
    }
  }
  return plan;
}
