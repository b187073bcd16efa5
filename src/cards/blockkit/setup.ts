import { countOf } from '../format';
import { fileErrorLines, fileImportTitle, undeliveredHeadline, undeliveredLines } from '../wording/setup';
import type { FileImportView, SetupView, UndeliveredSummary, UnreachableView } from '../views/setup';
import type { KnownBlock } from '@slack/types';
import { actions, button, context, header, notice, section } from './blocks';
import { SLACK_LIMITS, escapeMrkdwn } from './limits';

/** Lines as few sections as fit Slack's 3,000 characters each. */
function sections(title: string, lines: string[]): KnownBlock[] {
  if (lines.length === 0) return [];
  const blocks: KnownBlock[] = [];
  let current = `*${title}*`;
  for (const line of lines.map(escapeMrkdwn)) {
    if (current.length + line.length + 1 > SLACK_LIMITS.sectionText) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return blocks;
}

export function fileImportBlocks(view: FileImportView): KnownBlock[] {
  const id = view.fileImportId;
  const buttons =
    view.state === 'preview' && id
      ? view.secondary === 'publish'
        ? [button('Import and invite', { verb: 'file.publish', fileImportId: id }, { style: 'primary' }), button('Import as drafts', { verb: 'file.import', fileImportId: id }), button('Cancel', { verb: 'file.cancel', fileImportId: id })]
        : [
            ...(view.onlySecondary ? [] : [button('Import', { verb: 'file.import', fileImportId: id }, { style: 'primary' })]),
            ...(view.secondary === 'leavers' ? [button(`Import and mark ${countOf(view.leavers ?? 0, 'leaver')}`, { verb: 'file.leavers', fileImportId: id }, { style: 'danger' })] : []),
            button('Cancel', { verb: 'file.cancel', fileImportId: id }),
          ]
      : [];
  return [
    header(fileImportTitle(view)),
    notice(view.notice),
    ...sections(view.state === 'preview' ? 'What would change' : 'What changed', view.summary),
    ...sections('In detail', view.details),
    ...sections('Problems to fix', fileErrorLines(view)),
    ...view.notes.slice(0, 5).map((n) => context(escapeMrkdwn(n))),
    ...(buttons.length > 0 ? [actions(buttons)] : []),
  ];
}

export function setupBlocks(view: SetupView): KnownBlock[] {
  return [
    header(view.welcome ? 'Welcome to Twilight' : `Setting up ${view.tenantName}`),
    ...(view.welcome ? [section(escapeMrkdwn(view.welcome))] : []),
    ...view.items.map((item) => section(`${item.done ? ':white_check_mark:' : ':white_square:'} ${item.done ? '' : '*'}${escapeMrkdwn(item.text)}${item.done ? '' : '*'}${item.action ? `\n${escapeMrkdwn(item.action)}` : ''}`)),
  ];
}

export function undeliveredBlocks(summary: UndeliveredSummary | undefined): KnownBlock[] {
  if (!summary || summary.messages === 0) return [];
  return sections('Not delivered', [undeliveredHeadline(summary), ...undeliveredLines(summary).flatMap((l) => [l.line, `  → ${l.action}`])]);
}

export function unreachableBlocks(view: UnreachableView): KnownBlock[] {
  const unlinked =
    view.unlinkedStaff > 0
      ? [section(escapeMrkdwn(`${view.unlinkedStaff} of your active staff have no Teams or Slack account linked yet${view.unlinkedNames?.length ? `: ${view.unlinkedNames.join(', ')}` : ''}.`))]
      : [];
  return [
    header('Who could not be reached'),
    section(escapeMrkdwn(undeliveredHeadline(view.summary))),
    ...undeliveredLines(view.summary).map((l) => section(`*${escapeMrkdwn(l.line)}*\n${escapeMrkdwn(l.action)}`)),
    ...unlinked,
  ];
}
