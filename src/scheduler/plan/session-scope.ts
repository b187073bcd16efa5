import type { Delivery, Session } from '../../domain';
import { audienceStaffFilter } from '../../store/audience-filter';
import { findWhereIn } from '../../store/find-in';
import type { Versioned } from '../../store/port';
import type { Store } from '../../store/store';
import type { PlanningInput } from './planner-types';

const values = <T>(rows: readonly { value: T }[]): T[] => rows.map((r) => r.value);

export interface SessionScope {
  input: PlanningInput;
  session: Session;
  /** Every outbox record about the session (any status): a planned one already stored is not written again. */
  stored: Versioned<Delivery>[];
}

/**
 * What planning one session reads: the session, its series and follow-up, their participations, its
 * questionnaire, receipts, gap tasks, impact follow-ups and outbox records, and the people it
 * touches (its audience while invitations and reminders may still go, else those taking part).
 * So planning a session costs what the session is, not what the tenant is.
 */
export async function loadSessionScope(
  store: Store,
  base: Pick<PlanningInput, 'tenant' | 'calendar' | 'now'>,
  sessionId: string,
): Promise<SessionScope | undefined> {
  const tenantId = base.tenant.tenantId;
  const session = (await store.sessions.get(tenantId, sessionId))?.value;
  if (!session) return undefined;
  const [templates, followUp, series, questionnaires, gapTasks, impactFollowUps, stored] = await Promise.all([
    store.templates.find(tenantId),
    session.followUpSessionId ? store.sessions.get(tenantId, session.followUpSessionId) : undefined,
    session.seriesId ? store.sessions.find(tenantId, { where: { seriesId: session.seriesId } }) : [],
    store.questionnaires.find(tenantId, { where: { sessionId } }),
    store.gapTasks.find(tenantId, { where: { sessionId } }),
    store.impactFollowUps.find(tenantId, { where: { sessionId, status: { in: ['asked', 'answered'] } } }),
    store.deliveries.find(tenantId, { where: { 'subject.sessionId': sessionId } }),
  ]);
  const sessions = [...new Map([session, ...(followUp ? [followUp.value] : []), ...values(series)].map((s) => [s.id, s])).values()];
  const questionnaireIds = questionnaires.map((q) => q.value.id);
  const [participations, receipts] = await Promise.all([
    store.participations.find(tenantId, { where: { sessionId: { in: sessions.map((s) => s.id) } } }),
    questionnaireIds.length ? store.receipts.find(tenantId, { where: { questionnaireId: { in: questionnaireIds } } }) : [],
  ]);
  // Invitations and reminders need the audience until the start; after it, only those taking part.
  const inviting = session.status === 'published' && base.now < new Date(session.startsAt);
  const { audience: whom } = session;
  const audience = !inviting ? [] : whom.kind === 'staff' ? await findWhereIn(store.staff, tenantId, 'id', whom.staffIds) : values(await store.staff.find(tenantId, { where: audienceStaffFilter(whom) }));
  const have = new Set(audience.map((s) => s.id));
  const taking = [...participations.map((p) => p.value.staffId), ...gapTasks.map((t) => t.value.staffId), ...impactFollowUps.map((f) => f.value.staffId)];
  const others = await findWhereIn(store.staff, tenantId, 'id', taking.filter((id) => !have.has(id)));
  return {
    session,
    stored,
    input: {
      ...base,
      sessions,
      participations: values(participations),
      questionnaires: values(questionnaires),
      templates: values(templates),
      receipts: values(receipts),
      gapTasks: values(gapTasks),
      // As a whole-tenant plan sees them: active staff only.
      staff: [...audience, ...others].filter((s) => s.active),
      impactFollowUps: values(impactFollowUps),
      pending: values(stored).filter((d) => d.status === 'pending'),
    },
  };
}
