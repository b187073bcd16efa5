import { DateTime } from 'luxon';
import { deliveryId, hasRole, schoolsLedBy, statutoryRenewalLeads, type Delivery, type StatutoryTraining, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

function dayText(day: string, zone: string): string {
  return DateTime.fromISO(day, { zone }).toFormat('cccc d LLLL yyyy');
}

/** "at <school> " for a school's own lead who is not a trust lead: their `statutory` lists their school only. */
function whoseList(tenant: Tenant, recipient: Staff, person: Staff): string {
  if (hasRole(recipient, 'cpd-lead') || !person.schoolId) return '';
  if (!schoolsLedBy(tenant.settings.cpdRequests, recipient.id).includes(person.schoolId)) return '';
  const school = tenant.schools.find((s) => s.id === person.schoolId);
  return school ? `at ${school.name} ` : '';
}

/**
 * Whether a CPD lead was planned to hear of this renewal too: the leads the planner's rule names
 * (statutoryRenewalLeads) whose copy is in the outbox. None: the person is not told one was.
 */
async function leadWasTold(deps: AppDeps, tenant: Tenant, person: Staff, training: StatutoryTraining): Promise<boolean> {
  const active = (await deps.store.staff.find(tenant.id, { where: { active: true } })).map((r) => r.value);
  for (const lead of statutoryRenewalLeads(tenant, active, person)) {
    if (await deps.store.deliveries.get(tenant.id, deliveryId('statutory-renewal', lead.id, training.id, training.expiresOn))) return true;
  }
  return false;
}

/**
 * The renewal reminder (planner-statutory): to the person, what lapses and when; to a CPD lead,
 * whose (a school's own lead is pointed at their school's list, which is what `statutory` shows
 * them). Training renewed since it was planned (a later expiry) sends nothing.
 */
export async function composeStatutoryRenewal(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Promise<{ view: CardView; text: string } | string> {
  const id = delivery.subject.statutoryTrainingId;
  const training = id ? (await deps.store.statutoryTraining.get(tenant.id, id))?.value : undefined;
  if (!training) return 'statutory training not found';
  // The planner's id carries the expiry day: another expiry now means it was renewed since.
  if (deliveryId('statutory-renewal', delivery.recipientId, training.id, training.expiresOn) !== delivery.id) return 'training renewed since';
  const when = dayText(training.expiresOn, tenant.settings.timezone);
  const lapsed = training.expiresOn < DateTime.fromJSDate(deps.clock.now(), { zone: tenant.settings.timezone }).toISODate()!;
  const verb = lapsed ? 'lapsed on' : 'lapses on';
  if (recipient.id === training.staffId) {
    const told = (await leadWasTold(deps, tenant, recipient, training))
      ? 'Please book a renewal; your CPD lead has been told too.'
      : 'Please book a renewal: no CPD lead is named for your school, so nobody else has been told.';
    const text = `Your ${training.topic} training ${verb} ${when}. ${told}`;
    return { view: notice('warning', text, 'Statutory training to renew'), text };
  }
  const person = (await deps.store.staff.get(tenant.id, training.staffId))?.value;
  if (!person) return 'person not found';
  const text = `${person.name}'s ${training.topic} training ${verb} ${when}. Say "statutory" to see everyone ${whoseList(tenant, recipient, person)}who is out of date or due.`;
  return { view: notice('warning', text, 'Statutory training to renew'), text };
}
