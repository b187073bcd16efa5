import { DateTime } from 'luxon';
import type { CardView } from '../../cards/views';
import type { CpdLogFormView } from '../../cards/views/cpd-log-form';
import { CPD_LOG_TYPE_LABELS, CpdLogEntry, academicYearOf, cpdLogEntryId } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { checkCpdLogInput } from './log-cpd-input';

function todayFor(deps: AppDeps, actor: Actor): string {
  return DateTime.fromJSDate(deps.clock.now(), { zone: actor.tenant.settings.timezone }).toISODate()!;
}

/** `log cpd`: the empty form, or the person's input with the reasons it was refused. */
export function buildCpdLogForm(deps: AppDeps, actor: Actor, extra: Pick<CpdLogFormView, 'values' | 'errors' | 'notice'> = {}): CpdLogFormView {
  return { kind: 'cpd-log-form', today: todayFor(deps, actor), ...extra };
}

/** Strings only, clipped, so a refused form never echoes an oversized blob. */
function keptValues(inputs: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ['what', 'on', 'hours', 'type', 'learned']) {
    const v = inputs[key];
    if (typeof v === 'string' || typeof v === 'number') values[key] = String(v).slice(0, 3000);
  }
  return values;
}

/**
 * `cpd.log.submit`: the person's own entry, only ever for themselves (the staff id comes from
 * the identity, never the form). A retried submit lands on the same id and logs nothing twice.
 */
export async function submitCpdLog(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const checked = checkCpdLogInput(inputs, todayFor(deps, actor));
  if (!checked.ok) {
    const form = buildCpdLogForm(deps, actor, { values: keptValues(inputs), errors: checked.errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } });
    return { ok: false, view: form };
  }
  const { input } = checked;
  const entry = CpdLogEntry.parse({
    tenantId: actor.tenant.id,
    id: cpdLogEntryId(actor.staff.id, input.on, input.what),
    staffId: actor.staff.id,
    ...input,
    loggedAt: deps.clock.now().toISOString(),
  });
  const created = await deps.store.cpdLog.create(entry);
  if (!created.ok && created.reason !== 'exists') throw new Error(`cpdLog create failed: ${created.reason}`);
  const hours = `${entry.hours} hour${entry.hours === 1 ? '' : 's'}`;
  const what = `"${entry.what}" (${CPD_LOG_TYPE_LABELS[entry.type]}, ${hours})`;
  return created.ok
    ? { ok: true, view: notice('good', `${what} is in your record for ${academicYearOf(entry.on)}. Say "my cpd" to see it.`, 'CPD logged') }
    : { ok: true, view: notice('info', `${what} on that day is already in your record; nothing new was added.`, 'Already logged') };
}
