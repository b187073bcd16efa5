import type { SchoolCalendar } from './calendar';
import { MentoringMeeting, mentoringMeetingId, type MentoringProgramme, type MentorRole, type ProgrammeAssignment, type ProgrammeItem } from './mentoring';
import { nextAcademicYear, placeInWeeks, schoolWeeksOf, type SchoolWeeks } from './school-weeks';

export interface ProgrammeExpansion {
  meetings: MentoringMeeting[];
  /** Items the calendar cannot place yet (no autumn term for the year, or past its last school week), each with why. */
  unplaced: { item: ProgrammeItem; reason: string }[];
}

/**
 * An assignment's meetings (issue 30 item 2): one per programme item, in the Monday of its school week,
 * with the mentee's supporter in the item's role when there is one. Pure, and deterministic: the same
 * programme, assignment and calendar give the same ids, so writing it twice (create-if-absent) adds
 * nothing, and a year-2 item placed later (its term dates imported) joins the ones already written.
 */
export function expandAssignment(
  programme: Pick<MentoringProgramme, 'items'>,
  assignment: Pick<ProgrammeAssignment, 'tenantId' | 'id' | 'menteeId' | 'firstYear'>,
  calendar: Pick<SchoolCalendar, 'terms' | 'holidays'>,
  mentorIn: (role: MentorRole) => string | undefined,
  now: Date,
): ProgrammeExpansion {
  const meetings: MentoringMeeting[] = [];
  const unplaced: ProgrammeExpansion['unplaced'] = [];
  // Each year's weeks are counted once for all its items.
  const years = new Map<number, SchoolWeeks>();
  const weeksOf = (year: number): SchoolWeeks => {
    if (!years.has(year)) years.set(year, schoolWeeksOf(calendar, year === 2 ? nextAcademicYear(assignment.firstYear) : assignment.firstYear));
    return years.get(year)!;
  };
  for (const item of programme.items) {
    const placed = placeInWeeks(weeksOf(item.at.year), item.at);
    if (!placed.ok) {
      unplaced.push({ item, reason: placed.reason });
      continue;
    }
    const mentorId = mentorIn(item.with);
    meetings.push(
      MentoringMeeting.parse({
        tenantId: assignment.tenantId,
        id: mentoringMeetingId(assignment.id, item.key),
        assignmentId: assignment.id,
        menteeId: assignment.menteeId,
        ...(mentorId ? { mentorId } : {}),
        with: item.with,
        itemKey: item.key,
        kind: item.kind,
        focus: item.focus,
        weekStart: placed.weekStart,
        status: 'planned',
        updatedAt: now.toISOString(),
      }),
    );
  }
  return { meetings, unplaced };
}
