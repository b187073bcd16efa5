import { z } from 'zod';
import type { CardView } from '../../cards/views';
import { ImpactEvidence, ImpactFollowUp, AppliedAnswer, type FieldErrors } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { buildImpactView, impactRoleOf } from './impact-follow-up-view';

const text = (max: number) => z.string({ error: 'Please fill this in.' }).trim().min(1, 'Please fill this in.').max(max, `Keep this to ${max} characters.`);

/** Teams sends a multi-select as "a,b"; Slack's checkboxes arrive as an array. */
const evidenceList = z
  .union([z.array(z.string()), z.string()], { error: 'Choose at least one kind of evidence.' })
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(ImpactEvidence, { error: 'Choose from the list.' }).min(1, 'Choose at least one kind of evidence.'));

export const ImpactPersonInput = z.object({ applied: AppliedAnswer, how: text(2000), pupilChange: text(2000), evidence: evidenceList });
export const ImpactManagerInput = z.object({ view: text(2000) });

function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'how');
    errors[field] ??= field === 'applied' ? 'Choose one.' : issue.message;
  }
  return errors;
}

function kept(inputs: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (typeof v === 'string') out[k] = v.slice(0, 2000);
    else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
  }
  return out;
}

/**
 * `impact.submit`: the person's answer, or their line manager's view once the person has
 * answered. ETag-guarded, so a second press or a racing instance never overwrites an answer.
 */
export async function submitImpactFollowUp(deps: AppDeps, actor: Actor, impactFollowUpId: string, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const role = await impactRoleOf(deps, actor, impactFollowUpId);
  if ('refused' in role) return { ok: false, view: notice('attention', role.refused) };
  const { followUp, stage, version } = role;
  const alreadyDone = stage === 'person' ? followUp.status !== 'asked' : followUp.status === 'reviewed';
  if (alreadyDone) return { ok: true, view: await buildImpactView(deps, actor, role, { notice: { tone: 'info', text: 'Already saved; nothing was changed.' } }) };
  const now = deps.clock.now().toISOString();
  let next: ImpactFollowUp;
  if (stage === 'person') {
    const parsed = ImpactPersonInput.safeParse(inputs);
    if (!parsed.success) return { ok: false, view: await buildImpactView(deps, actor, role, { values: kept(inputs), errors: fieldErrors(parsed.error), notice: { tone: 'attention', text: 'Please check the marked fields.' } }) };
    next = ImpactFollowUp.parse({ ...followUp, status: 'answered', person: { ...parsed.data, submittedAt: now } });
  } else {
    const parsed = ImpactManagerInput.safeParse(inputs);
    if (!parsed.success) return { ok: false, view: await buildImpactView(deps, actor, role, { values: kept(inputs), errors: fieldErrors(parsed.error), notice: { tone: 'attention', text: 'Please check the marked field.' } }) };
    next = ImpactFollowUp.parse({ ...followUp, status: 'reviewed', manager: { managerId: actor.staff.id, view: parsed.data.view, submittedAt: now } });
  }
  const put = await deps.store.impactFollowUps.put(next, { ifVersion: version });
  if (!put.ok) return { ok: false, view: notice('attention', 'Someone saved this follow-up at the same moment. Please open it again.') };
  const thanks = stage === 'person' ? 'Thank you. Your line manager will be asked to add their view.' : 'Thank you. Your view is saved with theirs.';
  return { ok: true, view: await buildImpactView(deps, actor, { ...role, followUp: next }, { notice: { tone: 'good', text: thanks } }) };
}
