import { DateTime } from 'luxon';
import { hasRole, type Tenant } from '../../domain';
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
 * person and every CPD lead are told once. The expiry day is the slot, so renewed training (a
 * new expiry) is reminded again next time and an unchanged one never twice.
 */
export function planStatutoryRenewals(input: PlanningInput): Plan {
  const plan = emptyPlan();
  const { tenant, now } = input;
  const zone = tenant.settings.timezone;
  const horizon = statutoryRenewalHorizon(tenant, now);
  const active = new Map(input.staff.filter((s) => s.active).map((s) => [s.id, s]));
  const leads = input.staff.filter((s) => s.active && hasRole(s, 'cpd-lead'));
  for (const training of input.statutoryTraining ?? []) {
    if (training.tenantId !== tenant.tenantId || !active.has(training.staffId)) continue;
    if (training.expiresOn < horizon.from || training.expiresOn > horizon.to) continue;
    const at = renewalReminderAt(tenant, training.expiresOn);
    if (now < at) continue;
    const recipients = [training.staffId, ...leads.map((l) => l.id).filter((id) => id !== training.staffId)];
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
