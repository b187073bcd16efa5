import type { MentoringMeeting } from './mentoring';

/** A mentor hears of a reflection while it is news: after two weeks the meeting view is where it is read. */
const FRESH_MS = 14 * 86_400_000;

/**
 * The mentor's notice that the mentee reflected on a held meeting (docs/mentoring.md, "In chat"): to
 * the mentor who recorded it, from the reflection's moment, for two weeks. One per meeting: its id is
 * the kind, the mentor and the meeting, so the reflection's write and the planner make the same one.
 */
export function reflectionNotice(meeting: Pick<MentoringMeeting, 'status' | 'record' | 'reflection'>): { mentorId: string; at: Date; until: Date } | undefined {
  if (meeting.status !== 'held' || !meeting.record || !meeting.reflection) return undefined;
  const at = new Date(meeting.reflection.at);
  return { mentorId: meeting.record.recordedBy, at, until: new Date(at.getTime() + FRESH_MS) };
}
