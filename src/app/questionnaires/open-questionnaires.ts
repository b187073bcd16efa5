import { isOpen } from '../../domain';
import { formatInstant } from '../../cards/format';
import type { OpenQuestionnaireRow } from '../../cards/views/common';
import type { Actor } from '../people';
import type { AppDeps } from '../deps';
import { hasAnswered, sessionTitleOf } from './questionnaire-view';
import { isRecipient } from './submit-questionnaire';

/**
 * The questionnaires this person may still answer: open now, theirs to answer (an attendee of
 * the session, or in the survey's audience) and not yet answered; soonest to close first. A
 * tenant has only a handful open at once, so they are read and checked one by one.
 */
export async function openQuestionnairesFor(deps: AppDeps, actor: Actor): Promise<OpenQuestionnaireRow[]> {
  const now = deps.clock.now();
  const rows = await deps.store.questionnaires.find(actor.tenant.id, { where: { closesAt: { gt: now.toISOString() }, opensAt: { lte: now.toISOString() } } });
  const open = rows.map((r) => r.value).filter((q) => isOpen(q, now));
  const mine: OpenQuestionnaireRow[] = [];
  for (const q of open.sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id.localeCompare(b.id))) {
    if (!(await isRecipient(deps, q, actor.staff.id)) || (await hasAnswered(deps, q, actor.staff.id))) continue;
    const sessionTitle = await sessionTitleOf(deps, q);
    mine.push({
      questionnaireId: q.id,
      title: q.title,
      ...(sessionTitle ? { sessionTitle } : {}),
      closesText: `Closes ${formatInstant(q.closesAt, actor.tenant.settings.timezone)}`,
      anonymous: q.anonymous,
    });
  }
  return mine;
}
