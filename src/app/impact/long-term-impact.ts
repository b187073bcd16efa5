import { z } from 'zod';
import type { CardView } from '../../cards/views';
import type { LongTermImpactView } from '../../cards/views/long-term-impact';
import { GapTask, Id, hasRole, type FieldErrors, type Session } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

/** Part 4 is a senior leader's judgement (docs/policy-sources.md); the CPD lead may record it for them. */
export function mayRecordLongTermImpact(actor: Actor): boolean {
  return hasRole(actor.staff, 'senior-leader') || hasRole(actor.staff, 'cpd-lead');
}

const REFUSED = 'Only senior leaders (and the CPD lead) can record longer-term impact.';

export const LongTermImpactInput = z.object({
  // Not `gapTaskId`: that is a button's target key, which Teams keeps out of the inputs.
  reportedTaskId: Id,
  impact: z.string({ error: 'Please fill this in.' }).trim().min(1, 'Please fill this in.').max(3000, 'Keep this to 3000 characters.'),
});

/** The session's reported gap tasks, each with the person's name (the reader is a senior leader). */
export async function buildLongTermImpactView(deps: AppDeps, actor: Actor, session: Session, extra: Pick<LongTermImpactView, 'values' | 'errors' | 'notice'> = {}): Promise<LongTermImpactView> {
  const tasks = (await deps.store.gapTasks.find(actor.tenant.id, { where: { sessionId: session.id, status: 'reported' } })).map((v) => v.value);
  const names = new Map((await deps.store.staff.find(actor.tenant.id, { where: { id: { in: tasks.map((t) => t.staffId) } } })).map((v) => [v.value.id, v.value.name]));
  return {
    kind: 'long-term-impact',
    sessionId: session.id,
    sessionTitle: session.title,
    tasks: tasks
      .map((t) => ({ gapTaskId: t.id, name: names.get(t.staffId) ?? 'Former member of staff', reportText: t.report?.impactSoFar ?? '', ...(t.longTermImpact ? { longTerm: t.longTermImpact.impact } : {}) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    ...extra,
  };
}

/** `impact.long.open` (from the lead's report) and `impact <session>`. */
export async function openLongTermImpact(deps: AppDeps, actor: Actor, sessionId: string): Promise<{ ok: boolean; view: CardView }> {
  if (!mayRecordLongTermImpact(actor)) return { ok: false, view: notice('attention', REFUSED) };
  const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!session) return { ok: false, view: notice('attention', 'There is no such session.') };
  return { ok: true, view: await buildLongTermImpactView(deps, actor, session) };
}

/** `impact <title>`: the latest past session whose title holds the words given. */
export async function longTermImpactCommand(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
  if (!mayRecordLongTermImpact(actor)) return notice('attention', REFUSED);
  const wanted = titleQuery.trim().toLowerCase();
  if (!wanted) return notice('info', 'Say which session, e.g. "impact retrieval practice".');
  const now = deps.clock.now().toISOString();
  // Latest first, a page at a time, stopping at the first match: years of past sessions are not read whole.
  let session: Session | undefined;
  for await (const { value } of deps.store.sessions.iterate(actor.tenant.id, { where: { startsAt: { lte: now } }, orderBy: { field: 'startsAt', direction: 'desc' } }, { pageSize: 50 })) {
    if (value.title.toLowerCase().includes(wanted)) {
      session = value;
      break;
    }
  }
  if (!session) return notice('info', `I couldn't find a past session called "${titleQuery.trim().slice(0, 100)}".`);
  return buildLongTermImpactView(deps, actor, session);
}

/** `impact.long.submit`: sets gap-task part 4 on one of this session's reported tasks, over the version read. */
export async function submitLongTermImpact(deps: AppDeps, actor: Actor, sessionId: string, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  if (!mayRecordLongTermImpact(actor)) return { ok: false, view: notice('attention', REFUSED) };
  const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!session) return { ok: false, view: notice('attention', 'There is no such session.') };
  const parsed = LongTermImpactInput.safeParse(inputs);
  const values = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).slice(0, 3000)]));
  const refuse = async (errors: FieldErrors) => ({ ok: false, view: await buildLongTermImpactView(deps, actor, session, { values, errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } }) });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'impact')] ??= i.path[0] === 'reportedTaskId' ? 'Choose whose work.' : i.message;
    return refuse(errors);
  }
  const read = await deps.store.gapTasks.get(actor.tenant.id, parsed.data.reportedTaskId);
  if (!read || read.value.sessionId !== session.id || read.value.status !== 'reported') return refuse({ reportedTaskId: 'Choose someone who has reported on this gap task.' });
  const next = GapTask.parse({ ...read.value, longTermImpact: { recordedBy: actor.staff.id, impact: parsed.data.impact, recordedAt: deps.clock.now().toISOString() } });
  const put = await deps.store.gapTasks.put(next, { ifVersion: read.version });
  if (!put.ok) return { ok: false, view: notice('attention', 'Someone changed this gap task at the same moment. Please open it again.') };
  return { ok: true, view: await buildLongTermImpactView(deps, actor, session, { notice: { tone: 'good', text: 'Saved. It shows in their CPD record.' } }) };
}
