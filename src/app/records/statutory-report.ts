import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CardView, StatutoryReportFormView, StatutoryReportReviewView } from '../../cards/views';
import {
  expiryAfter,
  hasRole,
  isRealDay,
  LocalDate,
  newDelivery,
  requiredTopicsFor,
  requirementFor,
  StatutoryReport,
  statutoryReportId,
  type FieldErrors,
  type Staff,
  type Tenant,
} from '../../domain';
import { updateWithRetry, upsertWithRetry } from '../../store/update';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import type { Actor } from '../people';
import { leadsCpdFor } from '../tenants';
import { renewStatutoryTraining } from './renew-statutory';

type Result = { ok: boolean; view: CardView };

const dayText = (day: string, zone: string) => DateTime.fromISO(day, { zone }).toFormat('cccc d LLLL yyyy');
const todayIn = (deps: AppDeps, tenant: Tenant) => DateTime.fromJSDate(deps.clock.now(), { zone: tenant.settings.timezone }).toISODate()!;

/** How far back a report may go: the longest renewal a topic may have. */
const OLDEST_YEARS = 10;

const NO_TOPICS = notice('info', 'No statutory training is required here yet: your CPD lead names the topics in "settings statutory".');

/** `report training`: the form, the person's own required topics first, then the others. */
export function buildStatutoryReportForm(deps: AppDeps, actor: Actor, extra: Pick<StatutoryReportFormView, 'values' | 'errors' | 'notice'> = {}): CardView {
  const all = actor.tenant.settings.statutoryTopics;
  if (all.length === 0) return NO_TOPICS;
  const theirs = requiredTopicsFor(actor.staff, all);
  const ordered = [...theirs, ...all.filter((r) => !theirs.includes(r))];
  return { kind: 'statutory-report-form', topics: ordered.map((r) => ({ value: r.topic, label: r.topic })), today: todayIn(deps, actor.tenant), ...extra };
}

const ReportInput = z.object({
  topic: z.string({ error: 'Choose the training.' }).trim().min(1, 'Choose the training.').max(100, 'Choose the training from the list.'),
  completedOn: z.string({ error: 'Choose the day.' }).trim().min(1, 'Choose the day.'),
});

/** The form's input against the settings and today: each problem beside its field. */
function checkReport(tenant: Tenant, raw: Record<string, unknown>, today: string): { ok: true; topic: string; renewalMonths: number; completedOn: string } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const parsed = ReportInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'topic')] ??= issue.message;
    return { ok: false, errors };
  }
  const requirement = requirementFor(tenant.settings.statutoryTopics, parsed.data.topic);
  if (!requirement) errors.topic = `"${parsed.data.topic.slice(0, 60)}" is not one of the statutory topics: choose one from the list.`;
  const day = parsed.data.completedOn;
  if (!LocalDate.safeParse(day).success || !isRealDay(day)) errors.completedOn = `${day.slice(0, 20)} is not a date: choose the day.`;
  else if (day > today) errors.completedOn = 'Report training once it is done: choose today or an earlier day.';
  else if (day < DateTime.fromISO(today).minus({ years: OLDEST_YEARS }).toISODate()!) errors.completedOn = `Choose a day in the last ${OLDEST_YEARS} years.`;
  if (Object.keys(errors).length > 0 || !requirement) return { ok: false, errors };
  return { ok: true, topic: requirement.topic, renewalMonths: requirement.renewalMonths, completedOn: day };
}

/** Strings only, clipped: a refused form never echoes an oversized value. */
const keptValues = (raw: Record<string, unknown>) =>
  Object.fromEntries(['topic', 'completedOn'].flatMap((k) => (typeof raw[k] === 'string' ? [[k, (raw[k] as string).slice(0, 100)]] : [])));

/**
 * Who confirms a person's report: the trust's CPD leads and their school's own lead (issue 26
 * item 5), never the person themselves unless nobody else could.
 */
async function reviewersOf(deps: AppDeps, tenant: Tenant, person: Staff): Promise<string[]> {
  const leads = (await deps.store.staff.find(tenant.id, { where: { active: true } })).map((s) => s.value).filter((s) => hasRole(s, 'cpd-lead'));
  const schoolLead = person.schoolId ? tenant.settings.cpdRequests.cpdLeadBySchool[person.schoolId] : undefined;
  const ids = [...new Set([...leads.map((l) => l.id), ...(schoolLead ? [schoolLead] : [])])];
  const others = ids.filter((id) => id !== person.id);
  return others.length > 0 ? others : ids;
}

/**
 * `statutory.report.submit`: the person's own report (the staff id comes from the identity), kept
 * as waiting and sent to the leads who confirm it. A bad topic or day comes back beside its field
 * with nothing written; the same report again (a retry) is one report.
 */
export async function submitStatutoryReport(deps: AppDeps, actor: Actor, raw: Record<string, unknown>): Promise<Result> {
  const { tenant, staff } = actor;
  const checked = checkReport(tenant, raw, todayIn(deps, tenant));
  if (!checked.ok) {
    const form = buildStatutoryReportForm(deps, actor, { values: keptValues(raw), errors: checked.errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } });
    return { ok: false, view: form };
  }
  const now = deps.clock.now().toISOString();
  const report = StatutoryReport.parse({ tenantId: tenant.id, id: statutoryReportId(staff.id, checked.topic, checked.completedOn), staffId: staff.id, topic: checked.topic, completedOn: checked.completedOn, status: 'reported', reportedAt: now });
  const filed = await fileReport(deps, report);
  if (!filed.ok) return { ok: false, view: notice('attention', 'Your report changed at the same moment. Please send it again.') };
  const what = `${checked.topic} on ${dayText(checked.completedOn, tenant.settings.timezone)}`;
  if (filed.value.status === 'confirmed') return { ok: true, view: notice('info', `${what} is already confirmed and on your record.`, 'Already on your record') };
  const reviewers = await reviewersOf(deps, tenant, staff);
  // Sent even when the report was already there: a retry after a crash between the two writes still
  // reaches the leads; the slot is the report's time, so a report made again after a rejection is sent again.
  for (const recipientId of reviewers) {
    await deps.store.deliveries.create(
      newDelivery({ tenantId: tenant.id, kind: 'statutory-report', recipientId, subject: { statutoryReportId: report.id }, subjectKey: report.id, slot: filed.value.reportedAt, dueAt: now, createdAt: now }),
    );
  }
  if (!filed.changed) return { ok: true, view: notice('info', `You already reported ${what}; it is waiting for your CPD lead.`, 'Already reported') };
  return {
    ok: true,
    view: notice('good', `${what} is reported. It goes on your record once your CPD lead confirms it. To add the certificate, send it here now as a PDF or picture.`, 'Training reported'),
  };
}

/**
 * The report written once: the same report again (a retry) is left as it is; one a lead rejected is
 * reported again (waiting, without the old decision or certificate), under its ETag.
 */
async function fileReport(deps: AppDeps, report: StatutoryReport): Promise<{ ok: true; value: StatutoryReport; changed: boolean } | { ok: false }> {
  const written = await upsertWithRetry(deps.store.statutoryReports, report.tenantId, report.id, (current) => (current === undefined || current.status === 'rejected' ? report : undefined));
  if (!written.ok) return { ok: false };
  const value = written.value ?? (await deps.store.statutoryReports.get(report.tenantId, report.id))?.value;
  return value ? { ok: true, value, changed: written.changed } : { ok: false };
}

/** The report a lead's button names, if this lead may decide it (the trust's lead, or the person's school's own). */
async function reportForLead(deps: AppDeps, actor: Actor, reportId: string) {
  const found = await deps.store.statutoryReports.get(actor.tenant.id, reportId);
  if (!found) return { ok: false as const, view: notice('attention', "I can't find that report. It may have been removed.") };
  const person = (await deps.store.staff.get(actor.tenant.id, found.value.staffId))?.value;
  if (!person || !leadsCpdFor(actor.tenant, actor.staff, person.schoolId)) return { ok: false as const, view: notice('attention', "Only a CPD lead for this person's school can confirm their training.") };
  return { ok: true as const, report: found.value, person };
}

/** The lead's card for a report, as it stands. */
export async function statutoryReviewView(deps: AppDeps, tenant: Tenant, report: StatutoryReport, person: Staff, viewerId: string, extra: Pick<StatutoryReportReviewView, 'notice'> = {}): Promise<StatutoryReportReviewView> {
  const zone = tenant.settings.timezone;
  const requirement = requirementFor(tenant.settings.statutoryTopics, report.topic);
  const decider = report.decidedBy ? (await deps.store.staff.get(tenant.id, report.decidedBy))?.value.name : undefined;
  const outcome =
    report.status === 'confirmed'
      ? `Confirmed by ${decider ?? 'a CPD lead'}: it is on the record.`
      : report.status === 'rejected'
        ? `Not confirmed by ${decider ?? 'a CPD lead'}: ${report.rejectedReason ?? ''}`
        : undefined;
  return {
    kind: 'statutory-report-review',
    reportId: report.id,
    personName: person.name,
    ...(person.schoolId ? { schoolName: tenant.schools.find((s) => s.id === person.schoolId)?.name ?? person.schoolId } : {}),
    topic: report.topic,
    completedOnText: dayText(report.completedOn, zone),
    expiresText: requirement
      ? `Lapses ${dayText(expiryAfter(report.completedOn, requirement.renewalMonths), zone)} (renewed every ${requirement.renewalMonths} months)`
      : 'This topic is no longer required (settings), so it cannot be confirmed.',
    certificateText: report.certificate ? `${report.certificate.fileName} (${report.certificate.type.toUpperCase()}), sent with the report` : 'None sent',
    ...(report.certificate && deps.links ? { certificateUrl: deps.links.statutoryCertificateUrl(tenant.id, report.id, viewerId) } : {}),
    status: report.status,
    ...(outcome ? { outcomeText: outcome } : {}),
    ...extra,
  };
}

async function tellPerson(deps: AppDeps, report: StatutoryReport): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.store.deliveries.create(
    newDelivery({ tenantId: report.tenantId, kind: 'statutory-report-decided', recipientId: report.staffId, subject: { statutoryReportId: report.id }, subjectKey: report.id, slot: `${report.status}-${report.reportedAt}`, dueAt: now, createdAt: now }),
  );
}

/**
 * `statutory.report.confirm`: the report is confirmed under its ETag and its training put on the
 * record (renewed in place). Pressed again, or by a second lead, it says who decided; a confirm
 * that stopped before the record was written finishes it (the renewal is idempotent).
 */
export async function confirmStatutoryReport(deps: AppDeps, actor: Actor, reportId: string): Promise<Result> {
  const found = await reportForLead(deps, actor, reportId);
  if (!found.ok) return found;
  const requirement = requirementFor(actor.tenant.settings.statutoryTopics, found.report.topic);
  if (!requirement) return { ok: false, view: await statutoryReviewView(deps, actor.tenant, found.report, found.person, actor.staff.id) };
  if (found.report.status === 'rejected') return { ok: false, view: await statutoryReviewView(deps, actor.tenant, found.report, found.person, actor.staff.id, { notice: { tone: 'info', text: 'This report was already decided.' } }) };
  const updated = await updateWithRetry(deps.store.statutoryReports, actor.tenant.id, reportId, (r) =>
    r.status !== 'reported' ? undefined : { ...r, status: 'confirmed' as const, decidedBy: actor.staff.id, decidedAt: deps.clock.now().toISOString() },
  );
  if (!updated.ok) return { ok: false, view: notice('attention', 'That report changed at the same moment. Please press Confirm again.') };
  if (updated.value.status === 'rejected') return { ok: false, view: await statutoryReviewView(deps, actor.tenant, updated.value, found.person, actor.staff.id, { notice: { tone: 'info', text: 'This report was already decided.' } }) };
  const renewed = await renewStatutoryTraining(deps, actor.tenant.id, found.person.id, requirement, updated.value.completedOn);
  if (!renewed.ok) return { ok: false, view: notice('attention', "The person's record changed at the same moment. Please press Confirm again.") };
  await tellPerson(deps, updated.value);
  const text = updated.changed ? `Confirmed: ${found.person.name}'s ${requirement.topic} is on the record.` : 'This report was already confirmed.';
  return { ok: true, view: await statutoryReviewView(deps, actor.tenant, updated.value, found.person, actor.staff.id, { notice: { tone: updated.changed ? 'good' : 'info', text } }) };
}

/** `statutory.report.reject.open`: the reason form. */
export async function openStatutoryReject(deps: AppDeps, actor: Actor, reportId: string): Promise<Result> {
  const found = await reportForLead(deps, actor, reportId);
  if (!found.ok) return found;
  if (found.report.status !== 'reported') return { ok: false, view: await statutoryReviewView(deps, actor.tenant, found.report, found.person, actor.staff.id, { notice: { tone: 'info', text: 'This report was already decided.' } }) };
  return { ok: true, view: { kind: 'statutory-reject-form', reportId, personName: found.person.name, topic: found.report.topic, completedOnText: dayText(found.report.completedOn, actor.tenant.settings.timezone) } };
}

const Reason = z.string({ error: 'Give a reason: the person is told it.' }).trim().min(1, 'Give a reason: the person is told it.').max(500, 'Keep the reason to 500 characters.');

/** `statutory.report.reject`: not confirmed, with the reason the person is told; nothing reaches the record. */
export async function rejectStatutoryReport(deps: AppDeps, actor: Actor, reportId: string, raw: Record<string, unknown>): Promise<Result> {
  const found = await reportForLead(deps, actor, reportId);
  if (!found.ok) return found;
  const reason = Reason.safeParse(raw.reason);
  const zone = actor.tenant.settings.timezone;
  if (!reason.success) {
    const kept = typeof raw.reason === 'string' ? { values: { reason: raw.reason.slice(0, 500) } } : {};
    return {
      ok: false,
      view: { kind: 'statutory-reject-form', reportId, personName: found.person.name, topic: found.report.topic, completedOnText: dayText(found.report.completedOn, zone), errors: { reason: reason.error.issues[0]!.message }, ...kept },
    };
  }
  const updated = await updateWithRetry(deps.store.statutoryReports, actor.tenant.id, reportId, (r) =>
    r.status !== 'reported' ? undefined : { ...r, status: 'rejected' as const, decidedBy: actor.staff.id, decidedAt: deps.clock.now().toISOString(), rejectedReason: reason.data },
  );
  if (!updated.ok) return { ok: false, view: notice('attention', 'That report changed at the same moment. Please try again.') };
  if (!updated.changed) return { ok: false, view: await statutoryReviewView(deps, actor.tenant, updated.value, found.person, actor.staff.id, { notice: { tone: 'info', text: 'This report was already decided.' } }) };
  await tellPerson(deps, updated.value);
  return { ok: true, view: await statutoryReviewView(deps, actor.tenant, updated.value, found.person, actor.staff.id, { notice: { tone: 'good', text: `${found.person.name} is told it was not confirmed, and why.` } }) };
}
