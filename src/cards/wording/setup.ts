import { countOf } from '../format';
import type { FileImportView, SetupView, UndeliveredSummary } from '../views/setup';

/** The words both renderers use for the setup views, so Teams and Slack say the same. */

export const MAX_ERRORS_SHOWN = 40;

export function fileImportTitle(view: FileImportView): string {
  const what = view.what ? `${view.what}: ` : '';
  return `${what}${view.fileName}`;
}

/** "row 3: E-mail: …", every one up to a cap, then how many more. A JSON file's problems have no row (0): they name their place. */
export function fileErrorLines(view: FileImportView): string[] {
  const lines = view.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (e.row > 0 ? `row ${e.row}: ${e.reason}` : e.reason));
  if (view.errors.length > MAX_ERRORS_SHOWN) lines.push(`… and ${view.errors.length - MAX_ERRORS_SHOWN} more problems`);
  return lines;
}

export function fileImportSummary(view: FileImportView): string {
  return `${fileImportTitle(view)}. ${view.notice.text}`;
}

export function setupSummary(view: SetupView): string {
  const left = view.items.filter((i) => !i.done).length;
  return left === 0 ? `${view.tenantName} is set up.` : `${view.tenantName}: ${countOf(left, 'thing')} still to set up.`;
}

/** One line per reason: "3 messages to 2 people: no Teams or Slack account linked (Jo Patel, Sam Lee)". */
export function undeliveredLines(summary: UndeliveredSummary): { line: string; action: string }[] {
  return summary.groups.map((g) => ({
    line: `${countOf(g.messages, 'message')} to ${countOf(g.people, 'person', 'people')}: ${g.reasonText}${g.names && g.names.length > 0 ? ` (${g.names.join(', ')})` : ''}`,
    action: g.action,
  }));
}

export function undeliveredHeadline(summary: UndeliveredSummary): string {
  return summary.messages === 0
    ? `Every message ${summary.periodText} was delivered.`
    : `${countOf(summary.messages, 'message')} ${summary.periodText} could not be delivered (${countOf(summary.people, 'person', 'people')}).${summary.namesHint ? ` ${summary.namesHint}` : ''}`;
}
