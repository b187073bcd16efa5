import { DEFAULT_REACTION_TEMPLATE_ID } from '../../domain';
import type { CardView } from '../../cards/views';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { notice } from '../notice';
import { schoolFileExport, withSchoolFileDownload } from '../school-file-links';
import { tenantTemplates } from './template-file';

const TITLE = 'Questionnaire templates';
const SEND_BACK = 'Change the questions in the file, then send it back to me here: I show what would change, and nothing is imported until you press Import.';

/** `templates`: the questionnaires this school can use, and how to choose or change them; `templates export`: the file to change them. */
export async function templatesCommand(deps: AppDeps, actor: Actor, argument = ''): Promise<CardView> {
  if (/^export$/i.test(argument.trim())) return schoolFileExport(deps, actor.tenant.id, actor.staff.id, 'templates.json', { title: TITLE, sendBack: SEND_BACK });
  const templates = await tenantTemplates(deps, actor.tenant.id);
  const line = (t: (typeof templates)[number]) => `• ${t.name} (${t.questions.length} questions${t.id === DEFAULT_REACTION_TEMPLATE_ID ? ', the default' : ''})`;
  const reactions = templates.filter((t) => t.purpose === 'reaction').map(line);
  const surveys = templates.filter((t) => t.purpose === 'survey').map(line);
  const view = notice(
    'info',
    [
      'After a session:',
      ...reactions,
      'Surveys ("new survey"):',
      ...surveys,
      'Choose a session\'s questionnaire in the "new session" or "edit" form.',
      `To change the questions, say "templates export" for the file. ${SEND_BACK} (IT can do the same with npm run cli -- templates export / templates import.)`,
    ].join('\n'),
    TITLE,
  );
  return withSchoolFileDownload(view, deps, actor.tenant.id, actor.staff.id, 'templates.json');
}
