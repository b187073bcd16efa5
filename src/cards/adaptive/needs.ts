import { NEEDS_INTRO, NEEDS_LABELS, PREFERRED_CHOICES } from '../wording/needs';
import type { NeedsFormView, NeedsSummaryView } from '../views/needs';
import type { CardContent } from './card-content';
import { compact, execute, facts, fieldError, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';

function withError(view: NeedsFormView, input: AdaptiveElement, id: string): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

export function needsFormCard(view: NeedsFormView): CardContent {
  const v = (id: string) => (view.values?.[id] !== undefined ? { value: view.values[id] } : {});
  return {
    body: compact([
      heading(`The year ahead: ${view.year}`),
      view.notice && noticeBox(view.notice),
      subtle(NEEDS_INTRO),
      ...withError(view, { type: 'Input.Text', id: 'strengths', label: NEEDS_LABELS.strengths, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 2000, ...v('strengths') }, 'strengths'),
      ...withError(view, { type: 'Input.Text', id: 'aspirations', label: NEEDS_LABELS.aspirations, isMultiline: true, isRequired: true, errorMessage: 'Please fill this in.', maxLength: 2000, ...v('aspirations') }, 'aspirations'),
      ...withError(
        view,
        { type: 'Input.ChoiceSet', id: 'preferred', label: NEEDS_LABELS.preferred, isMultiSelect: true, style: 'expanded', isRequired: true, errorMessage: 'Choose at least one.', choices: PREFERRED_CHOICES.map((c) => ({ title: c.label, value: c.value })), ...v('preferred') },
        'preferred',
      ),
    ]),
    actions: [execute('Send', 'needs.submit', {}, { style: 'positive', withInputs: true })],
    summary: `The year ahead: ${view.year}`,
  };
}

export function needsSummaryCard(view: NeedsSummaryView): CardContent {
  return {
    body: compact([
      heading(`CPD needs: ${view.year}`),
      subtle(`${view.responses} year-ahead review${view.responses === 1 ? '' : 's'}. No names.`),
      view.withheld && text(view.withheld),
      !view.withheld && view.preferred.length > 0 && subheading('Preferred CPD'),
      !view.withheld && view.preferred.length > 0 && facts(view.preferred.map((p) => ({ label: p.label, value: String(p.count) }))),
      !view.withheld && view.aspirationThemes.length > 0 && subheading('Aspirations: common themes'),
      ...(view.withheld ? [] : view.aspirationThemes.map((t) => text(`${t.theme} (${t.count})`, { spacing: 'None' }))),
      !view.withheld && view.strengthThemes.length > 0 && subheading('Strengths to share: common themes'),
      ...(view.withheld ? [] : view.strengthThemes.map((t) => text(`${t.theme} (${t.count})`, { spacing: 'None' }))),
    ]),
    summary: `CPD needs ${view.year}: ${view.responses} reviews.`,
  };
}
