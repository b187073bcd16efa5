import type { ReportPageInput } from '../../src/documents/report-page';
import type { Store } from '../../src/store/store';

/**
 * Writes a sample year (src/dev/sample-year.ts) into a store as the bot would have: named answers
 * for named questionnaires, anonymous ones (no person, only the day) for anonymous questionnaires.
 */
export async function storeSampleYear(store: Store, year: ReportPageInput): Promise<void> {
  const tenantId = year.tenant.id;
  await store.tenants.put(year.tenant);
  for (const s of year.staff) await store.staff.put(s);
  for (const s of year.sessions) await store.sessions.put(s);
  for (const p of year.participations) await store.participations.put(p);
  for (const g of year.gapTasks) await store.gapTasks.put(g);
  for (const q of year.questionnaires) {
    await store.questionnaires.put(q);
    const session = year.sessions.find((s) => s.id === q.sessionId)!;
    const answers = year.answersBySession.get(session.id) ?? [];
    for (const [k, a] of answers.entries()) {
      if (q.anonymous) {
        await store.anonymousResponses.put({ tenantId, id: `anon-${q.id}-${k}`, questionnaireId: q.id, sessionId: session.id, answers: a, submittedOn: session.startsAt.slice(0, 10) });
      } else {
        await store.responses.put({ tenantId, id: `resp-${q.id}-${k}`, questionnaireId: q.id, sessionId: session.id, respondentId: `stf-${k}`, answers: a, submittedAt: session.endsAt });
      }
    }
  }
}
