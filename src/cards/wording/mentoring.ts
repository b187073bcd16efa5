import { REVIEW_OUTCOME_LABELS } from '../../domain/mentoring-labels';
import { MENTOR_ROLE_LABELS, type MentorRole } from '../../domain/mentoring';
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
const columnOf = (role: MentorRole): string => MENTOR_ROLE_LABELS[role].replace(/\b\w/g, (c) => c.toUpperCase());

/**
 * How a supporter is named, in the real ways in: the staff list's column for the role (Subject
 * Mentor, Professional Mentor, Coach, Induction Tutor) or the CPD lead's `mentor` command.
 */
export function nameSupporterHow(roles: readonly [MentorRole, ...MentorRole[]], person: string): string {
  return `Name one in the staff list's ${roles.map(columnOf).join(' or ')} column, or say "mentor ${person} ${MENTOR_ROLE_LABELS[roles[0]]} <their name or e-mail>"`;
}

export const UNMENTORED_HELP = `Each needs a subject or professional mentor: the CPD lead names one in the staff list's Subject Mentor or Professional Mentor column, or says "mentor <person> subject mentor <mentor>".`;

/** A school's line in the lead's programme digest. */
export function mentoringLineText(line: LeadDigestMentoringLine): string {
  const without = line.ectsWithoutMentor === 0 ? 'every early-career teacher has a mentor' : `${countOf(line.ectsWithoutMentor, 'early-career teacher')} with no mentor`;
  return `${line.school}: ${line.held} of ${countOf(line.dueSoFar, 'mentoring meeting')} held so far this year · ${without}`;
}

export const MENTORING_SUBHEADING = 'Mentoring this school year';

/** The mentoring forms' questions (docs/mentoring.md, "In chat"), shared by the Teams cards and the Slack modals. */
export const RECORD_LABELS = {
  heldOn: 'Held on',
  focus: 'Focus',
  wentWell: 'What went well',
  nextMeetingOn: 'Next meeting',
  minutes: 'How long, in minutes',
} as const;

/** How many agreed actions the record form offers (the record keeps up to ten). */
export const ACTION_ROWS = 3;
export const actionField = (row: number): string => `action${row}`;
export const actionDueField = (row: number): string => `action${row}Due`;
export const actionLabel = (row: number): string => `Action ${row} agreed`;
export const actionDueLabel = (row: number): string => `Action ${row}: due by`;

export const MOVE_LABELS = { toWeek: 'Move to the week of (any day in it)', reason: 'Why is it moving?' } as const;
export const REFLECTION_LABEL = 'Your reflection: what you are taking from it';
export const REVIEW_LABELS = { outcome: 'Progress this term', summary: 'Summary (the induction tutor reads it)' } as const;

export const REVIEW_OUTCOME_CHOICES = (Object.keys(REVIEW_OUTCOME_LABELS) as (keyof typeof REVIEW_OUTCOME_LABELS)[]).map((value) => ({ value, label: REVIEW_OUTCOME_LABELS[value] }));

/** The one line a notification shows for each mentoring message (Slack `text`, Teams `summary`). */
export function meetingHeadline(view: { stage: string; viewer: string; title: string; focus: string }): string {
  switch (view.stage) {
    case 'reminder':
      return `This week: ${view.title}. Focus: ${view.focus}`;
    case 'record-form':
      return `Record the meeting: ${view.title}`;
    case 'move-form':
      return `Move the meeting: ${view.title}`;
    default:
      return view.viewer === 'mentee' ? `Your meeting record: ${view.title}` : `Meeting record: ${view.title}`;
  }
}
