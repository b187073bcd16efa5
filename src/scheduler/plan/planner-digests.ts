import { DateTime } from 'luxon';
import { hasRole, schoolsLedBy, type DeliveryKind, type Staff } from '../../domain';
import { atLocalTime } from '../../domain/school-time';
import { DAY_MS, emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** This week's digest time (e.g. Monday 07:30 local) and the ISO week it names, e.g. 2026-W48. */
export function digestSlot(input: PlanningInput): { week: string; at: Date } {
  const { timezone: zone, digestWeekday, digestAt } = input.tenant.settings;
  const local = DateTime.fromJSDate(input.now, { zone });
  const day = local.startOf('week').plus({ days: digestWeekday - 1 });
  return { week: day.toFormat("kkkk-'W'WW"), at: atLocalTime(zone, day.toISODate()!, digestAt) };
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
};
const DIGEST_KINDS = Object.keys(DIGEST_RECIPIENTS) as DigestKind[];

/** Weekly digests to line managers (anyone named as someone's line manager) and CPD leads. */
export function planDigests(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const { week, at } = digestSlot(input);
  if (input.now < at) return plan;
  const active = input.staff.filter((s) => s.active);
  const subject = { digestWeek: week };
  const wanted = DIGEST_KINDS.flatMap((kind) => DIGEST_RECIPIENTS[kind](active, input).map((s) => ({ kind, id: s.id })));
  for (const w of wanted) {
    // A day late, a weekly digest is stale: the next one follows.
    const d = plannedDelivery(input, { kind: w.kind, recipientId: w.id, subject, subjectKey: week, at, expiresAt: new Date(at.getTime() + DAY_MS) });
    // Deferred by a whole holiday: next week's digest covers it, so skip this one.
    if (new Date(d.dueAt).getTime() < at.getTime() + 7 * DAY_MS) plan.deliveries.push(d);
  }
  return plan;
}
