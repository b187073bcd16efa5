import type { HelpView } from '../views/help';
import type { KnownBlock } from '@slack/types';
import { context, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function helpBlocks(view: HelpView): KnownBlock[] {
  const lines = view.commands.map((c) => `\`${escapeMrkdwn(c.command)}\` ${escapeMrkdwn(c.text)}`);
  const blocks: KnownBlock[] = [header('Twilight: your CPD assistant'), context('Type a command after `/cpd` anywhere (e.g. `/cpd sessions`), or on its own in a direct message to me.')];
  // Ten commands per section keeps each well inside the section text limit.
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  if (view.isLead) blocks.push(context('You are a CPD lead: you can also create sessions and see session reports.'));
  return blocks;
}
