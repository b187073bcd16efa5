import { MENTOR_ROLE_LABELS, meetingMentorId, type MentoringMeeting, type Staff } from '../../domain';
import { localDateOf } from '../../domain/school-time';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { linksOf } from '../mentoring';

export type MeetingRole = {
  viewer: 'mentor' | 'mentee';
  meeting: MentoringMeeting;
  version: string;
  mentee: Staff;
  mentor: Staff | undefined;
  /** e.g. "subject mentor" */
  roleLabel: string;
};

export const NOT_FOUND = "I can't find that meeting. It may have been taken off the programme.";

/**
 * Who may see a meeting: its mentee and the mentor holding it (their link in its role today, else
 * the mentor it was planned with). Nobody else: not a line manager, not another mentor (docs/privacy.md).
 */
export async function meetingRoleOf(deps: AppDeps, actor: Actor, meetingId: string): Promise<MeetingRole | { refused: string }> {
  const read = await deps.store.mentoringMeetings.get(actor.tenant.id, meetingId);
  if (!read) return { refused: NOT_FOUND };
  const meeting = read.value;
  const today = localDateOf(deps.clock.now(), actor.tenant.settings.timezone);
  const mentorId = meetingMentorId(meeting, await linksOf(deps, actor.tenant.id, meeting.menteeId), today);
  const viewer = actor.staff.id === meeting.menteeId ? 'mentee' : actor.staff.id === mentorId ? 'mentor' : undefined;
  if (!viewer) return { refused: 'This meeting is not yours to see.' };
  const [mentee, mentor] = await Promise.all([
    deps.store.staff.get(actor.tenant.id, meeting.menteeId),
    mentorId ? deps.store.staff.get(actor.tenant.id, mentorId) : undefined,
  ]);
  if (!mentee) return { refused: NOT_FOUND };
  return { viewer, meeting, version: read.version, mentee: mentee.value, mentor: mentor?.value, roleLabel: MENTOR_ROLE_LABELS[meeting.with] };
}
