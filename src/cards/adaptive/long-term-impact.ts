import type { LongTermImpactView } from '../views/long-term-impact';
import type { CardContent } from './card-content';
import { compact, execute, fieldError, heading, noticeBox, subtle, text, type AdaptiveElement, escapeMarkdown, markdown } from './elements';

import { LONG_TERM_LABELS, longTermLines, longTermSubtitle } from '../wording/long-term-impact';

function withError(view: LongTermImpactView, input: AdaptiveElement, id: string): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

export function longTermImpactCard(view: LongTermImpactView): CardContent {
  const open = view.tasks.length > 0;
  return {
    body: compact([
      heading(`Longer-term impact: ${view.sessionTitle}`),
      subtle(longTermSubtitle(view)),
      view.notice && noticeBox(view.notice),
      ...view.tasks.map((t) => markdown([`**${escapeMarkdown(t.name)}**: ${escapeMarkdown(t.reportText)}`, ...longTermLines(t, view.own).map(escapeMarkdown)].join('\n'), { spacing: 'Small' })),
      !open && text('Nobody has reported on this gap task yet.'),
      ...(open
        ? [
            ...withError(view, { type: 'Input.ChoiceSet', id: 'reportedTaskId', label: LONG_TERM_LABELS.reportedTaskId, style: 'compact', isRequired: true, errorMessage: 'Choose whose work.', choices: view.tasks.map((t) => ({ title: t.name, value: t.gapTaskId })), ...(view.values?.reportedTaskId ? { value: view.values.reportedTaskId } : {}) }, 'reportedTaskId'),
            ...withError(view, { type: 'Input.Text', id: 'impact', label: LONG_TERM_LABELS.impact, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 3000, ...(view.values?.impact ? { value: view.values.impact } : {}) }, 'impact'),
          ]
        : []),
    ]),
    ...(open ? { actions: [execute('Save', 'impact.long.submit', { sessionId: view.sessionId }, { style: 'positive', withInputs: true })] } : {}),
    summary: `Longer-term impact: ${view.sessionTitle}`,
  };
}
