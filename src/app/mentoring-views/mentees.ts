import { DateTime } from 'luxon';
import { MENTOR_ROLE_LABELS, linkHoldsOn, type MentoringLink, type MentoringMeeting, type Staff, type Tenant } from '../../domain';
import { meetingProgress } from '../../domain/mentoring-progress';
import type { MenteeRow, MenteesView } from '../../cards/views/mentees';

export interface MenteesInput {
  tenant: Tenant;
  mentor: Staff;
  /** Candidates; only links of this mentor, holding today, in this tenant are used. */
  links: readonly MentoringLink[];
  /** The mentees' staff records; only active ones are shown. */
  staff: readonly Staff[];
  /** The mentees' meetings; a row counts only those held in the link's own role. */
  meetings: readonly MentoringMeeting[];
  /** The local day (YYYY-MM-DD). */
  today: string;
}

/**
 * A mentor's current mentees (pure). Privacy: only people this mentor supports now, and of each
 * only the meetings of the role they hold (a subject mentor does not see the coach's meetings).
 */
export function buildMenteesView(input: MenteesInput): MenteesView {
  const { tenant, mentor, today } = input;
  const zone = tenant.settings.timezone;
  const own = <T extends { tenantId: string }>(items: readonly T[]): T[] => items.filter((i) => i.tenantId === tenant.id);
  const people = new Map(own(input.staff).filter((s) => s.active).map((s) => [s.id, s]));
  const links = own(input.links).filter((l) => mentor.tenantId === tenant.id && l.mentorId === mentor.id && linkHoldsOn(l, today) && people.has(l.menteeId));
  const meetings = own(input.meetings);
  const rows: MenteeRow[] = links.map((link) => {
    const person = people.get(link.menteeId)!;
    const progress = meetingProgress(meetings.filter((m) => m.menteeId === link.menteeId && m.with === link.role), today);
    const next = progress.next;
    return {
      staffId: person.id,
      name: person.name,
      roleText: MENTOR_ROLE_LABELS[link.role],
      ...(next ? { nextMeetingText: `week of ${DateTime.fromISO(next.weekStart, { zone }).toFormat('cccc d LLLL')}: ${next.focus}` } : {}),
      held: progress.held,
      planned: progress.planned,
      overdue: progress.overdue,
      openActions: progress.openActions,
      overdueActions: progress.overdueActions,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.roleText.localeCompare(b.roleText) || a.staffId.localeCompare(b.staffId));
  return { kind: 'mentees', mentorName: mentor.name, todayText: DateTime.fromISO(today, { zone }).toFormat('cccc d LLLL'), mentees: rows };
}
