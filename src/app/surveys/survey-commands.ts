import type { CardView } from '../../cards/views';
import { loadSurveyResults } from './load-survey-results';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { buildSurveyForm } from './survey-card-actions';

/** `new survey`: the form (the command table has already checked the person is a lead). */
export function newSurvey(deps: AppDeps, actor: Actor): Promise<CardView> {
  return buildSurveyForm(deps, actor);
}

/** `survey results <title>`: the latest-closing survey whose title contains the words; no words, the latest survey. */
export async function surveyResults(deps: AppDeps, actor: Actor, titleQuery: string): Promise<CardView> {
  const wanted = titleQuery.trim().toLowerCase();
  const surveys = await deps.store.questionnaires.find(actor.tenant.id, {
    where: { purpose: 'survey' },
    orderBy: { field: 'closesAt', direction: 'desc' },
    limit: 200,
  });
  const match = surveys.find((s) => s.value.title.toLowerCase().includes(wanted));
  if (!match) {
    return wanted
      ? notice('info', `I couldn't find a survey called "${titleQuery.trim().slice(0, 100)}".`)
      : notice('info', 'No surveys have been sent yet. Say "new survey" to send one.');
  }
  const result = await loadSurveyResults(deps, actor.tenant.id, match.value.id);
  return result.ok ? result.value : notice('attention', result.message);
}
