import type { NoticeView } from '../views/notice';
import type { CardContent } from './card-content';
import { compact, noticeBox, subheading } from './elements';

export function noticeCard(view: NoticeView): CardContent {
  return {
    body: compact([view.title && subheading(view.title, { spacing: 'None' }), noticeBox(view.notice)]),
    summary: view.notice.text,
  };
}
