import type { MyRecordView } from '../views/my-record';
import type { BlockKitHome } from './block-types';
import { context } from './blocks';
import { SLACK_LIMITS } from './limits';
import { capBlocks } from './message';
import { myRecordBlocks } from './my-record';

/** The App Home tab: upcoming sessions with RSVP, open gap tasks and the person's recent record. */
export function renderAppHome(view: MyRecordView, options: { recentRows?: number } = {}): BlockKitHome {
  const blocks = myRecordBlocks(view, { maxRows: options.recentRows ?? 6 });
  blocks.push(context('Type `/cpd help` in any channel for commands.'));
  return { type: 'home', blocks: capBlocks(blocks, SLACK_LIMITS.homeBlocks, 'Use `/cpd my` for everything.') };
}
