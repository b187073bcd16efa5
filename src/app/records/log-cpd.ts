import { DateTime } from 'luxon';
import { z } from 'zod';
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
export function buildCpdLogForm(deps: AppDeps, actor: Actor, extra: Pick<CpdLogFormView, 'values' | 'errors' | 'notice' | 'logId'> = {}): CpdLogFormView {
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

const NOT_YOURS = notice('attention', "I can't find that entry in your record. It may have been removed already: say \"my cpd\" to see your record.");

/** The person's own logged entry, or undefined: nobody reaches another person's entries by their id. */
async function ownEntry(deps: AppDeps, actor: Actor, logId: string) {
  const found = await deps.store.cpdLog.get(actor.tenant.id, logId);
  return found && found.value.staffId === actor.staff.id ? found : undefined;
}

/** `cpd.log.open` (Correct on a logged row of `my cpd`): the form filled in with the entry, offering to remove it. */
export async function openCpdLogEntry(deps: AppDeps, actor: Actor, logId: string): Promise<{ ok: boolean; view: CardView }> {
  const found = await ownEntry(deps, actor, logId);
  if (!found) return { ok: false, view: NOT_YOURS };
  const e = found.value;
  return { ok: true, view: buildCpdLogForm(deps, actor, { logId, values: { what: e.what, on: e.on, hours: String(e.hours), type: e.type, learned: e.learned } }) };
}

/** The form's "remove this entry" tick: Teams' toggle sends "true", Slack's checkbox its ticked values. */
const RemoveTick = z.union([z.literal('true'), z.literal(true), z.array(z.string()).transform((v) => v.includes('yes'))]).transform((v) => v === true || v === 'true').catch(false);

const describeEntry = (entry: CpdLogEntry) => `"${entry.what}" (${CPD_LOG_TYPE_LABELS[entry.type]}, ${entry.hours} hour${entry.hours === 1 ? '' : 's'})`;

/**
 * A logged entry corrected or removed by its owner, under its ETag: an edit that crossed with
 * another (a second device) is refused, not overwritten. Removing twice removes once.
 */
async function changeCpdLog(deps: AppDeps, actor: Actor, logId: string, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const found = await ownEntry(deps, actor, logId);
  if (RemoveTick.parse(inputs.remove)) {
    if (!found) return { ok: true, view: notice('info', 'That entry is no longer in your record.', 'Removed') };
    const removed = await deps.store.cpdLog.delete(actor.tenant.id, logId, { ifVersion: found.version });
    if (!removed.ok && removed.reason === 'conflict') return { ok: false, view: buildCpdLogForm(deps, actor, { logId, values: keptValues(inputs), notice: { tone: 'attention', text: 'That entry changed meanwhile. Nothing was removed: please try again.' } }) };
    return { ok: true, view: notice('good', `${describeEntry(found.value)} is no longer in your record.`, 'Removed') };
  }
  if (!found) return { ok: false, view: NOT_YOURS };
  const checked = checkCpdLogInput(inputs, todayFor(deps, actor));
  if (!checked.ok) {
    return { ok: false, view: buildCpdLogForm(deps, actor, { logId, values: keptValues(inputs), errors: checked.errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } }) };
  }
  const corrected = CpdLogEntry.parse({ ...found.value, ...checked.input });
  const written = await deps.store.cpdLog.put(corrected, { ifVersion: found.version });
  if (!written.ok) return { ok: false, view: buildCpdLogForm(deps, actor, { logId, values: keptValues(inputs), notice: { tone: 'attention', text: 'That entry changed meanwhile. Nothing was saved: please try again.' } }) };
  return { ok: true, view: notice('good', `${describeEntry(corrected)} is corrected in your record for ${academicYearOf(corrected.on)}.`, 'CPD corrected') };
}

/**
 * `cpd.log.submit`: the person's own entry, only ever for themselves (the staff id comes from
 * the identity, never the form). A retried submit lands on the same id and logs nothing twice.
 * With `logId`, the entry is corrected or removed instead.
 */
export async function submitCpdLog(deps: AppDeps, actor: Actor, inputs: Record<string, unknown>, logId?: string): Promise<{ ok: boolean; view: CardView }> {
  if (logId) return changeCpdLog(deps, actor, logId, inputs);
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
  const what = describeEntry(entry);
  return created.ok
    ? { ok: true, view: notice('good', `${what} is in your record for ${academicYearOf(entry.on)}. Say "my cpd" to see it, and correct or remove it there.`, 'CPD logged') }
    : { ok: true, view: notice('info', `${what} on that day is already in your record; nothing new was added.`, 'Already logged') };
}
