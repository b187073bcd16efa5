import type { Actor } from '../app/people';
import type { AppDeps } from '../app/deps';
import { buildGapTaskForm } from '../app/gap-tasks';
import { buildInvitationView } from '../app/sessions';
import { buildQuestionnaireView } from '../app/questionnaires';
import { isRecipient } from '../app/questionnaires';
import { renderAdaptiveCard } from '../cards/adaptive/render-adaptive-card';
import type { CardView } from '../cards/views';
import { hasRole, isInAudience } from '../domain';
import { loadLeadDigest } from '../app/digests';
import { loadManagerDigest } from '../app/digests';
import { loadMyRecord } from '../app/records';

/** A card the chosen person would have in their chat now, as Teams would get it. */
export interface LiveCard {
  /** Stable within one answer, so the page can keep the card in place when the bot replaces it. */
  id: string;
  title: string;
  kind: CardView['kind'];
  card: unknown;
}

const MAX_PER_KIND = 5;

async function questionnaireViews(deps: AppDeps, actor: Actor): Promise<CardView[]> {
  const now = deps.clock.now().toISOString();
  const rows = await deps.store.questionnaires.find(actor.tenant.id, { where: { closesAt: { gt: now } }, orderBy: { field: 'closesAt' }, limit: 50 });
  const views: CardView[] = [];
  for (const { value: q } of rows) {
    if (q.opensAt > now || !(await isRecipient(deps, q, actor.staff.id))) continue;
    views.push(await buildQuestionnaireView(deps, actor.tenant, q, actor.staff.id));
    if (views.length === MAX_PER_KIND) break;
  }
  return views;
}

async function invitationViews(deps: AppDeps, actor: Actor): Promise<CardView[]> {
  const now = deps.clock.now().toISOString();
  const rows = await deps.store.sessions.find(actor.tenant.id, { where: { status: 'published', startsAt: { gt: now } }, orderBy: { field: 'startsAt' }, limit: 200 });
  const mine = rows.map((r) => r.value).filter((s) => isInAudience(s.audience, actor.staff)).slice(0, MAX_PER_KIND);
  return Promise.all(mine.map((s) => buildInvitationView(deps, actor.tenant, s, actor.staff.id)));
}

async function gapTaskViews(deps: AppDeps, actor: Actor): Promise<CardView[]> {
  const rows = await deps.store.gapTasks.find(actor.tenant.id, {
    where: { staffId: actor.staff.id, status: { in: ['awaiting-plan', 'planned'] } },
    orderBy: { field: 'dueAt' },
    limit: MAX_PER_KIND,
  });
  return Promise.all(rows.map(({ value: task }) => buildGapTaskForm(deps, actor.tenant, task, task.plan ? 'report' : 'plan')));
}

/** Reports are the same ones the bot sends; a failure (e.g. no reports) simply leaves the card out. */
async function reportViews(deps: AppDeps, actor: Actor): Promise<CardView[]> {
  const now = deps.clock.now();
  const views: CardView[] = [];
  const hasReports = (await deps.store.staff.count(actor.tenant.id, { lineManagerId: actor.staff.id })) > 0;
  if (hasReports) {
    const digest = await loadManagerDigest(deps, actor.tenant.id, actor.staff.id, now);
    if (digest.ok) views.push(digest.value);
  }
  if (hasRole(actor.staff, 'cpd-lead')) {
    const programme = await loadLeadDigest(deps, actor.tenant.id, actor.staff.id, now);
    if (programme.ok) views.push(programme.value);
  }
  const record = await loadMyRecord(deps, actor.tenant.id, actor.staff.id, now);
  if (record.ok) views.push(record.value);
  return views;
}

function titleOf(view: CardView): string {
  switch (view.kind) {
    case 'questionnaire':
      return `Questionnaire: ${view.title}`;
    case 'invitation':
      return `Invitation: ${view.session.title}`;
    case 'gap-plan':
    case 'gap-report':
      return `Gap task (${view.kind === 'gap-plan' ? 'plan' : 'report'}): ${view.sessionTitle}`;
    case 'manager-digest':
      return 'Weekly digest for line managers';
    case 'lead-digest':
      return 'Weekly programme digest for CPD leads';
    case 'my-record':
      return 'My CPD record';
    default:
      return view.kind;
  }
}

/** The person's open questionnaires, upcoming invitations, open gap tasks, digest and record, from the real use cases. */
export async function liveCardsFor(deps: AppDeps, actor: Actor, teamsUserId: string): Promise<LiveCard[]> {
  const groups = await Promise.all([questionnaireViews(deps, actor), invitationViews(deps, actor), gapTaskViews(deps, actor), reportViews(deps, actor)]);
  return groups.flat().map((view, i) => ({
    id: `live-${i}`,
    title: titleOf(view),
    kind: view.kind,
    card: renderAdaptiveCard(view, { userIds: [teamsUserId] }),
  }));
}
