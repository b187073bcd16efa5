import { createHash } from 'node:crypto';
import {
  approvalChainFor,
  CpdRequest,
  CpdRequestDetails,
  cpdRequestId,
  estimatedCostPence,
  parsePounds,
  submitRequest,
  type FieldErrors,
} from '../../domain';
import { CPD_REQUEST_FIELDS } from '../../cards/wording/cpd-request-form';
import type { CardView } from '../../cards/views';
import type { CpdRequestFormView } from '../../cards/views/cpd-request-form';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { announceRequestState } from './request-messages';
import { bookerOf, namesOf } from './request-people';
import { buildCpdRequestView } from './request-view';

export function openCpdRequestForm(extra: Partial<CpdRequestFormView> = {}): CpdRequestFormView {
  return { kind: 'cpd-request-form', ...extra };
}

function textValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of CPD_REQUEST_FIELDS) {
    const v = raw[field.id];
    if (typeof v === 'string' || typeof v === 'number') values[field.id] = String(v).slice(0, 2000);
  }
  return values;
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

export type CheckedForm = { ok: true; details: CpdRequestDetails } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * The form's inputs (Teams card or Slack modal: strings) → the request's details, or every
 * problem at once, keyed by field so each is shown beside its input.
 */
export function checkCpdRequestForm(raw: Record<string, unknown>): CheckedForm {
  const values = textValues(raw);
  const errors: FieldErrors = {};
  const pounds = (id: string, required: boolean): number | undefined => {
    if (blank(values[id])) {
      if (required) errors[id] = 'Please fill this in (0 if free).';
      return required ? undefined : 0;
    }
    const pence = parsePounds(values[id]!);
    if (pence === undefined) errors[id] = 'Give an amount in pounds, e.g. 250 or 249.99.';
    return pence;
  };
  const feePence = pounds('fee', true);
  const travelPence = pounds('travel', false);
  const cover = blank(values.coverHalfDays) ? 0 : Number(values.coverHalfDays);
  const candidate = {
    courseTitle: values.courseTitle ?? '',
    provider: values.provider ?? '',
    ...(blank(values.link) ? {} : { link: values.link!.trim() }),
    startDate: values.startDate ?? '',
    endDate: blank(values.endDate) ? (values.startDate ?? '') : values.endDate!,
    ...(blank(values.startTime) ? {} : { startTime: values.startTime!.trim() }),
    ...(blank(values.endTime) ? {} : { endTime: values.endTime!.trim() }),
    mode: values.mode,
    feePence: feePence ?? 0,
    travelPence: travelPence ?? 0,
    coverHalfDays: cover,
    purpose: values.purpose,
    purposeDetail: values.purposeDetail ?? '',
    intendedImpact: values.intendedImpact ?? '',
  };
  const parsed = CpdRequestDetails.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      // Money fields are typed in pounds: their ids on the form differ from the schema's.
      const field = key === 'feePence' ? 'fee' : key === 'travelPence' ? 'travel' : key;
      errors[field] ??= issue.code === 'invalid_type' || issue.code === 'invalid_value' ? 'Please choose one.' : issue.message;
      if ((field === 'startDate' || field === 'endDate') && blank(values[field])) errors[field] = 'Please give a date.';
    }
  }
  // zod runs the cross-field rules only once every field is valid; say them now too, so all errors come at once.
  if (candidate.startDate && candidate.endDate && candidate.endDate < candidate.startDate) errors.endDate ??= 'The course must end on or after the day it starts.';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors, values };
  return { ok: true, details: parsed.data };
}

/** The same form sent twice (a double press, a retried invoke) is the same request. */
function submissionKey(details: CpdRequestDetails): string {
  return createHash('sha256').update(JSON.stringify(details)).digest('base64url').slice(0, 16);
}

/**
 * `request cpd` submitted: checked, its approval chain worked out from the tenant's settings,
 * stored as submitted, and the first approver's card put in the outbox. Refused forms come back
 * with the person's input and every error beside its field; nothing is written.
 */
export async function submitCpdRequest(deps: AppDeps, actor: Actor, raw: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const checked = checkCpdRequestForm(raw);
  if (!checked.ok) {
    return { ok: false, view: openCpdRequestForm({ values: checked.values, errors: checked.errors, notice: { tone: 'attention', text: 'Please check the answers marked below.' } }) };
  }
  const { tenant, staff } = actor;
  const settings = tenant.settings.cpdRequests;
  const chain = approvalChainFor(settings, { requesterId: staff.id, lineManagerId: staff.lineManagerId, schoolId: staff.schoolId ?? (tenant.kind === 'school' ? tenant.id : undefined) }, estimatedCostPence(checked.details));
  if (!chain.ok) return { ok: false, view: openCpdRequestForm({ values: textValues(raw), notice: { tone: 'attention', text: chain.message } }) };
  const now = deps.clock.now().toISOString();
  const draft = CpdRequest.parse({
    tenantId: tenant.id,
    id: cpdRequestId(staff.id, submissionKey(checked.details)),
    requesterId: staff.id,
    ...(staff.schoolId ? { schoolId: staff.schoolId } : {}),
    details: checked.details,
    status: 'draft',
    createdAt: now,
  });
  const submitted = submitRequest(draft, chain.steps, staff.id, now);
  if (!submitted.ok) return { ok: false, view: notice('attention', submitted.message) };
  const created = await deps.store.cpdRequests.create(submitted.request);
  const stored = created.ok ? created.value : (await deps.store.cpdRequests.get(tenant.id, draft.id))?.value;
  if (!stored) return { ok: false, view: notice('attention', 'Sorry, that could not be saved just now. Nothing was recorded: please try again.') };
  const booker = await bookerOf(deps, tenant);
  // Announced only by the write that created it; a repeat finds the messages already planned.
  if (created.ok) await announceRequestState(deps, stored, booker?.id);
  const first = stored.steps[0]!;
  const names = await namesOf(deps, tenant.id, [first.approverId]);
  const text = created.ok ? `Sent to ${names.get(first.approverId)} for approval. I will tell you at each step.` : 'You have already sent this request.';
  return { ok: true, view: await buildCpdRequestView(deps, tenant, stored, staff, { tone: 'good', text }) };
}
