import { DateTime } from 'luxon';
import type { Session } from '../../domain';
import type { LeadDigestWeek } from '../../cards/views/lead-digest';
import { buildDigestWeeks } from './digest-weeks';
import { digestWeek } from './digest-week';
import { findWhereIn } from '../../store/find-in';
import type { ReportDeps } from '../reports';

/** The last `weeks` digest weeks (ending with the one the digest reports on), read once: sessions, attendances, response counts. */
export async function loadDigestWeeks(deps: ReportDeps, tenantId: string, now: Date, zone: string, weeks = 6, inScope: (session: Session) => boolean = () => true): Promise<LeadDigestWeek[]> {
  const { store } = deps;
  const last = digestWeek(now, zone);
  const from = DateTime.fromISO(last.start).minus({ weeks: weeks - 1 }).toUTC().toISO()!;
  // A school's own lead: their school's sessions only (digest-scope.ts).
  const sessions = (await store.sessions.find(tenantId, { where: { startsAt: { gte: from, lt: last.end } } })).map((v) => v.value).filter(inScope);
  const ids = sessions.map((s) => s.id);
  const [attended, questionnaires] = await Promise.all([
    findWhereIn(store.participations, tenantId, 'sessionId', ids, { attended: true }),
    findWhereIn(store.questionnaires, tenantId, 'sessionId', ids),
  ]);
  const reactions = questionnaires.filter((q) => q.purpose === 'reaction');
  const sessionOf = new Map(reactions.map((q) => [q.id, q.sessionId!]));
  const qIds = reactions.map((q) => q.id);
  const responsesBySession = new Map<string, number>();
  // Counts only: who answered, and what, is not needed for a trend.
  for (const r of [...(await findWhereIn(store.responses, tenantId, 'questionnaireId', qIds)), ...(await findWhereIn(store.anonymousResponses, tenantId, 'questionnaireId', qIds))]) {
    const sid = sessionOf.get(r.questionnaireId)!;
    responsesBySession.set(sid, (responsesBySession.get(sid) ?? 0) + 1);
  }
  return buildDigestWeeks({ lastWeekStart: last.start, zone, weeks, sessions, attended, responsesBySession });
}
