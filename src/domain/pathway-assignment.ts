import { z } from 'zod';
import { deterministicId, Id, Instant } from './ids';
import { nextAcademicYear } from './school-weeks';
import { Pathway } from './staff';

const AcademicYearText = z.string().regex(/^\d{4}-\d{2}$/);

/**
 * A programme assigned to a pathway, remembered (docs/mentoring.md, "Standing pathway assignments"):
 * whoever is on the pathway while it runs follows the programme from its first year, including
 * people who join the pathway after the lead said it. It runs until the end of its last academic
 * year (the first, or the next for a two-year programme), or until the lead ends it.
 */
export const PathwayAssignment = z.object({
  tenantId: Id,
  /** `pathwayAssignmentId(pathway, programmeId, firstYear)`: saying it twice remembers it once. */
  id: Id,
  pathway: Pathway,
  programmeId: Id,
  firstYear: AcademicYearText,
  lastYear: AcademicYearText,
  assignedBy: Id,
  assignedAt: Instant,
  endedAt: Instant.optional(),
  endedBy: Id.optional(),
  /** Why joiners could not be assigned on the last try (the calendar has no autumn term for the year, the programme is gone); cleared once they are. */
  problem: z.string().max(500).optional(),
  /** Why items were not planned yet for the last people who joined (the next year's term dates not imported), until some join with none left out. */
  unplaced: z.string().max(500).optional(),
});
export type PathwayAssignment = z.infer<typeof PathwayAssignment>;

export function pathwayAssignmentId(pathway: Pathway, programmeId: string, firstYear: string): string {
  return deterministicId('mpath', pathway, programmeId, firstYear);
}

/** The last academic year a programme of `years` years started in `firstYear` runs in. */
export function lastYearOf(firstYear: string, years: number): string {
  return years >= 2 ? nextAcademicYear(firstYear) : firstYear;
}

/** Running: not ended, and its last year not over (it stands before its first year begins, for people joining in the summer). */
export function pathwayAssignmentRuns(a: Pick<PathwayAssignment, 'endedAt' | 'lastYear'>, academicYear: string): boolean {
  return a.endedAt === undefined && academicYear <= a.lastYear;
}
