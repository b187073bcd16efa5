import { NEEDS_FORM, NEEDS_INTRO, NEEDS_LABELS, NO_MANAGER_TEXT, PREFERRED_CHOICES, SHARE_REVIEW_FIELD, STRAND_CHOICES, shareReviewLabel } from '../wording/needs';
import type { NeedsFormView, NeedsSummaryView, YearAheadTeamView } from '../views/needs';
import type { CardContent } from './card-content';
import { compact, execute, facts, fieldError, heading, noticeBox, subheading, subtle, text, type AdaptiveElement } from './elements';

function withError(view: NeedsFormView, input: AdaptiveElement, id: string): AdaptiveElement[] {
  const error = view.errors?.[id];
  return compact([input, error !== undefined && fieldError(error)]);
}

function question(view: NeedsFormView, q: (typeof NEEDS_FORM)[number]): AdaptiveElement[] {
  const value = view.values?.[q.id] !== undefined ? { value: view.values[q.id] } : {};
  const required = q.required ? { isRequired: true } : {};
  if (q.kind === 'text') {
    return withError(view, { type: 'Input.Text', id: q.id, label: NEEDS_LABELS[q.id], isMultiline: true, ...required, ...(q.required ? { errorMessage: 'Please fill this in.' } : {}), maxLength: 2000, ...value }, q.id);
  }
  const choices = (q.kind === 'strands' ? STRAND_CHOICES : PREFERRED_CHOICES).map((c) => ({ title: c.label, value: c.value }));
  return withError(view, { type: 'Input.ChoiceSet', id: q.id, label: NEEDS_LABELS[q.id], isMultiSelect: true, style: 'expanded', ...required, errorMessage: 'Choose at least one.', choices, ...value }, q.id);
}

function sharing(view: NeedsFormView): AdaptiveElement[] {
  if (!view.lineManagerName) return compact([subtle(NO_MANAGER_TEXT), view.errors?.[SHARE_REVIEW_FIELD] !== undefined && fieldError(view.errors[SHARE_REVIEW_FIELD])]);
  return withError(view, { type: 'Input.Toggle', id: SHARE_REVIEW_FIELD, title: shareReviewLabel(view.lineManagerName), value: view.values?.[SHARE_REVIEW_FIELD] ?? 'false', valueOn: 'true', valueOff: 'false' }, SHARE_REVIEW_FIELD);
}

export function needsFormCard(view: NeedsFormView): CardContent {
  return {
    body: compact([
      heading(`The year ahead: ${view.year}`),
      view.notice && noticeBox(view.notice),
      subtle(NEEDS_INTRO),
      ...NEEDS_FORM.flatMap((q) => question(view, q)),
      ...sharing(view),
    ]),
    actions: [execute('Send', 'needs.submit', {}, { style: 'positive', withInputs: true })],
    summary: `The year ahead: ${view.year}`,
  };
}

export function needsSummaryCard(view: NeedsSummaryView): CardContent {
  const shown = !view.withheld;
  const themeList = (title: string, themes: { theme: string; count: number }[]) =>
    shown && themes.length > 0 ? [subheading(title), ...themes.map((t) => text(`${t.theme} (${t.count})`, { spacing: 'None' }))] : [];
  return {
    body: compact([
      heading(`CPD needs: ${view.year}`),
      subtle(`${view.responses} year-ahead review${view.responses === 1 ? '' : 's'}. No names.`),
      view.withheld && text(view.withheld),
      shown && view.strands.length > 0 && subheading('Aspect to develop: skill, knowledge or attitude'),
      shown && view.strands.length > 0 && facts(view.strands.map((p) => ({ label: p.label, value: String(p.count) }))),
      ...themeList('Aspects to develop: common themes', view.developmentThemes),
      shown && view.preferred.length > 0 && subheading('Preferred CPD'),
      shown && view.preferred.length > 0 && facts(view.preferred.map((p) => ({ label: p.label, value: String(p.count) }))),
      ...themeList('Aspirations: common themes', view.aspirationThemes),
      ...themeList('Strengths to share: common themes', view.strengthThemes),
    ]),
    summary: `CPD needs ${view.year}: ${view.responses} reviews.`,
  };
}

export function yearAheadTeamCard(view: YearAheadTeamView): CardContent {
  return {
    body: compact([
      heading(`Your team's year-ahead reviews: ${view.year}`),
      subtle('Shared with you by the people who report to you, for their performance review.'),
      view.reviews.length === 0 && text('Nobody has shared a year-ahead review with you yet this year.'),
      ...view.reviews.flatMap((r): AdaptiveElement[] => [
        { type: 'Container', separator: true, items: [text(r.name, { weight: 'Bolder' }), subtle(r.submittedText), facts(r.answers)] },
      ]),
      view.notShared > 0 && subtle(`${view.notShared} of your team ${view.notShared === 1 ? 'has' : 'have'} not shared one with you.`),
    ]),
    summary: `Year-ahead reviews shared with you: ${view.reviews.length}`,
  };
}
