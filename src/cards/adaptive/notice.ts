import type { NoticeView } from '../views/notice';
import type { CardContent } from './card-content';
import { actionSet, compact, noticeBox, openUrl, subheading } from './elements';

export function noticeCard(view: NoticeView): CardContent {
  return {
    body: compact([view.title && subheading(view.title, { spacing: 'None' }), noticeBox(view.notice), view.download && actionSet([openUrl(view.download.label, view.download.url)])]),
    summary: view.notice.text,
  };
}
