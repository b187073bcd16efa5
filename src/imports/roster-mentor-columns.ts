import type { MentorRole } from '../domain';
import type { RosterField } from './roster-headings';

/** The roster column each supporter comes from (issue 30); roster-headings.ts holds their aliases. */
export const MENTOR_COLUMNS: Record<MentorRole, RosterField> = {
  'subject-mentor': 'subjectMentor',
  'professional-mentor': 'professionalMentor',
  coach: 'coach',
  'induction-tutor': 'inductionTutor',
};

export const MENTOR_COLUMN_ENTRIES = Object.entries(MENTOR_COLUMNS) as [MentorRole, RosterField][];
