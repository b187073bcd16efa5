import { MentoringProgramme, type ProgrammeItem } from './mentoring';

/**
 * The built-in programmes (issue 30 item 2; docs/mentoring.md says which seed line each item serves).
 * A lead copies one to change it, as questionnaire templates are copied; the built-in stays as it is.
 * School weeks are counted by `school-weeks.ts`; a range ("weeks 3-4") is planned in its first week.
 */

export const BUILT_IN_PROGRAMME_IDS = ['builtin-new-teacher', 'builtin-developing-teacher', 'builtin-ect-induction'] as const;
export type BuiltInProgrammeId = (typeof BUILT_IN_PROGRAMME_IDS)[number];

type Item = Omit<ProgrammeItem, 'at'> & { at: { year?: 1 | 2; schoolWeek: number; throughWeek?: number } };

/** Seed 000, CPD Pathway 1: five support meetings with the subject mentor in the first term, then half-termly in terms 2 and 3. */
const NEW_TEACHER: Item[] = [
  { key: 'm1', kind: 'meeting', at: { schoolWeek: 2 }, focus: 'Settling in. Q&A. Support mechanisms. Reflection.', with: 'subject-mentor' },
  { key: 'm2', kind: 'meeting', at: { schoolWeek: 3, throughWeek: 4 }, focus: 'Classroom climate and Behaviour for Learning. Experiences so far.', with: 'subject-mentor' },
  { key: 'm3', kind: 'meeting', at: { schoolWeek: 4, throughWeek: 5 }, focus: 'Using pupil data to inform planning.', with: 'subject-mentor' },
  { key: 'm4', kind: 'meeting', at: { schoolWeek: 8, throughWeek: 9 }, focus: 'Marking and feedback: impact so far.', with: 'subject-mentor' },
  { key: 'm5', kind: 'meeting', at: { schoolWeek: 10, throughWeek: 11 }, focus: 'Pastoral role in promoting progress.', with: 'subject-mentor' },
  ...(
    [
      ['t2-h1', 17, 'spring term, first half'],
      ['t2-h2', 23, 'spring term, second half'],
      ['t3-h1', 29, 'summer term, first half'],
      ['t3-h2', 35, 'summer term, second half'],
    ] as const
  ).map(([key, week, half]): Item => ({
    key,
    kind: 'meeting',
    at: { schoolWeek: week, throughWeek: week + 4 },
    focus: `Half-termly meeting (${half}), following a developmental observation.`,
    with: 'subject-mentor',
  })),
];

/** Seed 000, CPD Pathway 2: with the AHT for Teaching and Learning (the professional mentor here) early in autumn, in spring, and in summer. */
const DEVELOPING_TEACHER: Item[] = [
  { key: 'autumn-plan', kind: 'meeting', at: { schoolWeek: 3, throughWeek: 5 }, focus: 'Development needs and aspirations: agree the action plan for the year (whole-school CPD options, individual needs, five core development sessions).', with: 'professional-mentor' },
  { key: 'spring', kind: 'meeting', at: { schoolWeek: 20, throughWeek: 24 }, focus: 'Spring meeting: progress against the action plan.', with: 'professional-mentor' },
  { key: 'summer-review', kind: 'meeting', at: { schoolWeek: 33, throughWeek: 36 }, focus: 'Final reflection and review of the year.', with: 'professional-mentor' },
];

/** Weeks of a two-year induction that hold the termly progress reviews, and the end-of-year assessment. */
const REVIEW_WEEKS = [13, 25, 36] as const;
const ASSESSMENT_WEEK = 37;

/** Statutory induction: two years with a mentor (weekly in year 1, fortnightly in year 2), termly reviews and a formal assessment each year with the induction tutor. */
function ectInduction(): Item[] {
  const items: Item[] = [];
  for (let week = 1; week <= ASSESSMENT_WEEK; week++) items.push({ key: `y1-w${week}`, kind: 'meeting', at: { year: 1, schoolWeek: week }, focus: 'Weekly mentor meeting: progress against the early career framework, and next steps.', with: 'subject-mentor' });
  for (let week = 2; week <= ASSESSMENT_WEEK; week += 2) items.push({ key: `y2-w${week}`, kind: 'meeting', at: { year: 2, schoolWeek: week }, focus: 'Fortnightly mentor meeting: progress against the early career framework, and next steps.', with: 'subject-mentor' });
  for (const year of [1, 2] as const) {
    REVIEW_WEEKS.forEach((week, i) => items.push({ key: `review-y${year}-t${i + 1}`, kind: 'progress-review', at: { year, schoolWeek: week }, focus: `Progress review, year ${year} term ${i + 1}: meetings held, actions completed, reflections.`, with: 'induction-tutor' }));
    items.push({ key: `assessment-y${year}`, kind: 'assessment', at: { year, schoolWeek: ASSESSMENT_WEEK }, focus: `Formal assessment at the end of year ${year} of induction.`, with: 'induction-tutor' });
  }
  return items;
}

const TEMPLATES: Record<BuiltInProgrammeId, { name: string; years: 1 | 2; items: () => Item[] }> = {
  'builtin-new-teacher': { name: 'New teacher: first-year support meetings (seed 000)', years: 1, items: () => NEW_TEACHER },
  'builtin-developing-teacher': { name: 'Developing Teacher pathway meetings', years: 1, items: () => DEVELOPING_TEACHER },
  'builtin-ect-induction': { name: 'Early-career induction (two years)', years: 2, items: ectInduction },
};

export function isBuiltInProgrammeId(id: string): id is BuiltInProgrammeId {
  return (BUILT_IN_PROGRAMME_IDS as readonly string[]).includes(id);
}

/** A built-in programme as a tenant sees it (never stored: a copy is). */
export function builtInProgramme(tenantId: string, id: BuiltInProgrammeId): MentoringProgramme {
  const t = TEMPLATES[id];
  return MentoringProgramme.parse({ tenantId, id, name: t.name, years: t.years, items: t.items(), updatedAt: '2026-01-01T00:00:00.000Z' });
}

export function builtInProgrammes(tenantId: string): MentoringProgramme[] {
  return BUILT_IN_PROGRAMME_IDS.map((id) => builtInProgramme(tenantId, id));
}
