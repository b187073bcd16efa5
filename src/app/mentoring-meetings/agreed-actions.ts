import type { MentoringActionView } from '../../cards/views';
import { MentoringMeeting, type AgreedAction } from '../../domain';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { meetingRoleOf, type MeetingRole } from './meeting-access';
import { dayText, dueText } from './meeting-view';

export function buildActionView(role: MeetingRole, action: AgreedAction, overdue: boolean, extra: Pick<MentoringActionView, 'notice'> = {}): MentoringActionView {
  const who = role.viewer === 'mentee' ? (role.mentor?.name ?? `your ${role.roleLabel}`) : role.mentee.name;
  return {
    kind: 'mentoring-action',
    mentoringMeetingId: role.meeting.id,
    mentoringActionId: action.id,
    text: action.text,
    dueText: dueText(action.dueOn),
    overdue,
    agreedText: `Agreed with ${who}${role.meeting.record ? ` on ${dayText(role.meeting.record.heldOn)}` : ''}`,
    done: action.doneAt !== undefined,
    ...extra,
  };
}

/** `mentoring.action.done`: the mentee (or their mentor) marks an agreed action done, under the ETag; its nudges stop. */
export async function markActionDone(deps: AppDeps, actor: Actor, meetingId: string, actionId: string): Promise<{ ok: boolean; view: MentoringActionView | ReturnType<typeof notice> }> {
  const role = await meetingRoleOf(deps, actor, meetingId);
  if ('refused' in role) return { ok: false, view: notice('attention', role.refused) };
  const action = role.meeting.record?.actions.find((a) => a.id === actionId);
  if (!action) return { ok: false, view: notice('attention', "I can't find that action on the meeting's record.") };
  if (action.doneAt) return { ok: true, view: buildActionView(role, action, false, { notice: { tone: 'info', text: 'Already marked done.' } }) };
  const now = deps.clock.now().toISOString();
  const actions = role.meeting.record!.actions.map((a) => (a.id === actionId ? { ...a, doneAt: now } : a));
  const next = MentoringMeeting.parse({ ...role.meeting, record: { ...role.meeting.record!, actions }, updatedAt: now });
  const put = await deps.store.mentoringMeetings.put(next, { ifVersion: role.version });
  if (!put.ok) return { ok: false, view: notice('attention', 'Someone changed this meeting at the same moment. Nothing was saved: please press it again.') };
  return { ok: true, view: buildActionView({ ...role, meeting: next }, { ...action, doneAt: now }, false, { notice: { tone: 'good', text: 'Done. Thank you!' } }) };
}
