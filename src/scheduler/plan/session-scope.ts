import type { Audience, Delivery, Session, Staff } from '../../domain';
import type { Filter, Versioned } from '../../store/port';
import type { Store } from '../../store/store';
import type { PlanningInput } from './planner-types';

/** Ids per query: well inside Cosmos DB's query size limit. */
const IDS_PER_QUERY = 500;

const values = <T>(rows: readonly { value: T }[]): T[] => rows.map((r) => r.value);
const unique = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

async function staffByIds(store: Store, tenantId: string, ids: readonly string[]): Promise<Staff[]> {
  const pages = await Promise.all(chunks(unique(ids), IDS_PER_QUERY).map((chunk) => store.staff.find(tenantId, { where: { id: { in: chunk } } })));
  return values(pages.flat());
}

/** The audience's active staff by an indexed query; a department is matched without regard to case, so it reads all active staff. */
function audienceFilter(audience: Audience): Filter | undefined {
  switch (audience.kind) {
    case 'school':
      return { active: true, schoolId: audience.schoolId };
    case 'pathway':
      return { active: true, pathway: audience.pathway };
    case 'staff':
      return undefined;
    default:
      return { active: true };
  }
}

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
  const filter = inviting ? audienceFilter(session.audience) : undefined;
  const audience = !inviting ? [] : filter ? values(await store.staff.find(tenantId, { where: filter })) : await staffByIds(store, tenantId, session.audience.kind === 'staff' ? session.audience.staffIds : []);
  const have = new Set(audience.map((s) => s.id));
  const taking = [...participations.map((p) => p.value.staffId), ...gapTasks.map((t) => t.value.staffId), ...impactFollowUps.map((f) => f.value.staffId)];
  const others = await staffByIds(store, tenantId, taking.filter((id) => !have.has(id)));
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
