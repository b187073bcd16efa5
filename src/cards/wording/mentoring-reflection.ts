import type { MentoringReflectionView } from '../views/mentoring-reflection';

/** The mentor's message when their mentee reflects on a meeting, the same on both platforms. */
export const reflectionAddedTitle = (view: MentoringReflectionView): string => `${view.menteeName} added a reflection`;

export const reflectionAddedText = (view: MentoringReflectionView): string => `${view.menteeName} added a reflection to your meeting of ${view.heldOnText} (${view.focus.trim().replace(/[.\s]+$/, '')}).`;

export const OPEN_MEETING_LABEL = 'Open the meeting';
