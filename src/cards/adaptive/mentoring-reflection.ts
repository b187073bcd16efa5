import { OPEN_MEETING_LABEL, reflectionAddedText, reflectionAddedTitle } from '../wording/mentoring-reflection';
import type { MentoringReflectionView } from '../views/mentoring-reflection';
import type { CardContent } from './card-content';
import { execute, heading, text } from './elements';

/** The mentor's notice that their mentee reflected: no quote; the button shows the meeting with the reflection. */
export function mentoringReflectionCard(view: MentoringReflectionView): CardContent {
  return {
    body: [heading(reflectionAddedTitle(view)), text(reflectionAddedText(view), { wrap: true })],
    actions: [execute(OPEN_MEETING_LABEL, 'mentoring.reflect.open', { mentoringMeetingId: view.mentoringMeetingId })],
    summary: reflectionAddedText(view),
  };
}
