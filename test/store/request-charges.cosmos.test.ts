import { BULK_FROM, openCosmosStore } from '../../src/store/cosmos/cosmos-store';
import { RequestChargeMeter } from '../../src/store/cosmos/request-charges';
import { inFlow } from '../../src/store/flow';
import { startLoopbackCosmos, type LoopbackCosmos } from '../support/cosmos-server';
import { staff } from '../support/fixtures';

let cosmos: LoopbackCosmos;
beforeAll(async () => {
  cosmos = await startLoopbackCosmos();
});
afterAll(() => cosmos.stop());

describe('request charges per flow (Cosmos DB via @azure/cosmos against cosmosdb-server)', () => {
  test('every operation, failed ones included, is counted under the flow it ran in and logged at debug level', async () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const meter = new RequestChargeMeter({ debug: (fields, message) => lines.push({ fields: fields as Record<string, unknown>, message }) });
    const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'charges', createIfMissing: true, meter });
    meter.reset();
    await inFlow('register', async () => {
      await store.staff.create(staff('t1', 's1'));
      await store.staff.create(staff('t1', 's1')); // 409: charged too
      await store.staff.get('t1', 's1');
      await store.staff.get('t1', 'nobody'); // 404
    });
    await inFlow('digest', async () => {
      await store.staff.find('t1', { where: { active: true } });
      await store.staff.count('t1');
    });
    const totals = meter.totals();
    // The staff created also records the planner's change request (src/store/change-log.ts): a read
    // of the request (absent) and its upsert, so 6 operations.
    expect(totals.register).toEqual({ operations: 6, requestCharge: expect.any(Number), documents: 1 });
    expect(totals.digest).toMatchObject({ operations: 2, documents: 1 });
    // The emulator charges 1 per request; real Cosmos DB reports real request units here.
    expect(totals.register!.requestCharge).toBeGreaterThanOrEqual(6);
    expect(lines.filter((l) => l.fields.flow === 'register').map((l) => l.fields.operation)).toEqual(['create', 'read', 'upsert', 'create', 'read', 'read']);
    expect(lines[0]).toMatchObject({ message: 'cosmos request charge', fields: { collection: 'staff', requestCharge: expect.any(Number) } });
    await store.close();
  });

  test('createMany meters each document as a create with its own charge, under the caller’s flow, in bulk or not', async () => {
    const meter = new RequestChargeMeter();
    const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'bulk-charges', createIfMissing: true, meter });
    await store.staff.create(staff('t1', 'b1'));
    await store.staff.create(staff('t2', 'x0001'));
    meter.reset();
    // Below BULK_FROM: parallel creates.
    const few = await inFlow('plan', () => store.staff.createMany([staff('t1', 'b0'), staff('t1', 'b1'), staff('t1', 'b2')]));
    expect(few.map((r) => r.ok)).toEqual([true, false, true]);
    // Three creates, and the plan request the staff written record (src/store/change-log.ts): it is
    // due already (the staff created above asked for it), so one read and no write.
    expect(meter.totals().plan).toMatchObject({ operations: 4, documents: 1 });
    expect(meter.totals().plan!.requestCharge).toBeGreaterThanOrEqual(3);
    // From BULK_FROM on: one bulk, still one create per document in the figures.
    const many = Array.from({ length: BULK_FROM }, (_, i) => staff('t2', `x${String(i).padStart(4, '0')}`));
    const results = await inFlow('import', () => store.staff.createMany(many));
    expect(results.filter((r) => !r.ok)).toHaveLength(1);
    expect(meter.totals().import).toMatchObject({ operations: BULK_FROM + 1, documents: 1 });
    // The emulator charges 1 per document written (and 0 for the 409 inside a batch).
    expect(meter.totals().import!.requestCharge).toBeGreaterThanOrEqual(BULK_FROM - 1);
    await store.close();
  });

  test('iterate reads page by page with continuation tokens: one charged query per page', async () => {
    const meter = new RequestChargeMeter();
    const store = await openCosmosStore({ client: cosmos.client(), databaseId: 'pages', createIfMissing: true, meter });
    for (let i = 0; i < 5; i++) await store.staff.create(staff('t1', `p${i}`));
    meter.reset();
    const ids: string[] = [];
    await inFlow('export', async () => {
      for await (const row of store.staff.iterate('t1', undefined, { pageSize: 2 })) ids.push(row.value.id);
    });
    expect(ids.sort()).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(meter.totals().export).toMatchObject({ operations: 3, documents: 5 });
    await store.close();
  });
});
