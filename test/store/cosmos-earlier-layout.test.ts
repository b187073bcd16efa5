import { loadConfig } from '../../src/config';
import { receiptId, responseId } from '../../src/domain';
import { openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { moveCosmosToAnswers } from '../../src/store/open-store';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';

/**
 * A database made before the answers container (decision 75) keeps responses, receipts and the rest
 * in containers of their own. The bot refuses to open it rather than show empty records, and
 * `cosmos move-to-answers` moves them (real @azure/cosmos against cosmosdb-server).
 */
let cosmos: LoopbackCosmos;
beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
});
afterAll(async () => cosmos.stop());

const T = 't-old';
const NOW = new Date('2026-12-01T09:00:00.000Z');

async function earlierDatabase(id: string): Promise<void> {
  const client = cosmos.client();
  const { database } = await client.databases.createIfNotExists({ id });
  const responses = (await database.containers.createIfNotExists({ id: 'responses', partitionKey: { paths: ['/tenantId'] }, defaultTtl: -1 })).container;
  const receipts = (await database.containers.createIfNotExists({ id: 'receipts', partitionKey: { paths: ['/tenantId'] }, defaultTtl: -1 })).container;
  await database.containers.createIfNotExists({ id: 'planRequests', partitionKey: { paths: ['/tenantId'] } });
  await responses.items.create({
    tenantId: T,
    id: responseId('qn-1', 'stf-a'),
    questionnaireId: 'qn-1',
    respondentId: 'stf-a',
    answers: { quality: 5 },
    submittedAt: '2026-11-20T16:00:00.000Z',
    ttl: 86400 * 365,
  });
  await receipts.items.create({ tenantId: T, id: receiptId('qn-1', 'stf-a'), questionnaireId: 'qn-1', staffId: 'stf-a', ttl: 86400 * 365 });
}

describe('a Cosmos DB database of the earlier layout', () => {
  it('is refused at start, naming what is where and the command that moves it', async () => {
    await earlierDatabase('old-refused');
    await expect(openCosmosStore({ client: cosmos.client(), databaseId: 'old-refused', createIfMissing: true })).rejects.toThrow(
      /keeps responses \(1\), receipts \(1\) in containers of their own.*npm run cli -- cosmos move-to-answers/,
    );
  });

  it('is moved by `cosmos move-to-answers`: the documents read back through the store, the old containers are gone, and a second run finds nothing to move', async () => {
    await earlierDatabase('old-moved');
    const loaded = loadConfig({ STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: 'dGVzdA==', COSMOS_DATABASE: 'old-moved' });
    if (!loaded.ok) throw new Error(loaded.errors.join('; '));
    const told: string[] = [];
    const moved = await moveCosmosToAnswers(loaded.config, NOW, (r) => told.push(`${r.container} ${r.moved}`), cosmos.client());
    // planRequests was there but empty: deleted too, with nothing moved.
    expect(told).toEqual(['responses 1', 'receipts 1', 'planRequests 0']);
    expect(moved).not.toBe('not-cosmos');

    const client = cosmos.client();
    const { resources } = await client.database('old-moved').containers.readAll().fetchAll();
    expect(resources.map((c) => c.id)).not.toEqual(expect.arrayContaining(['responses']));
    expect(resources.map((c) => c.id)).not.toContain('receipts');
    const store = await openCosmosStore({ client, databaseId: 'old-moved', createIfMissing: true });
    expect((await store.responses.get(T, responseId('qn-1', 'stf-a')))?.value.answers).toEqual({ quality: 5 });
    expect((await store.receipts.find(T, { where: { questionnaireId: 'qn-1' } })).map((r) => r.value.staffId)).toEqual(['stf-a']);
    await store.close();

    expect(await moveCosmosToAnswers(loaded.config, NOW, () => undefined, cosmos.client())).toEqual([]);
  });

  it('is nothing to move on the embedded store, and says so', async () => {
    const loaded = loadConfig({});
    if (!loaded.ok) throw new Error('config');
    expect(await moveCosmosToAnswers(loaded.config, NOW, () => undefined)).toBe('not-cosmos');
  });
});
