import type { HelpView } from '../views/help';
import type { CardContent } from './card-content';
import { facts, heading, subtle } from './elements';

export function helpCard(view: HelpView): CardContent {
  return {
    body: [
      heading('What I can do'),
      facts(view.commands.map((c) => ({ label: c.command, value: c.text }))),
      subtle('Type a command in this chat. Invitations, reminders and questionnaires arrive here by themselves.'),
    ],
    summary: `Commands: ${view.commands.map((c) => c.command).join(', ')}`,
  };
}
