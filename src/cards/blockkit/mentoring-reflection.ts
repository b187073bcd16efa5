import type { KnownBlock } from '@slack/types';
import { OPEN_MEETING_LABEL, reflectionAddedText, reflectionAddedTitle } from '../wording/mentoring-reflection';
import type { MentoringReflectionView } from '../views/mentoring-reflection';
import { actions, button, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

/** The mentor's notice that their mentee reflected: no quote; the button opens the meeting (a modal). */
export function mentoringReflectionBlocks(view: MentoringReflectionView): KnownBlock[] {
  return [
    header(reflectionAddedTitle(view)),
    section(escapeMrkdwn(reflectionAddedText(view))),
    actions([button(OPEN_MEETING_LABEL, { verb: 'mentoring.reflect.open', mentoringMeetingId: view.mentoringMeetingId }, { style: 'primary' })], `reflection:${view.mentoringMeetingId}`),
  ];
}

export const mentoringReflectionText = reflectionAddedText;
