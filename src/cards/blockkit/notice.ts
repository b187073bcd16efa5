import type { NoticeView } from '../views/notice';
import type { KnownBlock } from '@slack/types';
import { actions, header, linkButton, notice } from './blocks';

export function noticeBlocks(view: NoticeView): KnownBlock[] {
  const download = view.download ? [actions([linkButton(view.download.label, view.download.url, 'school-file.download')], 'notice:download')] : [];
  return [...(view.title ? [header(view.title)] : []), notice(view.notice), ...download];
}
