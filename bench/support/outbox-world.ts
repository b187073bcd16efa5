import pino from 'pino';
import type { MessageSender, SendResult } from '../../src/app/outbound';
import { ManualClock, Staff as StaffSchema, type Delivery, type Staff } from '../../src/domain';
import { Dispatcher } from '../../src/scheduler/send/dispatcher';
import type { Collection, TenantDoc } from '../../src/store/port';
import type { Store } from '../../src/store/store';
import { alwaysOpenCalendar } from '../../test/support/fixtures';
import { openBenchStore } from './broadcast-world';

/** Queries and documents one collection answered with: what a Cosmos bill follows. */
export interface ReadCount {
  queries: number;
  documents: number;
}

function counted<T extends TenantDoc>(collection: Collection<T>, count: ReadCount): Collection<T> {
  return {
    ...collection,
    name: collection.name,
    get: async (t, id) => {
      count.queries++;
      const found = await collection.get(t, id);
      if (found) count.documents++;
      return found;
    },
    find: async (t, q) => {
      count.queries++;
      const rows = await collection.find(t, q);
      count.documents += rows.length;
      return rows;
    },
    findAcrossTenants: async (q) => {
      count.queries++;
      const rows = await collection.findAcrossTenants(q);
      count.documents += rows.length;
      return rows;
    },
    create: (d, o) => collection.create(d, o),
    put: (d, o) => collection.put(d, o),
    delete: (t, id, o) => collection.delete(t, id, o),
    count: (t, w) => collection.count(t, w),
  };
}

/** A Teams sender on the simulated clock: every send succeeds and is recorded with its time. */
class SimulatedSender implements MessageSender {
  readonly platform = 'teams' as const;
  readonly maxSendMs = 1000;
  readonly sends: { tenantId: string; deliveryId: string; dueAt: string; at: number }[] = [];
  constructor(private readonly clock: ManualClock) {}
  canReach(): boolean {
    return true;
  }
  async send(_recipient: Staff, _message: unknown, d: Delivery): Promise<SendResult> {
    this.sends.push({ tenantId: d.tenantId, deliveryId: d.id, dueAt: d.dueAt, at: this.clock.now().getTime() });
    return { status: 'sent', messageId: `m-${this.sends.length}`, conversationId: `c-${d.recipientId}` };
  }
  async update(): Promise<SendResult> {
    return { status: 'failed', transient: false, reason: 'not used' };
  }
}

/** An outbox on a simulated clock: the documented Teams limits are kept in simulated time, so nothing waits for real. */
export async function openOutboxWorld(cosmos: boolean, start = '2026-11-23T10:00:00.000Z') {
  const clock = new ManualClock(start);
  const opened = await openBenchStore(cosmos, clock);
  const reads: ReadCount = { queries: 0, documents: 0 };
  const store: Store = { ...opened.store, deliveries: counted(opened.store.deliveries, reads) };
  const sender = new SimulatedSender(clock);
  const person = (tenantId: string, id: string) => StaffSchema.parse({ tenantId, id, name: id, email: `${id}@school.example`, teams: { aadObjectId: `aad-${id}` } });
  // A virtual timer: wakes at call time + ms; concurrent sleepers do not add up.
  const sleep = async (ms: number) => {
    const wake = clock.now().getTime() + ms;
    await Promise.resolve();
    if (clock.now().getTime() < wake) clock.set(new Date(wake));
  };
  const dispatcher = new Dispatcher({
    store,
    clock,
    logger: pino({ level: 'silent' }),
    senders: [sender],
    compose: async (d) => ({ ok: true, recipient: person(d.tenantId, d.recipientId), message: { text: 'x', view: { kind: 'thank-you', title: 't', text: 't' } } }),
    instanceId: 'bench',
    sleep,
    random: () => 0.5,
  });
  async function seed(docs: Delivery[]): Promise<void> {
    for (const t of new Set(docs.map((d) => d.tenantId))) await opened.store.calendars.put(alwaysOpenCalendar(t));
    for (let i = 0; i < docs.length; i += 100) await Promise.all(docs.slice(i, i + 100).map((d) => opened.store.deliveries.create(d)));
  }
  return { clock, store, reads, sender, dispatcher, seed, kind: opened.kind, close: () => opened.close() };
}

export function pendingDelivery(tenantId: string, recipientId: string, dueAt: string, extra: Partial<Delivery> = {}): Delivery {
  return {
    tenantId,
    id: `dlv-${recipientId}`,
    kind: 'survey',
    recipientId,
    dueAt,
    status: 'pending',
    subject: {},
    attempts: 0,
    createdAt: dueAt,
    ...extra,
  } as Delivery;
}

export function printTable(title: string, rows: [string, string][]): void {
  console.log(`\n${title}\n`);
  console.log('| figure | value |\n|---|---|');
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
}
