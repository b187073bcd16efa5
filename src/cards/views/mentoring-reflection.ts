/**
 * To the mentor who held a meeting: their mentee added a reflection to it. The reflection itself is
 * not in the message (it stays in the meeting view, which only the mentor and the mentee open);
 * the button opens the meeting (`mentoring.reflect.open`).
 */
export interface MentoringReflectionView {
  kind: 'mentoring-reflection';
  mentoringMeetingId: string;
  menteeName: string;
  /** e.g. "Tuesday 8 September" */
  heldOnText: string;
  focus: string;
}
