/**
 * The delegate's questions of the gap-task format, parts 2 and 3 (docs/policy-sources.md), with the field names and
 * limits of GapTaskPlan / GapTaskReport in src/domain/gap-task.ts.
 */
export interface GapTaskField {
  id: string;
  label: string;
  hint?: string;
  maxLength: number;
}

export const GAP_PLAN_FIELDS: GapTaskField[] = [
  {
    id: 'takeBack',
    label: 'What will you take back to school from this session?',
    hint: 'Does the gap task need adapting for your setting?',
    maxLength: 2000,
  },
  { id: 'intendedImpact', label: 'What is the intended impact?', maxLength: 2000 },
  {
    id: 'startingPoint',
    label: 'What is your starting point to measure it?',
    hint: 'e.g. data, pupil discussion, lesson feedback, work scrutiny',
    maxLength: 1000,
  },
  { id: 'practiceChange', label: 'How will it change your practice, or that of others?', maxLength: 2000 },
];

export const GAP_REPORT_FIELDS: GapTaskField[] = [
  { id: 'whatDone', label: 'What did you do or put in place?', maxLength: 2000 },
  { id: 'impactSoFar', label: 'What has the impact been so far?', hint: 'Think of pupils, staff and the school community.', maxLength: 2000 },
  { id: 'sustain', label: 'How could this be sustained?', maxLength: 2000 },
  { id: 'successes', label: 'What are the successes?', maxLength: 2000 },
  { id: 'barriers', label: 'What barriers remain?', maxLength: 2000 },
];

export const SHARE_WITH_MANAGER_FIELD = 'shareWithManager';

/** Part 2's "Share with your SLT": the plan to the person's line manager and their school's senior leaders. */
export const SHARE_WITH_LEADERS_FIELD = 'shareWithLeaders';
export const SHARE_WITH_LEADERS_LABEL = "Share my plan with my line manager and my school's senior leaders";
export const PLAN_SHARED_TEXT = "You shared this plan with your line manager and your school's senior leaders.";
/** Once the report is in: part 4 in the person's own words comes later (typed words, so no <…>, which Teams strips). */
export const OWN_PART_FOUR_HINT = 'Later, say "impact" and the session\'s title to add the longer-term impact you have seen.';
