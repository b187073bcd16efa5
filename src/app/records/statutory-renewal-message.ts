import { DateTime } from 'luxon';
import { deliveryId, hasRole, schoolsLedBy, type Delivery, type Staff, type Tenant } from '../../domain';
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
    const text = `Your ${training.topic} training ${verb} ${when}. Please book a renewal; your CPD lead has been told too.`;
    return { view: notice('warning', text, 'Statutory training to renew'), text };
  }
  const person = (await deps.store.staff.get(tenant.id, training.staffId))?.value;
  if (!person) return 'person not found';
  const text = `${person.name}'s ${training.topic} training ${verb} ${when}. Say "statutory" to see everyone ${whoseList(tenant, recipient, person)}who is out of date or due.`;
  return { view: notice('warning', text, 'Statutory training to renew'), text };
}
