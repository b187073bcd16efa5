import { DateTime } from 'luxon';
import type { SchoolCalendar } from './calendar';
import { academicYearOf } from './budget';
import { addLocalDays, isHoliday } from './school-time';
import { mondayOf } from './school-weeks';
import { linkHoldsOn, MeetingMove, type MentoringLink, type MentoringMeeting, type MentorRole } from './mentoring';

/**
 * The rules of mentoring in chat (docs/mentoring.md, "In chat"): whose meeting it is, the weeks it
 * may move to, and the terms a progress review belongs to. Pure: the planner and the use cases share them.
 */

/** A week whose five weekdays are all in the school's holidays (a move there would be reminded of nobody). */
export function isHolidayWeek(calendar: Pick<SchoolCalendar, 'holidays'>, weekStart: string): boolean {
  for (let i = 0; i < 5; i++) if (!isHoliday(calendar, addLocalDays(weekStart, i))) return false;
  return true;
}

/** The mentee's link in one role on a day (the latest-starting one if several overlap). */
export function currentLinkOf(links: readonly MentoringLink[], menteeId: string, role: MentorRole, onDate: string): MentoringLink | undefined {
  return links
    .filter((l) => l.menteeId === menteeId && l.role === role && linkHoldsOn(l, onDate))
    .sort((a, b) => b.startOn.localeCompare(a.startOn))[0];
}

/** Who holds a meeting: the mentee's link in its role on the day (a new mentor takes over), else the mentor named when it was planned. */
export function meetingMentorId(meeting: Pick<MentoringMeeting, 'menteeId' | 'with' | 'mentorId'>, links: readonly MentoringLink[], onDate: string): string | undefined {
  return currentLinkOf(links, meeting.menteeId, meeting.with, onDate)?.mentorId ?? meeting.mentorId;
}

/** The mentor a progress review goes to when no review meeting names one: the first role the person has a link in. */
export const REVIEW_MENTOR_ROLES: readonly MentorRole[] = ['professional-mentor', 'subject-mentor', 'coach'];

export function reviewMentorId(links: readonly MentoringLink[], menteeId: string, onDate: string, meeting?: Pick<MentoringMeeting, 'with'>): string | undefined {
  // Links only (not the mentor a review meeting was planned with): who may open a review is read from the links too.
  for (const role of [...(meeting ? [meeting.with] : []), ...REVIEW_MENTOR_ROLES]) {
    if (role === 'induction-tutor') continue;
    const link = currentLinkOf(links, menteeId, role, onDate);
    if (link) return link.mentorId;
  }
  return undefined;
}

export type MoveResult = { ok: true; meeting: MentoringMeeting } | { ok: false; field: 'toWeek' | 'reason'; message: string };

/**
 * A planned meeting moved to another week, with the reason: its week changes and the move is added
 * to its history, so nothing about it is lost. Not to the week it is in, not to a past week, not to
 * a week of holiday, not when it has been held.
 */
export function moveMeeting(
  meeting: MentoringMeeting,
  move: { toDate: string; reason: string; movedBy: string; movedAt: string; today: string },
  calendar: Pick<SchoolCalendar, 'holidays'>,
): MoveResult {
  if (meeting.status !== 'planned') return { ok: false, field: 'toWeek', message: 'This meeting has been recorded already, so it cannot be moved.' };
  const toWeekStart = mondayOf(move.toDate);
  if (toWeekStart === meeting.weekStart) return { ok: false, field: 'toWeek', message: 'That is the week it is in already. Choose another week.' };
  if (toWeekStart < mondayOf(move.today)) return { ok: false, field: 'toWeek', message: 'Choose this week or a later one.' };
  if (toWeekStart > DateTime.fromISO(move.today, { zone: 'UTC' }).plus({ weeks: 52 }).toISODate()!) return { ok: false, field: 'toWeek', message: 'Choose a week within the next year.' };
  if (isHolidayWeek(calendar, toWeekStart)) return { ok: false, field: 'toWeek', message: 'That week is a school holiday. Choose a week in term.' };
  if (meeting.moves.length >= 20) return { ok: false, field: 'toWeek', message: 'This meeting has been moved 20 times. Please ask your CPD lead to change the programme.' };
  const parsed = MeetingMove.safeParse({ fromWeekStart: meeting.weekStart, toWeekStart, reason: move.reason, movedBy: move.movedBy, movedAt: move.movedAt });
  if (!parsed.success) return { ok: false, field: 'reason', message: 'Say why it is moving (up to 300 characters).' };
  return { ok: true, meeting: { ...meeting, weekStart: toWeekStart, moves: [...meeting.moves, parsed.data], updatedAt: move.movedAt } };
}

export interface ReviewTerm {
  /** The academic year, e.g. "2026-27". */
  year: string;
  term: 1 | 2 | 3;
  /** First and last local days of the term. */
  start: string;
  end: string;
}

/** Without the school's published term dates: England's usual terms. */
function fallbackTerms(year: string): ReviewTerm[] {
  const first = Number(year.slice(0, 4));
  return [
    { year, term: 1, start: `${first}-09-01`, end: `${first}-12-18` },
    { year, term: 2, start: `${first + 1}-01-04`, end: `${first + 1}-03-31` },
    { year, term: 3, start: `${first + 1}-04-14`, end: `${first + 1}-07-21` },
  ];
}

/** The three terms of an academic year: the calendar's own terms starting in it (first three, in order), else the usual dates. */
export function termsOfYear(calendar: Pick<SchoolCalendar, 'terms'>, year: string): ReviewTerm[] {
  const published = calendar.terms.filter((t) => academicYearOf(t.start) === year).sort((a, b) => a.start.localeCompare(b.start));
  if (published.length < 3) return fallbackTerms(year);
  return published.slice(0, 3).map((t, i) => ({ year, term: (i + 1) as 1 | 2 | 3, start: t.start, end: t.end }));
}

/** The term a local day falls in (a holiday after a term belongs to it until the next begins). */
export function reviewTermOn(calendar: Pick<SchoolCalendar, 'terms'>, localDate: string): ReviewTerm {
  const terms = termsOfYear(calendar, academicYearOf(localDate));
  return [...terms].reverse().find((t) => t.start <= localDate) ?? terms[0]!;
}

/** Without a review meeting in the term, the prompt goes in the term's last weeks: the Monday two weeks before its end. */
export function fallbackReviewWeek(term: ReviewTerm): string {
  return mondayOf(DateTime.fromISO(term.end, { zone: 'UTC' }).minus({ days: 14 }).toISODate()!);
}

export const reviewTermKey = (term: Pick<ReviewTerm, 'year' | 'term'>): string => `${term.year}:${term.term}`;

export function parseReviewTermKey(key: string): { year: string; term: 1 | 2 | 3 } | undefined {
  const m = /^(\d{4}-\d{2}):([1-3])$/.exec(key);
  return m ? { year: m[1]!, term: Number(m[2]) as 1 | 2 | 3 } : undefined;
}
