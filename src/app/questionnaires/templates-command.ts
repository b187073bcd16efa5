import { DEFAULT_REACTION_TEMPLATE_ID } from '../../domain';
import type { CardView } from '../../cards/views';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { tenantTemplates } from './template-file';

/** `templates`: the questionnaires this school can use, and how to choose or change them. */
export async function templatesCommand(deps: AppDeps, actor: Actor): Promise<CardView> {
  const templates = await tenantTemplates(deps, actor.tenant.id);
  const line = (t: (typeof templates)[number]) => `• ${t.name} (${t.questions.length} questions${t.id === DEFAULT_REACTION_TEMPLATE_ID ? ', the default' : ''})`;
  const reactions = templates.filter((t) => t.purpose === 'reaction').map(line);
  const surveys = templates.filter((t) => t.purpose === 'survey').map(line);
  return notice(
    'info',
    [
      'After a session:',
      ...reactions,
      'Surveys ("new survey"):',
      ...surveys,
      'Choose a session\'s questionnaire in the "new session" or "edit" form. To change the questions, export the templates (npm run cli -- templates export --out templates.json), edit the file and import it (templates import templates.json).',
    ].join('\n'),
    'Questionnaire templates',
  );
}
