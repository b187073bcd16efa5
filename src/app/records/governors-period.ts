import { DateTime } from 'luxon';
import { AcademicYear, academicYearOf, type SchoolCalendar, type Tenant } from '../../domain';
import { currentTerm, parseTermName, termDates, type SchoolTerm } from './school-term';

/** The period a governors' report covers: a term, or a school year (autumn to the next autumn). */
export interface GovernorsPeriod extends SchoolTerm {
  /** The academic year it falls in (budgets are set per year), e.g. "2026-27". */
  academicYear: AcademicYear;
  isYear: boolean;
}

/**
 * A school year as the school's calendar has it: from its published autumn term's first day to the
 * next year's (no gap for courses in the summer holiday), else 1 September to 1 September.
 */
export function schoolYearDates(year: AcademicYear, calendar: Pick<SchoolCalendar, 'terms'>, zone: string): GovernorsPeriod {
  const start = Number(year.slice(0, 4));
  const autumn = (y: number) => termDates('autumn', y, calendar, zone).from;
  return { name: year, from: autumn(start), to: autumn(start + 1), academicYear: year, isYear: true };
}

function ofTerm(term: SchoolTerm, zone: string): GovernorsPeriod {
  return { ...term, academicYear: academicYearOf(DateTime.fromISO(term.from, { zone }).plus({ days: 7 }).toISODate()!), isYear: false };
}

/** Whether a word names a period ("autumn-2026", "2026-27"), even a wrongly written one, rather than a school. */
export function looksLikePeriod(word: string): boolean {
  return /^[a-z]+-\d{4}$/i.test(word) || /^\d{4}-\d{2,4}$/.test(word);
}

/** A term ("autumn-2026") or a school year ("2026-27"); none: the current term. A clear sentence for anything else. */
export function governorsPeriod(text: string | undefined, now: Date, calendar: Pick<SchoolCalendar, 'terms'>, zone: string): { ok: true; period: GovernorsPeriod } | { ok: false; message: string } {
  const wanted = text?.trim() ?? '';
  if (wanted === '') return { ok: true, period: ofTerm(currentTerm(now, calendar, zone), zone) };
  const term = parseTermName(wanted);
  if (term) return { ok: true, period: ofTerm(termDates(term.season, term.year, calendar, zone), zone) };
  const year = AcademicYear.safeParse(wanted);
  if (year.success) return { ok: true, period: schoolYearDates(year.data, calendar, zone) };
  return { ok: false, message: `"${wanted}" is not a term or a school year: write it like autumn-2026, spring-2027, summer-2027 or 2026-27.` };
}

/** A school of the tenant by id or name; unknown: the sentence that lists the schools there are. */
export function findSchool(tenant: Pick<Tenant, 'schools'>, text: string): { ok: true; school: { id: string; name: string } } | { ok: false; message: string } {
  const wanted = text.trim().toLowerCase();
  const school = tenant.schools.find((s) => s.id.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  if (school) return { ok: true, school };
  const known = tenant.schools.map((s) => s.name).join(', ');
  return { ok: false, message: `There is no school called "${text.trim()}". ${known ? `The schools are: ${known}.` : 'No schools are set up yet: they come from the staff list.'}` };
}
