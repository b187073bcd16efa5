import { countOf } from '../format';
import { fileErrorLines, fileImportSummary, fileImportTitle, setupSummary, undeliveredHeadline, undeliveredLines } from '../wording/setup';
import type { FileImportView, SetupView, UndeliveredSummary, UnreachableView } from '../views/setup';
import type { CardContent } from './card-content';
import { compact, execute, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';

function list(title: string, lines: string[]): AdaptiveElement[] {
  if (lines.length === 0) return [];
  return [subheading(title), ...lines.map((line) => text(line, { spacing: 'None' }))];
}

export function fileImportCard(view: FileImportView): CardContent {
  const id = view.fileImportId;
  const buttons =
    view.state === 'preview' && id
      ? view.secondary === 'publish'
        ? [execute('Import and invite', 'file.publish', { fileImportId: id }, { style: 'positive' }), execute('Import as drafts', 'file.import', { fileImportId: id }), execute('Cancel', 'file.cancel', { fileImportId: id })]
        : [
            ...(view.onlySecondary ? [] : [execute('Import', 'file.import', { fileImportId: id }, { style: 'positive' })]),
            ...(view.secondary === 'leavers' ? [execute(`Import and mark ${countOf(view.leavers ?? 0, 'leaver')}`, 'file.leavers', { fileImportId: id }, { style: 'destructive' })] : []),
            execute('Cancel', 'file.cancel', { fileImportId: id }),
          ]
      : [];
  return {
    body: compact([
      heading(fileImportTitle(view)),
      noticeBox(view.notice),
      ...list(view.state === 'preview' ? 'What would change' : 'What changed', view.summary),
      ...list('In detail', view.details),
      ...list('Problems to fix', fileErrorLines(view)),
      ...view.notes.map((n) => subtle(n)),
    ]),
    ...(buttons.length > 0 ? { actions: buttons } : {}),
    summary: fileImportSummary(view),
  };
}

export function setupCard(view: SetupView): CardContent {
  return {
    body: compact([
      heading(view.welcome ? 'Welcome to Twilight' : `Setting up ${view.tenantName}`),
      view.welcome && text(view.welcome),
      ...view.items.flatMap((item) => [text(`${item.done ? '✓' : '☐'} ${item.text}`, { weight: item.done ? 'Default' : 'Bolder', spacing: 'Medium' }), item.action && subtle(item.action)]),
    ]),
    summary: setupSummary(view),
  };
}

/** The "could not be delivered" part of a session report or the programme digest. */
export function undeliveredElements(summary: UndeliveredSummary | undefined): AdaptiveElement[] {
  if (!summary || summary.messages === 0) return [];
  return [subheading('Not delivered'), text(undeliveredHeadline(summary)), ...undeliveredLines(summary).flatMap((l) => [text(l.line, { spacing: 'Small' }), subtle(l.action)])];
}

export function unreachableCard(view: UnreachableView): CardContent {
  const unlinked = view.unlinkedStaff > 0 ? `${view.unlinkedStaff} of your active staff have no Teams or Slack account linked yet${view.unlinkedNames?.length ? `: ${view.unlinkedNames.join(', ')}` : ''}.` : '';
  return {
    body: compact([
      heading('Who could not be reached'),
      text(undeliveredHeadline(view.summary)),
      ...undeliveredLines(view.summary).flatMap((l) => [text(l.line, { spacing: 'Medium', weight: 'Bolder' }), subtle(l.action)]),
      unlinked && text(unlinked, { spacing: 'Medium' }),
      unlinked && subtle('They are linked when they first open Twilight, or when Twilight is added to a team they are in (Teams) or their e-mail matches their Slack account.'),
    ]),
    summary: undeliveredHeadline(view.summary),
  };
}
