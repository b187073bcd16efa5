import { z } from 'zod';
import type { CardView } from '../../cards/views';
import type { LongTermImpactView } from '../../cards/views/long-term-impact';
import { GapTask, Id, gapTaskId, hasRole, type FieldErrors, type Session } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';

/** Part 4 for others is a senior leader's judgement (docs/policy-sources.md); the CPD lead may record it for them. */
export function mayRecordLongTermImpact(actor: Actor): boolean {
  return hasRole(actor.staff, 'senior-leader') || hasRole(actor.staff, 'cpd-lead');
}

const REFUSED = 'Only senior leaders (and the CPD lead) can record longer-term impact for others. For your own gap task, say "impact <session title>".';

export const LongTermImpactInput = z.object({
  // Not `gapTaskId`: that is a button's target key, which Teams keeps out of the inputs.
  reportedTaskId: Id,
  impact: z.string({ error: 'Please fill this in.' }).trim().min(1, 'Please fill this in.').max(3000, 'Keep this to 3000 characters.'),
});

type Extra = Pick<LongTermImpactView, 'values' | 'errors' | 'notice'>;

/** Who wrote a part 4, by name, for "say who wrote it". */
async function namesOf(deps: AppDeps, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  return new Map((await deps.store.staff.find(tenantId, { where: { id: { in: unique } } })).map((v) => [v.value.id, v.value.name]));
}

function taskRow(t: GapTask, names: Map<string, string>): LongTermImpactView['tasks'][number] {
  return {
    gapTaskId: t.id,
    name: names.get(t.staffId) ?? 'Former member of staff',
    reportText: t.report?.impactSoFar ?? '',
    ...(t.longTermImpact ? { longTerm: t.longTermImpact.impact, longTermBy: names.get(t.longTermImpact.recordedBy) ?? 'a senior leader' } : {}),
    ...(t.ownLongTermImpact ? { ownLongTerm: t.ownLongTermImpact.impact } : {}),
  };
}

/** The session's reported gap tasks, each with the person's name (the reader is a senior leader). */
export async function buildLongTermImpactView(deps: AppDeps, actor: Actor, session: Session, extra: Extra = {}): Promise<LongTermImpactView> {
  const tasks = (await deps.store.gapTasks.find(actor.tenant.id, { where: { sessionId: session.id, status: 'reported' } })).map((v) => v.value);
  const names = await namesOf(deps, actor.tenant.id, [...tasks.map((t) => t.staffId), ...tasks.flatMap((t) => (t.longTermImpact ? [t.longTermImpact.recordedBy] : []))]);
  return {
    kind: 'long-term-impact',
    sessionId: session.id,
    sessionTitle: session.title,
    tasks: tasks.map((t) => taskRow(t, names)).sort((a, b) => a.name.localeCompare(b.name)),
    ...extra,
  };
}

/** The person's own part 4 for their reported gap task of this session (seed 001: "Head Teacher/ Senior Leader/ Staff member"). */
async function buildOwnLongTermImpactView(deps: AppDeps, actor: Actor, session: Session, extra: Extra = {}): Promise<LongTermImpactView | undefined> {
  const task = (await deps.store.gapTasks.get(actor.tenant.id, gapTaskId(session.id, actor.staff.id)))?.value;
  if (!task || task.status !== 'reported') return undefined;
  const names = await namesOf(deps, actor.tenant.id, [actor.staff.id, ...(task.longTermImpact ? [task.longTermImpact.recordedBy] : [])]);
  return {
    kind: 'long-term-impact',
    own: true,
    sessionId: session.id,
    sessionTitle: session.title,
    tasks: [taskRow(task, names)],
    ...extra,
    values: { reportedTaskId: task.id, ...(task.ownLongTermImpact ? { impact: task.ownLongTermImpact.impact } : {}), ...extra.values },
  };
}

const NOT_REPORTED = (title: string) => notice('info', `You have no reported gap task for "${title}": the longer-term impact follows your impact report.`);

/** The view this person gets for a session: everyone's (a senior leader or lead), else their own. */
async function viewFor(deps: AppDeps, actor: Actor, session: Session): Promise<CardView> {
  if (mayRecordLongTermImpact(actor)) return buildLongTermImpactView(deps, actor, session);
  return (await buildOwnLongTermImpactView(deps, actor, session)) ?? NOT_REPORTED(session.title);
}

/** `impact.long.open` (from the lead's report, or the person's own card) and `impact <session>`. */
export async function openLongTermImpact(deps: AppDeps, actor: Actor, sessionId: string): Promise<{ ok: boolean; view: CardView }> {
  const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!session) return { ok: false, view: notice('attention', 'There is no such session.') };
  const view = await viewFor(deps, actor, session);
  return { ok: view.kind === 'long-term-impact', view };
}

/** `impact <title>`: the latest past session whose title holds the words given. */
export async function longTermImpactCommand(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
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
  return viewFor(deps, actor, session);
}

/**
 * `impact.long.submit`: gap-task part 4 on one of this session's reported tasks, over the version
 * read. On the person's own task it is their own view (`ownLongTermImpact`); on someone else's, a
 * senior leader's (`longTermImpact`), which only senior leaders and the CPD lead may record. Both are kept.
 */
export async function submitLongTermImpact(deps: AppDeps, actor: Actor, sessionId: string, inputs: Record<string, unknown>): Promise<{ ok: boolean; view: CardView }> {
  const session = (await deps.store.sessions.get(actor.tenant.id, sessionId))?.value;
  if (!session) return { ok: false, view: notice('attention', 'There is no such session.') };
  const parsed = LongTermImpactInput.safeParse(inputs);
  const values = Object.fromEntries(Object.entries(inputs).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).slice(0, 3000)]));
  const own = typeof inputs.reportedTaskId === 'string' && inputs.reportedTaskId === gapTaskId(session.id, actor.staff.id);
  if (!own && !mayRecordLongTermImpact(actor)) return { ok: false, view: notice('attention', REFUSED) };
  const rebuild = (extra: Extra) => (own ? buildOwnLongTermImpactView(deps, actor, session, extra) : buildLongTermImpactView(deps, actor, session, extra));
  const refuse = async (errors: FieldErrors) => ({ ok: false, view: (await rebuild({ values, errors, notice: { tone: 'attention', text: 'Please check the marked fields.' } })) ?? NOT_REPORTED(session.title) });
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const i of parsed.error.issues) errors[String(i.path[0] ?? 'impact')] ??= i.path[0] === 'reportedTaskId' ? 'Choose whose work.' : i.message;
    return refuse(errors);
  }
  const read = await deps.store.gapTasks.get(actor.tenant.id, parsed.data.reportedTaskId);
  if (!read || read.value.sessionId !== session.id || read.value.status !== 'reported') return refuse({ reportedTaskId: 'Choose someone who has reported on this gap task.' });
  const entry = { recordedBy: actor.staff.id, impact: parsed.data.impact, recordedAt: deps.clock.now().toISOString() };
  const next = GapTask.parse({ ...read.value, ...(own ? { ownLongTermImpact: entry } : { longTermImpact: entry }) });
  const put = await deps.store.gapTasks.put(next, { ifVersion: read.version });
  if (!put.ok) return { ok: false, view: notice('attention', 'Someone changed this gap task at the same moment. Please open it again.') };
  const saved = own ? 'Saved. Your own view of the longer-term impact shows in your CPD record.' : 'Saved. It shows in their CPD record.';
  return { ok: true, view: (await rebuild({ notice: { tone: 'good', text: saved } })) ?? NOT_REPORTED(session.title) };
}
