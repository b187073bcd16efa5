import { DateTime } from 'luxon';
import { requiredTopicsFor, requirementFor, statutoryKey, type Delivery, type Staff, type Tenant } from '../../domain';
import type { CardView } from '../../cards/views';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { statutoryReviewView } from './statutory-report';

type Composed = Promise<{ view: CardView; text: string } | string>;

/**
 * `statutory-due` (planner-statutory, planStatutoryDue): a required topic with nothing on the
 * person's record. Said nothing if it was recorded since, or is no longer required of them.
 */
export async function composeStatutoryDue(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const topic = delivery.subject.statutoryTopic;
  const requirement = topic ? requirementFor(requiredTopicsFor(recipient, tenant.settings.statutoryTopics), topic) : undefined;
  if (!requirement) return 'topic no longer required';
  const theirs = await deps.store.statutoryTraining.find(tenant.id, { where: { staffId: recipient.id } });
  if (theirs.some((t) => statutoryKey(t.value.topic) === statutoryKey(requirement.topic))) return 'training recorded since';
  const text = `Your ${requirement.topic} training is due: none is on your record (it is renewed every ${requirement.renewalMonths} months). Once you have done it, say "report training" to tell your CPD lead, and send the certificate.`;
  return { view: notice('warning', text, 'Statutory training due'), text };
}

/** `statutory-report`: the lead's card to confirm or reject; nothing once another lead has decided. */
export async function composeStatutoryReport(deps: AppDeps, tenant: Tenant, recipient: Staff, delivery: Delivery): Composed {
  const id = delivery.subject.statutoryReportId;
  const report = id ? (await deps.store.statutoryReports.get(tenant.id, id))?.value : undefined;
  if (!report) return 'report not found';
  if (report.status !== 'reported') return 'report already decided';
  const person = (await deps.store.staff.get(tenant.id, report.staffId))?.value;
  if (!person) return 'person not found';
  const view = await statutoryReviewView(deps, tenant, report, person, recipient.id);
  return { view, text: `${person.name} reported ${report.topic} training: confirm it or not.` };
}

/** `statutory-report-decided`: the person hears whether their report is on the record, and why not. */
export async function composeStatutoryDecided(deps: AppDeps, tenant: Tenant, _recipient: Staff, delivery: Delivery): Composed {
  const id = delivery.subject.statutoryReportId;
  const report = id ? (await deps.store.statutoryReports.get(tenant.id, id))?.value : undefined;
  if (!report || report.status === 'reported') return 'report not decided';
  const day = DateTime.fromISO(report.completedOn, { zone: tenant.settings.timezone }).toFormat('cccc d LLLL yyyy');
  const reason = (report.rejectedReason ?? 'no reason given').replace(/[.\s]+$/, '');
  const text =
    report.status === 'confirmed'
      ? `Your ${report.topic} training of ${day} is confirmed and on your record. Say "my cpd" to see it.`
      : `Your ${report.topic} training of ${day} was not confirmed: "${reason}". Report it again with "report training" once it is put right.`;
  return { view: notice(report.status === 'confirmed' ? 'good' : 'attention', text, 'Statutory training'), text };
}
