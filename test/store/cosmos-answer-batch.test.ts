import { planRequestId, receiptId, responseId } from '../../src/domain';
import { openCosmosStore, type CosmosStore } from '../../src/store/cosmos/cosmos-store';
import { placementOf, storedIdOf } from '../../src/store/cosmos/containers';
import { RequestChargeMeter, type ChargedOperation } from '../../src/store/cosmos/request-charges';
import { staff, twilightQuestionnaire } from '../support/fixtures';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';

/**
 * Issue 28: on Cosmos DB an answer's writes go as one transactional batch, and what it reads as one
 * query (decision 75). Through the real @azure/cosmos SDK against cosmosdb-server on loopback: the
 * operations the SDK sends are counted by the store's own meter, and the documents are read back
 * from the container as another process would.
 */
let cosmos: LoopbackCosmos;
let store: CosmosStore;
let operations: ChargedOperation[] = [];

const T = 't-batch';
const receipt = (staffId: string, q = 'qn-1') => ({ tenantId: T, id: receiptId(q, staffId), questionnaireId: q, staffId });
const answer = (staffId: string, q = 'qn-1') => ({
  tenantId: T,
  id: responseId(q, staffId),
  questionnaireId: q,
  respondentId: staffId,
  answers: { quality: 4 },
  submittedAt: '2026-11-25T09:00:00.000Z',
});
/** The document as the container holds it, read past the store (as another instance would). */
const raw = async (collection: 'receipts' | 'responses' | 'planRequests' | 'idempotencyKeys', id: string) =>
  (await cosmos.client().database('batch').container('answers').item(storedIdOf(placementOf(collection), id), T).read()).resource;

beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
  // The meter tells its logger each operation, as the bench's answer-ops reads them.
  const meter = new RequestChargeMeter({ debug: (fields) => operations.push(fields as ChargedOperation) });
  store = await openCosmosStore({ client: cosmos.client(), databaseId: 'batch', createIfMissing: true, meter });
  await store.questionnaires.create(twilightQuestionnaire(T));
});
afterAll(async () => {
  await store.close();
  await cosmos.stop();
});
beforeEach(() => {
  operations = [];
});

const kinds = () => operations.map((o) => `${o.operation} ${o.collection}`);

describe('an answer on Cosmos DB: one query, one batch', () => {
  it('reads ahead in one query and writes the answer, its receipt and the plan request in one batch', async () => {
    const result = await store.inOneTransaction!(async () => {
      await store.readAhead!(T, [
        { collection: 'questionnaires', id: 'qn-1' },
        { collection: 'receipts', id: receiptId('qn-1', 'stf-a') },
        { collection: 'planRequests', id: planRequestId({ kind: 'questionnaire', questionnaireId: 'qn-1' }) },
      ]);
      const q = await store.questionnaires.get(T, 'qn-1');
      const r = await store.receipts.get(T, receiptId('qn-1', 'stf-a'));
      const wrote = await store.responses.create(answer('stf-a'));
      const got = await store.receipts.create(receipt('stf-a'));
      return { q: q?.value.id, r, wrote: wrote.ok, got: got.ok };
    });
    expect(result).toEqual({ q: 'qn-1', r: undefined, wrote: true, got: true });
    // The questionnaire, the absent receipt and the absent plan request: one query; the three writes: one batch.
    expect(kinds()).toEqual(['query answers', 'batch answers']);
    expect(operations[1]!.documents).toBe(3);
    expect(await raw('responses', responseId('qn-1', 'stf-a'))).toMatchObject({ docType: 'responses', respondentId: 'stf-a' });
    expect(await raw('receipts', receiptId('qn-1', 'stf-a'))).toMatchObject({ docType: 'receipts', staffId: 'stf-a' });
    expect(await raw('planRequests', planRequestId({ kind: 'questionnaire', questionnaireId: 'qn-1' }))).toMatchObject({ availableAt: '1970-01-01T00:00:00.000Z' });
    // Read back through the store, the domain sees its own id and no docType.
    expect((await store.receipts.get(T, receiptId('qn-1', 'stf-a')))?.value).toEqual(receipt('stf-a'));
  });

  it('answers a repeat from what it read ahead: no write is sent', async () => {
    const again = await store.inOneTransaction!(async () => {
      await store.readAhead!(T, [{ collection: 'receipts', id: receiptId('qn-1', 'stf-a') }, { collection: 'responses', id: responseId('qn-1', 'stf-a') }]);
      return [(await store.responses.create(answer('stf-a'))).ok, (await store.receipts.create(receipt('stf-a'))).ok];
    });
    expect(again).toEqual([false, false]);
    expect(kinds()).toEqual(['query answers']);
  });

  it('a unit sees its own held-back writes, and its queries come before them', async () => {
    const seen = await store.inOneTransaction!(async () => {
      const before = await store.receipts.find(T, { where: { questionnaireId: 'qn-2' } });
      await store.receipts.create(receipt('stf-b', 'qn-2'));
      const own = await store.receipts.get(T, receiptId('qn-2', 'stf-b'));
      return { before: before.length, own: own?.value.staffId };
    });
    expect(seen).toEqual({ before: 0, own: 'stf-b' });
    expect(await raw('receipts', receiptId('qn-2', 'stf-b'))).toBeDefined();
  });

  it('meets a race (the receipt written meanwhile by another instance): nothing of the batch is kept, and the work runs again write by write', async () => {
    let runs = 0;
    const result = await store.inOneTransaction!(async () => {
      runs++;
      await store.readAhead!(T, [{ collection: 'receipts', id: receiptId('qn-3', 'stf-c') }]);
      const wrote = await store.responses.create(answer('stf-c', 'qn-3'));
      // Another instance answers for the same person between this unit's read and its batch.
      if (runs === 1) await cosmos.client().database('batch').container('answers').items.create({ ...receipt('stf-c', 'qn-3'), id: storedIdOf(placementOf('receipts'), receiptId('qn-3', 'stf-c')), docType: 'receipts' });
      const got = await store.receipts.create(receipt('stf-c', 'qn-3'));
      return { wrote: wrote.ok, got: got.ok };
    });
    // The second run, write by write, finds the receipt taken and says so; the answer it writes is its own.
    expect(runs).toBe(2);
    expect(result).toEqual({ wrote: true, got: false });
    expect(kinds().filter((k) => k.startsWith('batch'))).toEqual(['batch answers']);
  });

  it('a write outside the answers container cannot join the batch: the work runs once more, write by write, and everything lands once', async () => {
    let runs = 0;
    await store.inOneTransaction!(async () => {
      runs++;
      await store.receipts.create(receipt('stf-d', 'qn-4'));
      await store.staff.put(staff(T, 'stf-d'));
    });
    expect(runs).toBe(2);
    expect(kinds()).not.toContain('batch answers');
    expect(await raw('receipts', receiptId('qn-4', 'stf-d'))).toBeDefined();
    expect((await store.staff.get(T, 'stf-d'))?.value.id).toBe('stf-d');
  });

  it('an anonymous answer is never in a batch with its receipt: the work runs again write by write, reusing what it read, and the two land in different containers', async () => {
    let runs = 0;
    await store.inOneTransaction!(async () => {
      runs++;
      await store.readAhead!(T, [
        { collection: 'questionnaires', id: 'qn-1' },
        { collection: 'receipts', id: receiptId('qn-anon', 'stf-h') },
      ]);
      await store.questionnaires.get(T, 'qn-1');
      expect(await store.receipts.get(T, receiptId('qn-anon', 'stf-h'))).toBeUndefined();
      await store.anonymousResponses.create({ tenantId: T, id: 'anon-1', questionnaireId: 'qn-anon', answers: { quality: 3 }, submittedOn: '2026-11-25' });
      await store.receipts.create(receipt('stf-h', 'qn-anon'));
      // Read after its own write in the second run: from the store, not from what was read before.
      expect((await store.receipts.get(T, receiptId('qn-anon', 'stf-h')))?.value.staffId).toBe('stf-h');
    });
    expect(runs).toBe(2);
    // One query in the first run; the second reads nothing again until after its own write, and sends no batch.
    expect(kinds()).toEqual(['query answers', 'create anonymousResponses', 'create receipts', 'read planRequests', 'upsert planRequests', 'read receipts']);
    expect((await store.anonymousResponses.get(T, 'anon-1'))?.value.questionnaireId).toBe('qn-anon');
  });

  it('a query after a held-back write, or a second tenant, also runs the work write by write', async () => {
    let runs = 0;
    const found = await store.inOneTransaction!(async () => {
      runs++;
      await store.receipts.create(receipt('stf-e', 'qn-5'));
      return (await store.receipts.find(T, { where: { questionnaireId: 'qn-5' } })).length;
    });
    expect({ runs, found }).toEqual({ runs: 2, found: 1 });

    runs = 0;
    await store.inOneTransaction!(async () => {
      runs++;
      await store.receipts.create(receipt('stf-f', 'qn-6'));
      await store.receipts.create({ ...receipt('stf-f', 'qn-6'), tenantId: 't-other' });
    });
    expect(runs).toBe(2);
    expect((await store.receipts.get('t-other', receiptId('qn-6', 'stf-f')))?.value.tenantId).toBe('t-other');
  });

  it('a replace with a stale version in the batch changes nothing and the work, run again, sees the conflict', async () => {
    const key = { tenantId: T, id: 'claim-1', purpose: 'slack-view', createdAt: '2026-11-25T09:00:00.000Z' };
    const created = await store.idempotencyKeys.create(key);
    if (!created.ok) throw new Error('setup');
    await store.idempotencyKeys.put({ ...key, createdAt: '2026-11-25T09:00:01.000Z' });
    let runs = 0;
    const outcome = await store.inOneTransaction!(async () => {
      runs++;
      await store.receipts.create(receipt('stf-g', 'qn-7'));
      return (await store.idempotencyKeys.put({ ...key, createdAt: '2026-11-25T09:00:02.000Z' }, { ifVersion: created.version })).ok;
    });
    expect({ runs, outcome }).toEqual({ runs: 2, outcome: false });
    expect((await raw('idempotencyKeys', 'claim-1'))?.createdAt).toBe('2026-11-25T09:00:01.000Z');
  });
});
