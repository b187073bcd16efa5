import { countOf } from '../format';
import type { InductionDigestRow } from '../views/induction-digest';
import type { MenteeRow } from '../views/mentees';
import type { LeadDigestMentoringLine } from '../views/lead-digest';

/** A mentee's line under their name, the same on both platforms. */
export function menteeFigures(row: MenteeRow): string {
  const parts = [
    `${row.held} of ${countOf(row.planned, 'meeting')} held`,
    row.overdue > 0 ? `${row.overdue} overdue` : '',
    `${countOf(row.openActions, 'open action')}${row.overdueActions > 0 ? ` (${row.overdueActions} overdue)` : ''}`,
  ];
  return parts.filter(Boolean).join(' · ');
}

export function nextMeetingText(row: MenteeRow): string {
  return row.nextMeetingText ? `Next: ${row.nextMeetingText}` : 'No meeting planned';
}

/** An early-career teacher's figures in the induction tutor's digest. */
export function inductionFigures(row: InductionDigestRow): string[] {
  return [
    `Meetings held ${row.held} of ${row.dueSoFar} so far (${row.planned} in the programme)`,
    row.overdueMeetings > 0 ? `${countOf(row.overdueMeetings, 'overdue meeting')}` : 'No overdue meetings',
    row.overdueActions > 0 ? `${countOf(row.overdueActions, 'overdue action')}` : 'No overdue actions',
    row.latestReview ? `Latest review: ${row.latestReview.outcomeText} (${row.latestReview.termText})` : 'No progress review yet',
    ...(row.noMentor ? ['No mentor: name one'] : []),
    ...(row.notOnEctPathway ? ['Not on the early-career pathway in the staff list'] : []),
  ];
}

export const UNMENTORED_TITLE = 'Early-career teachers with no mentor';
export const UNMENTORED_HELP = 'Each needs a subject or professional mentor: name one in the staff list (a Mentor column) or ask the CPD lead.';

/** A school's line in the lead's programme digest. */
export function mentoringLineText(line: LeadDigestMentoringLine): string {
  const without = line.ectsWithoutMentor === 0 ? 'every early-career teacher has a mentor' : `${countOf(line.ectsWithoutMentor, 'early-career teacher')} with no mentor`;
  return `${line.school}: ${line.held} of ${countOf(line.dueSoFar, 'mentoring meeting')} held so far this year · ${without}`;
}

export const MENTORING_SUBHEADING = 'Mentoring this school year';
