import { countOf } from '../format';
import { anonymityText } from '../wording/anonymity';
import type { QuestionnaireView } from '../views/questionnaire';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, notice, section } from './blocks';
import { escapeMrkdwn } from './limits';

/** The DM that leads to the questionnaire modal: the form itself lives in the modal. */
export function questionnaireMessageBlocks(view: QuestionnaireView): KnownBlock[] {
  const title = view.isReminder ? `Reminder: ${view.title}` : view.title;
  const blocks: KnownBlock[] = [header(title)];
  if (view.notice) blocks.push(notice(view.notice));
  const about = view.sessionTitle ? `How was *${escapeMrkdwn(view.sessionTitle)}*? ` : '';
  const count = countOf(view.questions.length, 'question');
  blocks.push(section(`${about}${count}, a couple of minutes.`));
  blocks.push(context(`${view.anonymous ? ':lock:' : ':bust_in_silhouette:'} ${escapeMrkdwn(anonymityText(view.anonymous))}`));
  switch (view.state) {
    case 'open':
      blocks.push(context(escapeMrkdwn(view.closesText)));
      blocks.push(
        actions([button('Answer', { verb: 'questionnaire.open', questionnaireId: view.questionnaireId }, { style: 'primary' })], `questionnaire:${view.questionnaireId}`),
      );
      break;
    case 'answered':
      blocks.push(section(':white_check_mark: You have answered this questionnaire. Thank you.'));
      break;
    case 'closed':
      blocks.push(section(':no_entry_sign: This questionnaire is closed.'));
      break;
  }
  return blocks;
}

