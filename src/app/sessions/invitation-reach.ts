import { reachOf, type Delivery } from '../../domain';
import type { AppDeps } from '../deps';

/** Whom a session's invitation reached: the lead's view (counts, and who could not be reached, and why). */
export interface InvitationReach {
  reached: number;
  /** Reached after the bot installed its Teams app for them (they had never opened it). */
  installedFor: number;
  couldNotReach: { name: string; why: string }[];
  /** Not sent yet (due later, or being retried). */
  waiting: number;
}

/** Why a failed record failed, in the lead's words (the record keeps the technical detail). */
export function whyNotReached(d: Pick<Delivery, 'lastError'>): string {
  const error = d.lastError ?? '';
  if (error.startsWith('unreachable: permission missing')) return 'permission missing: the bot may not install its Teams app for them (see setup)';
  if (error.startsWith('unreachable: no linked')) return 'no Teams or Slack account linked';
  if (error.includes('workspace')) return 'their Slack workspace removed the app';
  return error.replace(/^unreachable: /, '').slice(0, 120) || 'failed';
}

export async function invitationReach(deps: AppDeps, tenantId: string, sessionId: string): Promise<InvitationReach> {
  const records = await deps.store.deliveries.find(tenantId, { where: { 'subject.sessionId': sessionId, kind: 'invitation' } });
  const out: InvitationReach = { reached: 0, installedFor: 0, couldNotReach: [], waiting: 0 };
  const failed: Delivery[] = [];
  for (const { value } of records) {
    const reach = reachOf(value);
    if (reach === 'reached') out.reached++;
    else if (reach === 'installed-for') {
      out.reached++;
      out.installedFor++;
    } else if (reach === 'could-not-reach') failed.push(value);
    else out.waiting++;
  }
  for (const d of failed) out.couldNotReach.push({ name: (await deps.store.staff.get(tenantId, d.recipientId))?.value.name ?? 'someone no longer on the staff list', why: whyNotReached(d) });
  out.couldNotReach.sort((a, b) => a.name.localeCompare(b.name));
  return out;
}

/** Plain text of the lead's view, e.g. for a command's reply or the closing note. */
export function invitationReachText(title: string, r: InvitationReach): string {
  const lines = [`Invitation to "${title}": reached ${r.reached} (the app installed for ${r.installedFor} of them), could not reach ${r.couldNotReach.length}${r.waiting ? `, ${r.waiting} still to send` : ''}.`];
  for (const p of r.couldNotReach) lines.push(`- ${p.name}: ${p.why}`);
  return lines.join('\n');
}
