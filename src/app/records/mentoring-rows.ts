import { academicYearOf, MENTOR_ROLE_LABELS, type MentoringMeeting } from '../../domain';
import { formatMonth } from '../../cards/format';
import type { DatedRow } from './record-rows';

/**
 * A held mentoring or coaching meeting on the mentee's record (issue 30 item 6): its minutes count
 * as hours, to the quarter hour, as a session's do. The meeting's notes (what went well, actions, the
 * reflection) stay between mentor and mentee: the record carries the focus only, because the lead's
 * records export of everyone is built from these same rows (docs/mentoring.md, "Who sees what").
 * Only meetings with the mentor's record count: a planned one is not CPD yet.
 */
export function meetingRow(meeting: MentoringMeeting, mentorName: string | undefined, zone: string): DatedRow | undefined {
  const record = meeting.record;
  if (meeting.status !== 'held' || !record) return undefined;
  const kind = meeting.with === 'coach' ? 'Coaching' : meeting.kind === 'progress-review' ? 'Progress review' : meeting.kind === 'assessment' ? 'Induction assessment' : 'Mentoring';
  const withWhom = mentorName ? ` with ${mentorName}` : '';
  return {
    meetingId: meeting.id,
    day: record.heldOn,
    year: academicYearOf(record.heldOn),
    month: formatMonth(`${record.heldOn}T12:00:00Z`, zone),
    cpd: `${kind}${withWhom}: ${record.focus} (${MENTOR_ROLE_LABELS[meeting.with]})`,
    hours: Math.round(record.minutes / 15) / 4,
  };
}
