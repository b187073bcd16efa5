import type { NoticeView } from '../views/notice';
import type { KnownBlock } from '@slack/types';
import { header, notice } from './blocks';

export function noticeBlocks(view: NoticeView): KnownBlock[] {
  return view.title ? [header(view.title), notice(view.notice)] : [notice(view.notice)];
}
