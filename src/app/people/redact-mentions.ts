import type { Staff } from '../../domain';
import { InvalidRecordError, type Collection, type TenantDoc } from '../../store/port';
import type { Store } from '../../store/store';
import { updateWithRetry } from '../../store/update';

/** What an erased person's name or e-mail becomes in other people's records. */
export const ERASED_TEXT = '(erased)';

/** Every collection of a tenant that other people's records live in (the audit log holds no personal data by design). */
const SWEPT = [
  'tenants',
  'staff',
  'calendars',
  'sessions',
  'participations',
  'templates',
  'questionnaires',
  'responses',
  'anonymousResponses',
  'receipts',
  'gapTasks',
  'deliveries',
  'conversations',
  'idempotencyKeys',
  'platformTenants',
  'cpdRequests',
  'cpdBudgets',
  'cpdLog',
  'qualifications',
  'statutoryTraining',
  'statutoryReports',
  'courseCertificates',
  'impactFollowUps',
  'needsReviews',
  'planRequests',
  'mentoringLinks',
  'mentoringProgrammes',
  'programmeAssignments',
  'mentoringMeetings',
  'progressReviews',
  'pathwayAssignments',
] as const satisfies readonly (keyof Store)[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names shorter than this are not searched for in free text (an alias "Al" would hit every "also"). */
const MIN_NAME_LENGTH = 4;

interface Mentions {
  id: string;
  standIn: string;
  text: RegExp | undefined;
}

/**
 * The person's id, and their e-mail and names as whole words ("Anna Lee" is not in "Joanna Leeds"),
 * leaving out any name another member of staff also goes by: that text could mean either of them.
 */
function mentionsOf(person: Staff, standIn: string, others: readonly Staff[]): Mentions {
  const taken = new Set(others.filter((o) => o.id !== person.id).flatMap((o) => [o.name, ...(o.otherNames ?? [])]).map((n) => n.trim().toLowerCase()));
  const words = [person.email, ...[person.name, ...(person.otherNames ?? [])].filter((n) => !taken.has(n.trim().toLowerCase()))]
    .map((w) => w.trim())
    .filter((w) => w.length >= MIN_NAME_LENGTH);
  const pattern = words.map((w) => `(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`).join('|');
  return { id: person.id, standIn, text: words.length > 0 ? new RegExp(pattern, 'giu') : undefined };
}

/** The document with the person's id replaced by the stand-in and their name or e-mail by "(erased)"; undefined if it never mentions them. */
function redact(value: unknown, m: Mentions): unknown {
  if (typeof value === 'string') {
    if (value === m.id) return m.standIn;
    if (m.text && value.search(m.text) >= 0) return value.replace(m.text, ERASED_TEXT);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, m));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k === m.id ? m.standIn : k] = redact(v, m);
    return out;
  }
  return value;
}

function mentions(doc: unknown, m: Mentions): boolean {
  const json = JSON.stringify(doc);
  return json.includes(m.id) || (m.text !== undefined && json.search(m.text) >= 0);
}

/**
 * The last pass of an erasure: every record of the tenant that still names the person (an approval
 * they gave on someone else's request, a follow-up they reviewed, a session they created, the
 * tenant's settings naming them as booker, a colleague's comment with their name) keeps its facts
 * and loses the person: their id becomes the erasure's stand-in, their name and e-mail "(erased)".
 * Reads the whole tenant a page at a time: erasure is rare, and a mention can be anywhere.
 * Returns how many records were rewritten and how many could not be (named for the operator).
 */
export async function redactMentions(store: Store, tenantId: string, person: Staff, standIn: string): Promise<{ rewritten: number; left: string[] }> {
  const m = mentionsOf(person, standIn, (await store.staff.find(tenantId)).map((v) => v.value));
  let rewritten = 0;
  const left: string[] = [];
  for (const name of SWEPT) {
    const collection = store[name] as unknown as Collection<TenantDoc>;
    const ids: string[] = [];
    // Another person's staff record keeps its own words (a colleague may share a name); only the id goes.
    const rules = name === 'staff' ? { ...m, text: undefined } : m;
    for await (const row of collection.iterate(tenantId)) if (mentions(row.value, rules)) ids.push(row.value.id);
    for (const id of ids) {
      try {
        // "stf-1" is inside "stf-10": only a document that actually changes is written.
        const result = await updateWithRetry(collection, tenantId, id, (doc) => {
          const next = redact(doc, rules) as TenantDoc;
          return JSON.stringify(next) === JSON.stringify(doc) ? undefined : next;
        });
        if (result.ok || result.reason === 'absent') rewritten += result.ok && result.changed ? 1 : 0;
        else left.push(`${name} ${id}`);
      } catch (error) {
        if (!(error instanceof InvalidRecordError)) throw error;
        left.push(`${name} ${id}`);
      }
    }
  }
  return { rewritten, left };
}
