import { DateTime } from 'luxon';
import { requiredTopicsFor, statutoryRenewalLeads, statutoryKey, type Tenant } from '../../domain';
import { atLocalTime } from '../../domain/school-time';
import { emptyPlan, plannedDelivery, type Plan, type PlanningInput } from './planner-types';

/** The reminder goes at the start of the school day, so it is read in school rather than at night. */
const REMINDER_AT = '08:00';
/** Training that lapsed more than this long ago is the lead's compliance list's business, not a message. */
const LAPSED_LOOK_BACK_DAYS = 14;

/** The expiry days the planner must read: from a fortnight ago to the reminder weeks ahead. */
export function statutoryRenewalHorizon(tenant: Tenant, now: Date): { from: string; to: string } {
  const today = DateTime.fromJSDate(now, { zone: tenant.settings.timezone }).startOf('day');
  return { from: today.minus({ days: LAPSED_LOOK_BACK_DAYS }).toISODate()!, to: today.plus({ weeks: tenant.settings.statutoryReminderWeeks }).toISODate()! };
}

/** When training expiring that day is reminded of: N weeks before, at the start of the school day. */
export function renewalReminderAt(tenant: Tenant, expiresOn: string): Date {
  const zone = tenant.settings.timezone;
  const remindOn = DateTime.fromISO(expiresOn, { zone }).minus({ weeks: tenant.settings.statutoryReminderWeeks }).toISODate()!;
  return atLocalTime(zone, remindOn, REMINDER_AT);
}

/**
 * Statutory training about to lapse: N weeks before its expiry (tenant setting, default 4) the
 * person, every trust CPD lead and the person's school's own CPD lead (`school-cpd-lead.<school>`)
 * are told once each. The expiry day is the slot, so renewed training (a new expiry) is reminded
 * again next time and an unchanged one never twice.
 */
export function planStatutoryRenewals(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const { tenant, now } = input;
  const zone = tenant.settings.timezone;
  const horizon = statutoryRenewalHorizon(tenant, now);
  const active = new Map(input.staff.filter((s) => s.active).map((s) => [s.id, s]));
  for (const training of input.statutoryTraining ?? []) {
    if (training.tenantId !== tenant.tenantId || !active.has(training.staffId)) continue;
    if (training.expiresOn < horizon.from || training.expiresOn > horizon.to) continue;
    const at = renewalReminderAt(tenant, training.expiresOn);
    if (now < at) continue;
    // The leads exclude the person and name each lead once (domain/cpd-leads.ts).
    const recipients = [training.staffId, ...statutoryRenewalLeads(tenant, input.staff, active.get(training.staffId)!).map((l) => l.id)];
    for (const recipientId of recipients) {
      plan.deliveries.push(
        plannedDelivery(input, {
          kind: 'statutory-renewal',
          recipientId,
          subject: { statutoryTrainingId: training.id },
          subjectKey: training.id,
          // A reminder that training lapses soon is pointless once it has lapsed (docs/delivery.md).
          expiresAt: atLocalTime(zone, training.expiresOn, REMINDER_AT),
          slot: training.expiresOn,
          at,
        }),
      );
    }
  }
  return plan;
}

/** The first day of the "never recorded" reminder periods: a Monday, so every period starts on one. */
const PERIODS_FROM = '2024-01-01';

/**
 * The reminder period a moment falls in: the reminder weeks (tenant setting) counted in whole
 * periods from a fixed Monday, so every instance plans the same slot. The "due" reminder goes at
 * the start of the school day that opens the period and is pointless once the next one opens.
 */
export function neverRecordedPeriod(tenant: Tenant, now: Date): { slot: string; at: Date; next: Date } {
  const zone = tenant.settings.timezone;
  const weeks = tenant.settings.statutoryReminderWeeks;
  const first = DateTime.fromISO(PERIODS_FROM, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const index = Math.floor(today.diff(first, 'weeks').weeks / weeks);
  const start = first.plus({ weeks: index * weeks }).toISODate()!;
  const nextStart = first.plus({ weeks: (index + 1) * weeks }).toISODate()!;
  return { slot: start, at: atLocalTime(zone, start, REMINDER_AT), next: atLocalTime(zone, nextStart, REMINDER_AT) };
}

/**
 * A required topic with no training recorded (issue 26 item 2): the person is told it is due, once
 * each reminder period (the reminder weeks), until it is recorded. Only once the tenant has some
 * statutory training recorded: before that "never recorded" means "not imported yet", and the
 * lead's `statutory` says so instead of every member of staff being told. Not to the leads: their
 * `statutory` lists everyone never recorded, school by school.
 */
export function planStatutoryDue(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const { tenant, now } = input;
  const training = (input.statutoryTraining ?? []).filter((t) => t.tenantId === tenant.tenantId);
  const requirements = tenant.settings.statutoryTopics;
  if (training.length === 0 || requirements.length === 0) return plan;
  const recorded = new Set(training.map((t) => `${t.staffId}\u0000${statutoryKey(t.topic)}`));
  const period = neverRecordedPeriod(tenant, now);
  if (now < period.at) return plan;
  for (const person of input.staff) {
    if (!person.active || person.tenantId !== tenant.tenantId) continue;
    for (const r of requiredTopicsFor(person, requirements)) {
      if (recorded.has(`${person.id}\u0000${statutoryKey(r.topic)}`)) continue;
      plan.deliveries.push(
        plannedDelivery(input, {
          kind: 'statutory-due',
          recipientId: person.id,
          subject: { statutoryTopic: r.topic },
          subjectKey: `${person.id}:${statutoryKey(r.topic)}`,
          slot: period.slot,
          at: period.at,
          expiresAt: period.next,
        }),
      );
    }
  }
  return plan;
}
