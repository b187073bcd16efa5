import { DateTime } from 'luxon';
import type { MentoringLink, MentoringMeeting, MentorRole, Staff, Tenant } from '../../domain';
import { MENTOR_ROLES } from '../../domain/mentoring-progress';
import type { GovernorsReportRow, GovernorsReportView } from '../../cards/views/governors-report';
import type { Store } from '../../store/store';
import type { SchoolTerm } from './school-term';

/**
 * The governors' report's mentoring and coaching counts (issue 30 item 5): people supported in the
 * term and meetings held, by kind of support. Counts only, never a name; a group of fewer people
 * than the tenant's minimum is withheld with its meetings (a meeting count of one person is theirs).
 * A section of its own, so the report's other builders are untouched.
 */

export const GOVERNORS_MENTORING_TITLE = 'Mentoring and coaching';

const GROUPS: readonly { group: string; roles: readonly MentorRole[] }[] = [
  { group: 'Mentoring (subject or professional mentor)', roles: MENTOR_ROLES },
  { group: 'Coaching', roles: ['coach'] },
  { group: 'Early-career induction (induction tutor)', roles: ['induction-tutor'] },
];

export interface GovernorsMentoringInput {
  tenant: Tenant;
  term: SchoolTerm;
  links: readonly MentoringLink[];
  meetings: readonly MentoringMeeting[];
  /** The people the links name as mentees: only the active ones are counted. */
  mentees: readonly Staff[];
}

/** The term as local days: [from, to). */
function termDays(term: SchoolTerm, zone: string): { from: string; to: string } {
  return { from: DateTime.fromISO(term.from, { zone }).toISODate()!, to: DateTime.fromISO(term.to, { zone }).toISODate()! };
}

/** The section's rows (pure); none when the tenant records no mentoring. */
export function governorsMentoringRows(input: GovernorsMentoringInput): GovernorsReportRow[] {
  const { tenant } = input;
  const min = tenant.settings.minAggregateCount;
  const withheld = `withheld (fewer than ${min})`;
  const days = termDays(input.term, tenant.settings.timezone);
  const active = new Set(input.mentees.filter((s) => s.tenantId === tenant.id && s.active).map((s) => s.id));
  const links = input.links.filter((l) => l.tenantId === tenant.id && active.has(l.menteeId) && l.startOn < days.to && (l.endOn === undefined || l.endOn >= days.from));
  const held = input.meetings.filter((m) => m.tenantId === tenant.id && m.status === 'held' && m.record !== undefined && days.from <= m.record.heldOn && m.record.heldOn < days.to);
  if (links.length === 0 && held.length === 0) return [];
  return GROUPS.flatMap(({ group, roles }) => {
    const people = new Set(links.filter((l) => roles.includes(l.role)).map((l) => l.menteeId)).size;
    const meetings = held.filter((m) => roles.includes(m.with)).length;
    const hidden = people < min;
    return [
      { group, measure: 'People supported', value: hidden ? withheld : String(people) },
      { group, measure: 'Meetings held', value: hidden ? withheld : String(meetings) },
    ];
  });
}

/** The report with the mentoring section after the others, when there is mentoring to count. */
export function withGovernorsMentoring(rows: readonly GovernorsReportRow[], view: GovernorsReportView): GovernorsReportView {
  return rows.length > 0 ? { ...view, sections: [...view.sections, { title: GOVERNORS_MENTORING_TITLE, rows: [...rows] }] } : view;
}

/** Weeks either side of the term in which a meeting held in it may be planned (held late, or early). */
const SLACK_WEEKS = 26;

export interface GovernorsMentoringData {
  links: MentoringLink[];
  meetings: MentoringMeeting[];
}

/** Reads the tenant's links and the meetings that may have been held in the term. */
export async function readGovernorsMentoring(store: Store, tenant: Tenant, term: SchoolTerm): Promise<GovernorsMentoringData> {
  const days = termDays(term, tenant.settings.timezone);
  const from = DateTime.fromISO(days.from).minus({ weeks: SLACK_WEEKS }).toISODate()!;
  const to = DateTime.fromISO(days.to).plus({ weeks: SLACK_WEEKS }).toISODate()!;
  const [links, meetings] = await Promise.all([
    store.mentoringLinks.find(tenant.id),
    store.mentoringMeetings.find(tenant.id, { where: { status: 'held', weekStart: { gte: from, lt: to } } }),
  ]);
  return { links: links.map((v) => v.value), meetings: meetings.map((v) => v.value) };
}
