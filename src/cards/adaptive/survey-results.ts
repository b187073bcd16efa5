import { agreeText, bySection, likertCountsText, responsesText } from '../wording/survey-results';
import type { SurveyResultsView } from '../views/survey-results';
import type { CardContent } from './card-content';
import { compact, facts, heading, noticeBox, subheading, subtle, text, escapeMarkdown, markdown } from './elements';

export function surveyResultsCard(view: SurveyResultsView): CardContent {
  return {
    body: compact([
      heading(`Survey results: ${view.title}`),
      facts([
        { label: 'Asked', value: view.audienceText },
        { label: 'Status', value: view.statusText },
        { label: 'Answers', value: view.anonymous ? 'Anonymous' : 'Named' },
        { label: 'Responses', value: responsesText(view) },
      ]),
      view.withheld && noticeBox({ tone: 'info', text: `Results appear once enough people have answered: so far ${view.withheld}.` }),
      ...bySection(view.statements).flatMap((group) => [
        ...(group.section ? [subheading(group.section)] : []),
        ...group.statements.flatMap((s) => [markdown(`${escapeMarkdown(s.prompt)} **${escapeMarkdown(agreeText(s))}**`, { spacing: 'Small' }), subtle(likertCountsText(s))]),
      ]),
      view.commentThemes.length > 0 && subheading('What people said'),
      ...view.commentThemes.flatMap((t) => [
        text(`${t.theme} (${t.count})`, { weight: 'Bolder', spacing: 'Small' }),
        ...t.examples.map((e) => text(`“${e}”`, { isSubtle: true, spacing: 'None' })),
      ]),
    ]),
    summary: `Survey results for ${view.title}: ${responsesText(view)} responses.`,
  };
}
