import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ManualClock, receiptId } from '../../src/domain';
import { openEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded/sqlite-store';
import { staff } from '../support/fixtures';
import { GOOD_ANSWERS, invokeActivity, PEOPLE, postJson, postSlack, slackForm, startReliabilityWorld, TENANT, viewSubmission, type ReliabilityWorld } from '../reliability/support/reliability-world';

/**
 * Issue 28: one SQLite transaction per answer. A second real connection to the file (as another
 * process, or the file after a kill -9, would see it) finds none of an answer's writes until all
 * of them are committed, and none at all when the answer fails part-way; a write of another
 * request meanwhile waits for the answer's transaction and is never taken back with it.
 */
const clock = new ManualClock('2026-11-25T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'twilight-one-tx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fileName = () => join(dir, `${Math.random().toString(36).slice(2)}.db`);
/** Rows of a collection of TENANT as another connection sees them (committed only). */
const committed = (reader: Database.Database, table: string, tenantId = TENANT): number =>
  (reader.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE tenant_id = ?`).get(tenantId) as { n: number }).n;

describe('the embedded store: writes in one transaction (real SQLite file, a second real connection)', () => {
  let path: string;
  let store: EmbeddedStore;
  let reader: Database.Database;
  beforeEach(() => {
    path = fileName();
    store = openEmbeddedStore({ path, clock });
    reader = new Database(path, { readonly: true });
  });
  afterEach(async () => {
    reader.close();
    await store.close();
  });

  it('commits every write of the unit at once, across collections, and none before', async () => {
    let seenInside = -1;
    const result = await store.inOneTransaction!(async () => {
      await store.staff.create(staff('t1', 'stf-a'));
      await store.receipts.create({ tenantId: 't1', id: receiptId('qn-1', 'stf-a'), questionnaireId: 'qn-1', staffId: 'stf-a' });
      seenInside = committed(reader, 'staff', 't1') + committed(reader, 'receipts', 't1');
      return 'done';
    });
    expect(result).toBe('done');
    expect(seenInside).toBe(0);
    expect(committed(reader, 'staff', 't1')).toBe(1);
    expect(committed(reader, 'receipts', 't1')).toBe(1);
    // The change log's plan requests (the tenant's for the person, the questionnaire's for the receipt) were in the same transaction.
    expect(committed(reader, 'planRequests', 't1')).toBe(2);
  });

  it('keeps nothing of a unit that throws, and the store goes on taking writes', async () => {
    await expect(
      store.inOneTransaction!(async () => {
        await store.staff.create(staff('t1', 'stf-a'));
        await store.receipts.create({ tenantId: 't1', id: receiptId('qn-1', 'stf-a'), questionnaireId: 'qn-1', staffId: 'stf-a' });
        throw new Error('the answer failed part-way');
      }),
    ).rejects.toThrow('part-way');
    expect(await store.staff.get('t1', 'stf-a')).toBeUndefined();
    expect(committed(reader, 'receipts', 't1') + committed(reader, 'planRequests', 't1')).toBe(0);
    expect((await store.staff.create(staff('t1', 'stf-b'))).ok).toBe(true);
    expect(committed(reader, 'staff', 't1')).toBe(1);
  });

  it('makes another request\'s write wait for the open unit, and never takes it back with the unit', async () => {
    let letGo!: () => void;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let began!: () => void;
    const open = new Promise<void>((resolve) => (began = resolve));
    const unit = store.inOneTransaction!(async () => {
      await store.staff.create(staff('t1', 'stf-in-unit'));
      began();
      await held;
      throw new Error('rolled back');
    });
    await open;
    let outsideDone = false;
    const outside = store.staff.create(staff('t1', 'stf-outside')).then((r) => {
      outsideDone = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(outsideDone).toBe(false);
    letGo();
    await expect(unit).rejects.toThrow('rolled back');
    expect((await outside).ok).toBe(true);
    expect(await store.staff.get('t1', 'stf-in-unit')).toBeUndefined();
    expect((await store.staff.get('t1', 'stf-outside'))?.value.id).toBe('stf-outside');
    expect(committed(reader, 'staff', 't1')).toBe(1);
  });

  it('runs a unit inside a unit as one', async () => {
    await store.inOneTransaction!(async () => {
      await store.staff.create(staff('t1', 'stf-a'));
      await store.inOneTransaction!(async () => {
        await store.staff.create(staff('t1', 'stf-b'));
      });
      expect(committed(reader, 'staff', 't1')).toBe(0);
    });
    expect(committed(reader, 'staff', 't1')).toBe(2);
  });
});

describe('one transaction per answer, through the real bots (embedded file store)', () => {
  let w: ReliabilityWorld;
  let reader: Database.Database;
  beforeEach(async () => {
    const storePath = fileName();
    w = await startReliabilityWorld({ storePath });
    reader = new Database(storePath, { readonly: true });
  });
  afterEach(async () => {
    reader.close();
    await w.close();
  });

  /** The receipt write hangs (a process stopped there); meanwhile the answer written before it is not committed. */
  async function answerStoppedAtTheReceipt(send: () => Promise<unknown>): Promise<{ responsesMidAnswer: number }> {
    w.faults.hangNthWrite('receipts', 1);
    const reply = send();
    await w.faults.waitForHung();
    const responsesMidAnswer = committed(reader, 'responses');
    w.faults.killHung();
    await reply;
    return { responsesMidAnswer };
  }

  it('Slack: the answer, its receipt, its plan request and the claim marked done commit together', async () => {
    const jo = PEOPLE.jo;
    const { responsesMidAnswer } = await answerStoppedAtTheReceipt(() => postSlack(w, slackForm(viewSubmission(jo, 'V-stopped', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS))));
    expect(responsesMidAnswer).toBe(0);
    // Failed part-way: nothing of it stored, and the claim handed back so a retry runs it.
    expect(committed(reader, 'responses') + committed(reader, 'receipts')).toBe(0);
    expect(committed(reader, 'idempotencyKeys')).toBe(0);

    const plansBefore = committed(reader, 'planRequests');
    const reply = await postSlack(w, slackForm(viewSubmission(jo, 'V-stopped', 'questionnaire.submit', { questionnaireId: 'qn-1' }, GOOD_ANSWERS)));
    expect(reply.status).toBe(200);
    expect(committed(reader, 'responses')).toBe(1);
    expect(committed(reader, 'receipts')).toBe(1);
    expect(committed(reader, 'planRequests')).toBeGreaterThan(plansBefore);
    const claim = reader.prepare('SELECT doc FROM idempotencyKeys WHERE tenant_id = ?').get(TENANT) as { doc: string };
    expect(JSON.parse(claim.doc)).toMatchObject({ purpose: 'slack-request', state: 'done' });
  });

  it('Teams: the answer and its receipt commit together', async () => {
    const sam = PEOPLE.sam;
    const stopped = await answerStoppedAtTheReceipt(() => postJson(w, '/api/messages', invokeActivity(w, sam, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS })));
    expect(stopped.responsesMidAnswer).toBe(0);
    expect(committed(reader, 'responses') + committed(reader, 'receipts')).toBe(0);

    await postJson(w, '/api/messages', invokeActivity(w, sam, 'questionnaire.submit', { questionnaireId: 'qn-1', ...GOOD_ANSWERS }));
    expect(committed(reader, 'responses')).toBe(1);
    expect(committed(reader, 'receipts')).toBe(1);

  });
});
