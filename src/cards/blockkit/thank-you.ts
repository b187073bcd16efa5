import type { ThankYouView } from '../views/thank-you';
import type { KnownBlock } from '@slack/types';
import { fields, header, section } from './blocks';
import { escapeMrkdwn } from './limits';

export function thankYouBlocks(view: ThankYouView): KnownBlock[] {
  const blocks: KnownBlock[] = [header(view.title), section(escapeMrkdwn(view.text))];
  // Section fields hold 10 pairs; longer summaries continue in further sections.
  const summary = view.summary ?? [];
  for (let i = 0; i < summary.length; i += 10) blocks.push(fields(summary.slice(i, i + 10)));
  return blocks;
}
