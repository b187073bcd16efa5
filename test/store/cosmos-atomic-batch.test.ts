import { BulkOperationType, type Container, type OperationInput } from '@azure/cosmos';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';

// A transactional batch (`container.items.batch`) through the real SDK against cosmosdb-server,
// which patches/@vercel+cosmosdb-server+1.0.1.dev.patch makes all or nothing, as Cosmos DB is
// (docs/decisions.md, "Atomic transactional batches on the test server"). A failed batch is not
// thrown: it resolves with `code` 207 and one result per operation, the failing one with its own
// status and every other 424.

let cosmos: LoopbackCosmos;
let container: Container;
let n = 0;
const TENANT = 't1';

beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
  const { database } = await cosmos.client().databases.createIfNotExists({ id: 'atomic' });
  ({ container } = await database.containers.createIfNotExists({ id: 'docs', partitionKey: { paths: ['/tenantId'] } }));
});

afterAll(async () => {
  await cosmos.stop();
});

/** A fresh id per use, so the tests share one container without seeing each other's documents. */
function id(name: string): string {
  n += 1;
  return `${name}-${n}`;
}

async function seed(docId: string, v = 'seeded'): Promise<string> {
  const { resource } = await container.items.create({ id: docId, tenantId: TENANT, v });
  return resource!._etag;
}

async function stored(docId: string): Promise<{ v: string; _etag: string } | undefined> {
  const { resource, statusCode } = await container.item(docId, TENANT).read<{ v: string; _etag: string }>();
  if (resource === undefined) expect(statusCode).toBe(404);
  return resource;
}

describe('atomic transactional batch on the loopback Cosmos server', () => {
  test('a batch whose operations all succeed stores them all, each result 2xx with its ETag', async () => {
    const [a, b, c, x] = [id('a'), id('b'), id('c'), id('x')];
    const xEtag = await seed(x);
    const operations: OperationInput[] = [
      { operationType: BulkOperationType.Create, resourceBody: { id: a, tenantId: TENANT, v: 'a' } },
      { operationType: BulkOperationType.Create, resourceBody: { id: b, tenantId: TENANT, v: 'b' } },
      { operationType: BulkOperationType.Upsert, resourceBody: { id: c, tenantId: TENANT, v: 'c' } },
      // No partitionKey of its own: the operation is in the batch's partition, as on Cosmos DB.
      { operationType: BulkOperationType.Replace, id: x, ifMatch: xEtag, resourceBody: { id: x, tenantId: TENANT, v: 'replaced' } },
    ];

    const response = await container.items.batch(operations, TENANT);

    expect(response.code).toBe(200);
    expect(response.result!.map((r) => r.statusCode)).toEqual([201, 201, 201, 200]);
    const ids = [a, b, c, x];
    for (const [i, result] of response.result!.entries()) {
      const doc = await stored(ids[i]!);
      expect(result.eTag).toBe(doc!._etag);
      expect(result.resourceBody).toMatchObject({ id: ids[i], _etag: doc!._etag });
    }
    expect((await stored(x))!.v).toBe('replaced');
    expect((await stored(x))!._etag).not.toBe(xEtag);
  });

  test('a create of a taken id stores nothing: 409 for it, 424 for the others, returned (not thrown) as 207', async () => {
    const [fresh, taken, upserted, after] = [id('fresh'), id('taken'), id('upserted'), id('after')];
    await seed(taken);
    const upsertedEtag = await seed(upserted, 'before');
    const operations: OperationInput[] = [
      { operationType: BulkOperationType.Create, resourceBody: { id: fresh, tenantId: TENANT, v: 'new' } },
      { operationType: BulkOperationType.Create, resourceBody: { id: taken, tenantId: TENANT, v: 'again' } },
      { operationType: BulkOperationType.Upsert, resourceBody: { id: upserted, tenantId: TENANT, v: 'after' } },
      { operationType: BulkOperationType.Create, resourceBody: { id: after, tenantId: TENANT, v: 'new' } },
    ];

    const response = await container.items.batch(operations, TENANT);

    expect(response.code).toBe(207);
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 409, 424, 424]);
    expect(response.result!.every((r) => r.eTag === undefined && r.resourceBody === undefined)).toBe(true);
    expect(await stored(fresh)).toBeUndefined();
    expect(await stored(after)).toBeUndefined();
    expect(await stored(upserted)).toMatchObject({ v: 'before', _etag: upsertedEtag });
    expect(await stored(taken)).toMatchObject({ v: 'seeded' });
  });

  test('a replace with a stale ifMatch answers 412 and undoes the writes before it, ETags included', async () => {
    const [fresh, gone, x] = [id('fresh'), id('gone'), id('x')];
    const goneEtag = await seed(gone);
    const staleEtag = await seed(x);
    await container.item(x, TENANT).replace({ id: x, tenantId: TENANT, v: 'moved on' });
    const currentEtag = (await stored(x))!._etag;

    const response = await container.items.batch(
      [
        { operationType: BulkOperationType.Create, resourceBody: { id: fresh, tenantId: TENANT, v: 'new' } },
        { operationType: BulkOperationType.Delete, id: gone },
        { operationType: BulkOperationType.Replace, id: x, ifMatch: staleEtag, resourceBody: { id: x, tenantId: TENANT, v: 'lost update' } },
      ],
      TENANT,
    );

    expect(response.code).toBe(207);
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 424, 412]);
    expect(await stored(fresh)).toBeUndefined();
    expect(await stored(gone)).toMatchObject({ v: 'seeded', _etag: goneEtag });
    expect(await stored(x)).toMatchObject({ v: 'moved on', _etag: currentEtag });
  });

  test.each([
    ['replace', (absent: string): OperationInput => ({ operationType: BulkOperationType.Replace, id: absent, resourceBody: { id: absent, tenantId: TENANT, v: 'x' } })],
    ['delete', (absent: string): OperationInput => ({ operationType: BulkOperationType.Delete, id: absent })],
    ['read', (absent: string): OperationInput => ({ operationType: BulkOperationType.Read, id: absent })],
  ])('a %s of an absent id answers 404 and stores nothing', async (_kind, operationOn) => {
    const [fresh, x] = [id('fresh'), id('x')];
    const xEtag = await seed(x);

    const response = await container.items.batch(
      [
        { operationType: BulkOperationType.Create, resourceBody: { id: fresh, tenantId: TENANT, v: 'new' } },
        { operationType: BulkOperationType.Upsert, resourceBody: { id: x, tenantId: TENANT, v: 'changed' } },
        operationOn(id('absent')),
      ],
      TENANT,
    );

    expect(response.code).toBe(207);
    expect(response.result!.map((r) => r.statusCode)).toEqual([424, 424, 404]);
    expect(await stored(fresh)).toBeUndefined();
    expect(await stored(x)).toMatchObject({ v: 'seeded', _etag: xEtag });
  });

  test('a create then delete then create of one id in one batch sees its own earlier operations', async () => {
    const twice = id('twice');
    const response = await container.items.batch(
      [
        { operationType: BulkOperationType.Create, resourceBody: { id: twice, tenantId: TENANT, v: 'first' } },
        { operationType: BulkOperationType.Delete, id: twice },
        { operationType: BulkOperationType.Create, resourceBody: { id: twice, tenantId: TENANT, v: 'second' } },
        { operationType: BulkOperationType.Read, id: twice },
      ],
      TENANT,
    );

    expect(response.code).toBe(200);
    expect(response.result!.map((r) => r.statusCode)).toEqual([201, 204, 201, 200]);
    expect(response.result![3]!.resourceBody).toMatchObject({ v: 'second' });
    expect(await stored(twice)).toMatchObject({ v: 'second' });
  });

  test('a patch in a batch applies with the rest, and is undone with the rest, nested values included', async () => {
    const [fresh, x, taken] = [id('fresh'), id('x'), id('taken')];
    await container.items.create({ id: x, tenantId: TENANT, v: 'seeded', nested: { count: 1 } });
    await seed(taken);
    const xEtag = (await stored(x))!._etag;
    const patch = (value: number, ifMatch?: string): OperationInput => ({
      operationType: BulkOperationType.Patch,
      id: x,
      ...(ifMatch ? { ifMatch } : {}),
      resourceBody: { operations: [{ op: 'set', path: '/nested/count', value }] },
    });

    const failed = await container.items.batch(
      [patch(2, xEtag), { operationType: BulkOperationType.Create, resourceBody: { id: taken, tenantId: TENANT, v: 'again' } }],
      TENANT,
    );
    expect(failed.code).toBe(207);
    expect(failed.result!.map((r) => r.statusCode)).toEqual([424, 409]);
    expect(await stored(x)).toMatchObject({ nested: { count: 1 }, _etag: xEtag });

    const applied = await container.items.batch(
      [patch(3, xEtag), { operationType: BulkOperationType.Create, resourceBody: { id: fresh, tenantId: TENANT, v: 'new' } }],
      TENANT,
    );
    expect(applied.code).toBe(200);
    expect(applied.result!.map((r) => r.statusCode)).toEqual([200, 201]);
    expect(await stored(x)).toMatchObject({ nested: { count: 3 }, _etag: applied.result![0]!.eTag });
    expect(await stored(fresh)).toMatchObject({ v: 'new' });
  });

  test('a document of another partition makes the whole batch a 400, thrown by the SDK, and nothing is stored', async () => {
    const [mine, theirs] = [id('mine'), id('theirs')];

    const error = await container.items
      .batch(
        [
          { operationType: BulkOperationType.Create, resourceBody: { id: mine, tenantId: TENANT, v: 'new' } },
          { operationType: BulkOperationType.Create, resourceBody: { id: theirs, tenantId: 't2', v: 'new' } },
        ],
        TENANT,
      )
      .then(
        () => undefined,
        (e: unknown) => e as Error & { cause?: { code?: number } },
      );

    expect(error?.message).toMatch(/^Batch request error: .*different partition key value than the request/);
    expect(error?.cause?.code).toBe(400);
    expect(await stored(mine)).toBeUndefined();
    expect((await container.item(theirs, 't2').read()).resource).toBeUndefined();
  });
});

describe('bulk (executeBulkOperations) on the loopback Cosmos server', () => {
  test('still applies each operation on its own: a taken id fails alone, the others are stored', async () => {
    const [first, taken, last] = [id('first'), id('taken'), id('last')];
    await seed(taken);

    const results = await container.items.executeBulkOperations(
      [first, taken, last].map((docId) => ({
        operationType: BulkOperationType.Create,
        partitionKey: TENANT,
        resourceBody: { id: docId, tenantId: TENANT, v: 'bulk' },
      })),
    );

    const statuses = results.map((r) => r.response?.statusCode ?? (r.error as { code?: number } | undefined)?.code);
    expect(statuses).toEqual([201, 409, 201]);
    expect(await stored(first)).toMatchObject({ v: 'bulk' });
    expect(await stored(last)).toMatchObject({ v: 'bulk' });
    expect(await stored(taken)).toMatchObject({ v: 'seeded' });
  });
});

// The same patch serves a query that names ids (a top-level `c.id IN (...)` or `c.id = @p`) from the
// server's id index instead of scanning every document, as Cosmos DB's index does (decision 75):
// it must answer exactly what the scan answers.
describe('a query naming ids on the loopback Cosmos server', () => {
  const query = async (text: string, parameters: { name: string; value: string }[]) =>
    (await container.items.query<{ id: string; v: string }>({ query: text, parameters }).fetchAll()).resources.map((r) => `${r.id}=${r.v}`).sort();

  test('answers what the full scan answers: other conditions still apply, an OR or a bracketed id test is scanned, absent ids give nothing', async () => {
    const [a, b, c] = [id('q'), id('q'), id('q')];
    await seed(a, 'keep');
    await seed(b, 'drop');
    await seed(c, 'keep');
    await container.items.create({ id: a, tenantId: 't-other', v: 'keep' });
    const params = [
      { name: '@p0', value: TENANT },
      { name: '@p1', value: a },
      { name: '@p2', value: b },
      { name: '@p3', value: 'absent' },
      { name: '@p4', value: 'keep' },
    ];
    const indexed = await query('SELECT * FROM c WHERE c.tenantId = @p0 AND c.id IN (@p1, @p2, @p3) AND c.v = @p4', params);
    const scanned = await query('SELECT * FROM c WHERE c.tenantId = @p0 AND (c.id IN (@p1, @p2, @p3)) AND c.v = @p4', params);
    expect(indexed).toEqual([`${a}=keep`]);
    expect(indexed).toEqual(scanned);
    // Both partitions' documents with that id, as the scan finds them.
    expect(await query('SELECT * FROM c WHERE c.id = @p1', params)).toEqual([`${a}=keep`, `${a}=keep`]);
    // An OR at the top level could match documents the ids do not name: scanned, so c is found.
    expect(await query('SELECT * FROM c WHERE c.id = @p1 OR c.v = @p4', params)).toEqual(expect.arrayContaining([`${c}=keep`]));
    // A document deleted, or rolled back by a failed batch, is not found by its id.
    await container.item(b, TENANT).delete();
    expect(await query('SELECT * FROM c WHERE c.id IN (@p2)', params)).toEqual([]);
  });
});
