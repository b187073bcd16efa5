import { DateTime } from 'luxon';
import type { MentoringLink, MentoringMeeting, Staff, Tenant } from '../../domain';
import { hasMentorOn, meetingProgress } from '../../domain/mentoring-progress';
import { localDateOf } from '../../domain/school-time';
import type { LeadDigestMentoringLine, LeadDigestView } from '../../cards/views/lead-digest';
import type { Store } from '../../store/store';
import { earlyCareerTeachersOf, linksOfMentees } from '../mentoring';
import { staffByIds } from '../mentoring-views';
import { schoolYear } from '../reports';

const NO_SCHOOL = 'No school given';

export interface MentoringLinesInput {
  tenant: Tenant;
  /** The local day. */
  today: string;
  /** Meetings of this school year so far (their week has begun, or held early). */
  meetings: readonly MentoringMeeting[];
  /** The people those meetings are with, and the active early-career teachers. */
  staff: readonly Staff[];
  /** The early-career teachers' links. */
  links: readonly MentoringLink[];
}

/** A line per school: meetings held against those due so far, and early-career teachers with no mentor (pure; counts only). */
export function buildMentoringLines(input: MentoringLinesInput): LeadDigestMentoringLine[] {
  const { tenant, today } = input;
  const own = <T extends { tenantId: string }>(items: readonly T[]): T[] => items.filter((i) => i.tenantId === tenant.id);
  const meetings = own(input.meetings);
  const staff = own(input.staff);
  const ects = staff.filter((s) => s.active && s.pathway === 'ect');
  if (meetings.length === 0 && ects.length === 0) return [];
  const standAlone = tenant.schools.length === 0;
  const schoolOf = new Map(staff.map((s) => [s.id, standAlone ? tenant.name : (tenant.schools.find((x) => x.id === s.schoolId)?.name ?? NO_SCHOOL)]));
  const names = standAlone ? [tenant.name] : tenant.schools.map((s) => s.name);
  const lines = [...names, NO_SCHOOL].map((school) => {
    const progress = meetingProgress(meetings.filter((m) => (schoolOf.get(m.menteeId) ?? NO_SCHOOL) === school), today);
    const without = ects.filter((s) => schoolOf.get(s.id) === school && !hasMentorOn(s.id, own(input.links), today)).length;
    return { school, held: progress.held, dueSoFar: progress.dueSoFar, ectsWithoutMentor: without };
  });
  // "No school given" only when someone is in it.
  return lines.filter((l) => l.school !== NO_SCHOOL || l.dueSoFar + l.held + l.ectsWithoutMentor > 0);
}

/** Reads this school year's mentoring meetings so far, the early-career teachers and their links, for the lines above. */
export async function loadMentoringLines(store: Store, tenant: Tenant, now: Date): Promise<LeadDigestMentoringLine[]> {
  const zone = tenant.settings.timezone;
  const today = localDateOf(now, zone);
  const yearStart = DateTime.fromISO(schoolYear(now, zone).from, { zone }).toISODate()!;
  const [dueSoFar, heldEarly, ects] = await Promise.all([
    store.mentoringMeetings.find(tenant.id, { where: { weekStart: { gte: yearStart, lte: today } } }),
    store.mentoringMeetings.find(tenant.id, { where: { status: 'held', weekStart: { gt: today } } }),
    earlyCareerTeachersOf({ store }, tenant.id),
  ]);
  const meetings = [...dueSoFar, ...heldEarly].map((v) => v.value);
  const known = new Set(ects.map((s) => s.id));
  const others = await staffByIds(store, tenant.id, [...new Set(meetings.map((m) => m.menteeId))].filter((id) => !known.has(id)));
  const links = await linksOfMentees({ store }, tenant.id, ects.map((s) => s.id));
  return buildMentoringLines({ tenant, today, meetings, staff: [...ects, ...others], links });
}

/** The digest with its mentoring lines, when mentoring is in use. */
export function withMentoring(view: LeadDigestView, lines: readonly LeadDigestMentoringLine[]): LeadDigestView {
  return lines.length > 0 ? { ...view, mentoring: [...lines] } : view;
}
