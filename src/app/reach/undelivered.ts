import type { UndeliveredGroup, UndeliveredReason, UndeliveredSummary, UnreachableView } from '../../cards/views/setup';
import { hasRole, type Delivery, type Staff } from '../../domain';
import type { Filter } from '../../store/port';
import type { AppDeps } from '../deps';
import type { Actor } from '../people';

/** Why a message was not delivered, in a lead's words, and the one thing to do about it. */
export const UNDELIVERED_REASONS: Record<UndeliveredReason, { text: string; action: string }> = {
  'no-account': {
    text: 'no Teams or Slack account linked',
    action: 'Check their e-mail on the staff list is the one they use in Teams or Slack, then ask them to open Twilight once (or add Twilight to a team they are in).',
  },
  removed: {
    text: 'they removed Twilight',
    action: 'Ask them to add Twilight again: in Teams, Apps, then Twilight, then Add; in Slack, open Twilight under Apps.',
  },
  blocked: {
    text: 'Teams or Slack refused the message (Twilight blocked, or their account disabled)',
    action: 'Ask them to unblock Twilight. If their account was closed because they left, send the staff list without them and press Import and mark leavers.',
  },
  failed: {
    text: 'Teams or Slack failed to take it, after retries',
    action: 'Nothing to do for one or two; if many fail, ask IT to look at the bot\'s log.',
  },
};

/**
 * The dispatcher records why a send ended (`lastError`): "unreachable: <reason>" when the person
 * cannot be reached (src/scheduler/send/dispatcher.ts), the platform's error otherwise.
 */
export function undeliveredReasonOf(lastError: string | undefined): UndeliveredReason {
  const e = (lastError ?? '').toLowerCase();
  if (/^unreachable: (no linked|no teams user id|no personal chat|no stored conversation)/.test(e)) return 'no-account';
  if (/removed|uninstall|cannot_dm_bot|is_archived|not_in_channel|channel_not_found|^unreachable: 404/.test(e)) return 'removed';
  if (/^unreachable: 403|user_disabled|account_inactive|user_not_found/.test(e)) return 'blocked';
  return 'failed';
}

const ORDER: readonly UndeliveredReason[] = ['no-account', 'removed', 'blocked', 'failed'];

/**
 * Failed deliveries grouped by why, counted in messages and people. Names only when `withNames`
 * (the reader is a CPD lead); everyone else sees counts.
 */
export function summariseUndelivered(failed: readonly Delivery[], staffById: ReadonlyMap<string, Staff>, withNames: boolean, periodText: string): UndeliveredSummary {
  const groups = new Map<UndeliveredReason, { messages: number; people: Set<string> }>();
  for (const d of failed) {
    const reason = undeliveredReasonOf(d.lastError);
    const group = groups.get(reason) ?? { messages: 0, people: new Set<string>() };
    group.messages += 1;
    group.people.add(d.recipientId);
    groups.set(reason, group);
  }
  const out: UndeliveredGroup[] = ORDER.filter((r) => groups.has(r)).map((reason) => {
    const g = groups.get(reason)!;
    const names = withNames ? [...g.people].map((id) => staffById.get(id)?.name ?? 'someone since removed').sort() : undefined;
    return { reason, reasonText: UNDELIVERED_REASONS[reason].text, action: UNDELIVERED_REASONS[reason].action, messages: g.messages, people: g.people.size, ...(names ? { names } : {}) };
  });
  return { messages: failed.length, people: new Set(failed.map((d) => d.recipientId)).size, groups: out, periodText };
}

async function staffMap(deps: AppDeps, tenantId: string): Promise<Map<string, Staff>> {
  return new Map((await deps.store.staff.find(tenantId)).map((v) => [v.value.id, v.value]));
}

async function failedWhere(deps: AppDeps, tenantId: string, where: Filter): Promise<Delivery[]> {
  return (await deps.store.deliveries.find(tenantId, { where: { status: 'failed', ...where } })).map((v) => v.value);
}

/** A session's messages (invitations, reminders, questionnaires) that could not be delivered. */
export async function sessionUndelivered(deps: AppDeps, actor: Actor, sessionId: string): Promise<UndeliveredSummary> {
  const failed = await failedWhere(deps, actor.tenant.id, { 'subject.sessionId': sessionId });
  return summariseUndelivered(failed, await staffMap(deps, actor.tenant.id), hasRole(actor.staff, 'cpd-lead'), 'about this session');
}

/** Messages due in the days before `now` that could not be delivered (the digest's week, `unreachable`'s month). */
export async function recentUndelivered(
  deps: AppDeps,
  tenantId: string,
  now: Date,
  days: number,
  withNames: boolean,
  /** A school's own CPD lead: only messages to these people (their school's), so no other school's figures. */
  recipients?: (person: Staff | undefined) => boolean,
): Promise<UndeliveredSummary> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000).toISOString();
  const all = await failedWhere(deps, tenantId, { dueAt: { gte: since } });
  const people = await staffMap(deps, tenantId);
  const failed = recipients ? all.filter((d) => recipients(people.get(d.recipientId))) : all;
  const summary = summariseUndelivered(failed, people, withNames, `in the last ${days} days`);
  return withNames ? summary : { ...summary, namesHint: 'Type “unreachable” for their names.' };
}

export const UNREACHABLE_DAYS = 30;

/** `unreachable` (CPD leads): who could not be reached in the last 30 days and why, with names; and who is not linked at all. */
export async function unreachableCommand(deps: AppDeps, actor: Actor): Promise<UnreachableView> {
  const summary = await recentUndelivered(deps, actor.tenant.id, deps.clock.now(), UNREACHABLE_DAYS, true);
  const unlinked = (await deps.store.staff.find(actor.tenant.id, { where: { active: true } })).map((v) => v.value).filter((s) => !s.teams && !s.slack);
  return { kind: 'unreachable', summary, unlinkedStaff: unlinked.length, unlinkedNames: unlinked.map((s) => s.name).sort().slice(0, 50) };
}
