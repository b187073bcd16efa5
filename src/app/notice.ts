import type { Notice } from '../cards/views/common';
import type { NoticeView } from '../cards/views/notice';

export function notice(tone: Notice['tone'], text: string, title?: string): NoticeView {
  return { kind: 'notice', ...(title ? { title } : {}), notice: { tone, text } };
}
