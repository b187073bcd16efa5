import type { Notice, NoticeView } from '../cards/views';

export function notice(tone: Notice['tone'], text: string, title?: string): NoticeView {
  return { kind: 'notice', ...(title ? { title } : {}), notice: { tone, text } };
}
