import type { NoticeView } from '../views/notice';
import type { Block } from './block-types';
import { header, notice } from './blocks';

export function noticeBlocks(view: NoticeView): Block[] {
  return view.title ? [header(view.title), notice(view.notice)] : [notice(view.notice)];
}
