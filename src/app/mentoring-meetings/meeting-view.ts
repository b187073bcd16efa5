import { DateTime } from 'luxon';
import type { MentoringMeetingView, MentoringRecordSummary } from '../../cards/views';
import { MEETING_KIND_LABELS, type MeetingRecord } from '../../domain';
import type { MeetingRole } from './meeting-access';

const day = (localDate: string): string => DateTime.fromISO(localDate, { zone: 'UTC' }).toFormat('cccc d LLLL');
export const dueText = (dueOn: string): string => `Due ${day(dueOn)}`;
export const weekText = (weekStart: string): string => `Week of ${day(weekStart)}`;
export const dayText = day;

/** "Meeting with your subject mentor, Sam Lee" for the mentee; "Meeting with Jo Patel (you are their subject mentor)" for the mentor. */
export function meetingTitle(role: Pick<MeetingRole, 'viewer' | 'meeting' | 'mentee' | 'mentor' | 'roleLabel'>): string {
  const what = MEETING_KIND_LABELS[role.meeting.kind];
  return role.viewer === 'mentee'
    ? `${what} with your ${role.roleLabel}${role.mentor ? `, ${role.mentor.name}` : ''}`
    : `${what} with ${role.mentee.name} (you are their ${role.roleLabel})`;
}

export function recordSummary(record: MeetingRecord, reflection: string | undefined): MentoringRecordSummary {
  return {
    facts: [
      { label: 'Held on', value: day(record.heldOn) },
      { label: 'Focus', value: record.focus },
      ...(record.wentWell ? [{ label: 'What went well', value: record.wentWell }] : []),
      ...(record.nextMeetingOn ? [{ label: 'Next meeting', value: day(record.nextMeetingOn) }] : []),
      { label: 'Time', value: `${record.minutes} minutes` },
    ],
    actions: record.actions.map((a) => ({ id: a.id, text: a.text, dueText: dueText(a.dueOn), done: a.doneAt !== undefined })),
    ...(reflection !== undefined ? { reflection } : {}),
  };
}

/** The card for one stage of a meeting, for whoever is looking. */
export function buildMeetingView(
  role: MeetingRole,
  stage: MentoringMeetingView['stage'],
  extra: Pick<MentoringMeetingView, 'values' | 'errors' | 'notice'> = {},
): MentoringMeetingView {
  const { meeting } = role;
  const planned = meeting.status === 'planned';
  const open = stage === 'record' ? role.viewer === 'mentee' && meeting.status === 'held' && meeting.record !== undefined && !meeting.reflection : planned && (stage !== 'record-form' || role.viewer === 'mentor');
  return {
    kind: 'mentoring-meeting',
    mentoringMeetingId: meeting.id,
    stage,
    viewer: role.viewer,
    title: meetingTitle(role),
    focus: meeting.record?.focus ?? meeting.focus,
    weekText: weekText(meeting.weekStart),
    ...(meeting.moves.length ? { moveLines: meeting.moves.map((m) => `Moved from the week of ${day(m.fromWeekStart)} to the week of ${day(m.toWeekStart)}: ${m.reason}`) } : {}),
    ...(meeting.record ? { record: recordSummary(meeting.record, meeting.reflection?.text) } : {}),
    state: open ? 'open' : 'done',
    ...extra,
  };
}
