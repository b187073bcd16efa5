import { AsyncLocalStorage } from 'node:async_hooks';
import { PLAN_NOW, PLAN_SUBJECTS, planningFieldsOf, planRequest, type PlanSubject, type Staff } from '../domain';
import type { Collection, TenantDoc } from './port';
import type { Collections } from './store';
import { withWrites } from './with-writes';

/**
 * The change log the planner follows (docs/decisions.md, decision 33): every write that changes
 * what the planner would plan also records a "plan this subject" request in the same store, so
 * no use case can forget to, on both adapters and on the emulator alike.
 */

const planning = new AsyncLocalStorage<true>();

/** The planner's own writes (a questionnaire, gap tasks it creates) are planned already: not logged. */
export function withoutChangeLog<T>(run: () => Promise<T>): Promise<T> {
  return planning.run(true, run);
}

type SubjectsOf<T> = (doc: T) => PlanSubject[];

/** The planner's table (src/domain/plan-subjects.ts), checked here against the store's collections: a name or a type that drifts fails to compile. */
const SUBJECTS: { [N in keyof Collections]?: SubjectsOf<Collections[N] extends Collection<infer T> ? T : never> } = PLAN_SUBJECTS;

/** Reads the document before a put when only a change of some fields matters (staff); a read that fails counts as a change. */
type ChangedFrom<T> = (before: T | undefined, after: T) => boolean;

function logging<T extends TenantDoc>(inner: Collection<T>, subjectsOf: SubjectsOf<T>, record: (tenantId: string, subjects: PlanSubject[]) => Promise<void>, changedFrom?: ChangedFrom<T>): Collection<T> {
  const readBefore = (tenantId: string, id: string) => inner.get(tenantId, id).catch(() => undefined);
  return withWrites(inner, {
    async create(doc, options) {
      const result = await inner.create(doc, options);
      if (result.ok) await record(doc.tenantId, subjectsOf(doc));
      return result;
    },
    async createMany(docs, options) {
      const results = await inner.createMany(docs, options);
      const landed = docs.filter((_, i) => results[i]?.ok);
      // One request per subject however many of its records landed.
      const subjects = new Map(landed.flatMap(subjectsOf).map((s) => [JSON.stringify(s), s]));
      if (landed.length) await record(landed[0]!.tenantId, [...subjects.values()]);
      return results;
    },
    async put(doc, options) {
      if (planning.getStore()) return inner.put(doc, options);
      // Read first, so the comparison sees the document as it was.
      const before = changedFrom ? await readBefore(doc.tenantId, doc.id) : undefined;
      const result = await inner.put(doc, options);
      if (result.ok && (!changedFrom || changedFrom(before?.value, doc))) await record(doc.tenantId, subjectsOf(doc));
      return result;
    },
    async delete(tenantId, id, options) {
      if (planning.getStore()) return inner.delete(tenantId, id, options);
      const before = await readBefore(tenantId, id);
      const result = await inner.delete(tenantId, id, options);
      if (result.ok && before) await record(tenantId, subjectsOf(before.value));
      return result;
    },
  });
}

/** The store's collections with the change log applied; the plan requests themselves are written unlogged. */
export function withChangeLog(collections: Collections): Collections {
  const requests = collections.planRequests;
  const record = async (tenantId: string, subjects: PlanSubject[]): Promise<void> => {
    if (planning.getStore()) return;
    for (const subject of subjects) {
      const request = planRequest(tenantId, subject);
      // Already due and unclaimed: the planner reads the data only after it claims the request, so it
      // will see this write. Two hundred answers a second to one questionnaire are reads, not writes.
      const current = await requests.get(tenantId, request.id);
      if (current && current.value.availableAt === PLAN_NOW && !current.value.leaseOwner) continue;
      // Otherwise an upsert: any change means "due now", and the planner's ETag-guarded finish sees it.
      await requests.put(request);
    }
  };
  const out: Record<string, unknown> = { ...collections };
  for (const [name, subjectsOf] of Object.entries(SUBJECTS)) {
    const inner = collections[name as keyof Collections] as unknown as Collection<TenantDoc>;
    const changedFrom: ChangedFrom<TenantDoc> | undefined = name === 'staff' ? (before, after) => planningFieldsOf(before as Staff | undefined) !== planningFieldsOf(after as Staff) : undefined;
    out[name] = logging(inner, subjectsOf as SubjectsOf<TenantDoc>, record, changedFrom);
  }
  return out as unknown as Collections;
}
