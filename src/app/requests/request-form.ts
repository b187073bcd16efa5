import { createHash } from 'node:crypto';
import {
  approvalChainFor,
  CpdRequest,
  CpdRequestDetails,
  cpdRequestId,
  dayWindow,
  estimatedCostPence,
  parseCount,
  parseDay,
  parseMoney,
  submitRequest,
  type FieldErrors,
} from '../../domain';
import { localDateOf } from '../../domain/school-time';
import { CPD_REQUEST_FIELDS } from '../../cards/wording/cpd-request-form';
import type { CardView } from '../../cards/views';
import type { CpdRequestFormView } from '../../cards/views/cpd-request-form';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { announceRequestState } from './request-messages';
import { bookerOf, namesOf } from './request-people';
import { buildCpdRequestView } from './request-view';
import { chainPreview, tellLeadsOfMissingApprovers } from './request-chain-preview';

export function openCpdRequestForm(extra: Partial<CpdRequestFormView> = {}): CpdRequestFormView {
  return { kind: 'cpd-request-form', ...extra };
}

/**
 * `request cpd`: the form, saying by name who the request will go to; when the chain needs an
 * approver nobody is set as (a school with no headteacher), the form says so before anything is
 * typed and the CPD leads are told.
 */
export async function openCpdRequestFormFor(deps: AppDeps, actor: Actor): Promise<CpdRequestFormView> {
  const preview = await chainPreview(deps, actor.tenant, actor.staff);
  await tellLeadsOfMissingApprovers(deps, actor.tenant, preview.missing);
  return openCpdRequestForm({ chainText: preview.text, ...(preview.missingText ? { notice: { tone: 'warning', text: preview.missingText } } : {}) });
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

/** A course is asked for up to a year after it started and up to two years ahead. */
const COURSE_YEARS = { back: 1, ahead: 2 } as const;
/** Cover for a course: up to four weeks of half-days. */
export const COVER_HALF_DAYS = { min: 0, max: 40, what: 'half-days' } as const;
const CHOICE_FIELDS = new Set(CPD_REQUEST_FIELDS.filter((f) => f.kind === 'choice').map((f) => f.id));

/**
 * The form's inputs (Teams card or Slack modal: strings) → the request's details, or every
 * problem at once, keyed by field so each is shown beside its input. `today` (the school's
 * day) bounds the course dates.
 */
export function checkCpdRequestForm(raw: Record<string, unknown>, today: string): CheckedForm {
  const values = textValues(raw);
  const errors: FieldErrors = {};
  const pounds = (id: string, required: boolean): number | undefined => {
    if (blank(values[id])) {
      if (required) errors[id] = 'Please fill this in (0 if free).';
      return required ? undefined : 0;
    }
    const money = parseMoney(values[id]!);
    if (!money.ok) errors[id] = money.message;
    return money.ok ? money.value : undefined;
  };
  const window = dayWindow(today, COURSE_YEARS.back, COURSE_YEARS.ahead);
  const day = (id: 'startDate' | 'endDate'): string | undefined => {
    if (blank(values[id])) return undefined;
    const read = parseDay(values[id]!, window);
    if (!read.ok) errors[id] = read.message;
    return read.ok ? read.value : undefined;
  };
  const feePence = pounds('fee', true);
  const travelPence = pounds('travel', false);
  const cover = blank(values.coverHalfDays) ? { ok: true as const, value: 0 } : parseCount(values.coverHalfDays!, COVER_HALF_DAYS);
  if (!cover.ok) errors.coverHalfDays = cover.message;
  const startDate = day('startDate');
  const endDate = day('endDate');
  const candidate = {
    courseTitle: values.courseTitle ?? '',
    provider: values.provider ?? '',
    ...(blank(values.link) ? {} : { link: values.link!.trim() }),
    startDate: startDate ?? values.startDate ?? '',
    endDate: endDate ?? (blank(values.endDate) ? (startDate ?? values.startDate ?? '') : values.endDate!),
    ...(blank(values.startTime) ? {} : { startTime: values.startTime!.trim() }),
    ...(blank(values.endTime) ? {} : { endTime: values.endTime!.trim() }),
    mode: values.mode,
    feePence: feePence ?? 0,
    travelPence: travelPence ?? 0,
    coverHalfDays: cover.ok ? cover.value : 0,
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
      // An empty last day is the first day: whatever is wrong with it is said beside the first day.
      if (field === 'endDate' && blank(values.endDate)) continue;
      // "Please choose one." only where there is something to choose; a typed field gets the rule it broke.
      errors[field] ??= CHOICE_FIELDS.has(field) && (issue.code === 'invalid_type' || issue.code === 'invalid_value') ? 'Please choose one.' : issue.message;
      if (field === 'startDate' && blank(values.startDate)) errors.startDate = 'Please give a date.';
    }
  }
  // zod runs the cross-field rules only once every field is valid; say them now too, so all errors come at once.
  if (startDate && endDate && endDate < startDate) errors.endDate ??= 'The course must end on or after the day it starts.';
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
  const checked = checkCpdRequestForm(raw, localDateOf(deps.clock.now(), actor.tenant.settings.timezone));
  const { tenant, staff } = actor;
  if (!checked.ok) {
    const preview = await chainPreview(deps, tenant, staff);
    return { ok: false, view: openCpdRequestForm({ chainText: preview.text, values: checked.values, errors: checked.errors, notice: { tone: 'attention', text: 'Please check the answers marked below.' } }) };
  }
  // Fail closed: a step nobody fills would let the request be approved without it, so it is not sent (and the leads are told).
  const preview = await chainPreview(deps, tenant, staff, estimatedCostPence(checked.details));
  if (preview.missingText) {
    await tellLeadsOfMissingApprovers(deps, tenant, preview.missing);
    return { ok: false, view: openCpdRequestForm({ chainText: preview.text, values: textValues(raw), notice: { tone: 'attention', text: `Not sent: ${preview.missingText} Your answers are kept: send it once they have.` } }) };
  }
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
