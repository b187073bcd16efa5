import { ManualClock } from '../../src/domain/clock';
import { cpdLogEntryId, qualificationId, statutoryTrainingId } from '../../src/domain/cpd-record';
import { impactFollowUpId } from '../../src/domain/impact-follow-up';
import { gapTaskId, PLAN_NOW } from '../../src/domain';
import { withoutChangeLog } from '../../src/store/change-log';
import { InvalidRecordError } from '../../src/store/port';
import type { Store } from '../../src/store/store';
import { updateWithRetry } from '../../src/store/update';
import { decideRequest } from '../../src/domain/cpd-request';
import { budgetId } from '../../src/domain/budget';
import { cpdRequest } from '../support/cpd-request-fixtures';
import { delivery, gapTask, session, staff, tenant } from '../support/fixtures';

export interface StoreUnderTest {
  store: Store;
  clock: ManualClock;
  /** Removes every document so each test starts empty. */
  reset(): Promise<void>;
}

/**
 * The one contract both adapters must meet. It runs unchanged against the embedded store
 * and against Cosmos DB (through the real SDK on a loopback Cosmos-protocol server).
 */
export function describeStoreContract(adapter: string, setUp: () => Promise<StoreUnderTest>, tearDown: () => Promise<void>): void {
  describe(`store contract (${adapter})`, () => {
    let sut: StoreUnderTest;
    beforeAll(async () => {
      sut = await setUp();
    });
    afterAll(tearDown);
    beforeEach(() => sut.reset());

    test('get returns what put wrote, with a version, and undefined when absent', async () => {
      const { store } = sut;
      const written = await store.tenants.put(tenant('t1'));
      expect(written.ok).toBe(true);
      const read = await store.tenants.get('t1', 't1');
      expect(read?.value).toEqual(tenant('t1'));
      expect(read?.version).toEqual(written.ok ? written.version : 'x');
      expect(read?.version.length).toBeGreaterThan(0);
      expect(await store.tenants.get('t1', 'nobody')).toBeUndefined();
    });

    test('a document read again is a copy of its own each time, and the next version once written', async () => {
      const { store } = sut;
      await store.sessions.put(session('t1', 'ses-1', { title: 'Before' }));
      const first = await store.sessions.get('t1', 'ses-1');
      const second = await store.sessions.get('t1', 'ses-1');
      expect(second).toEqual(first);
      expect(second?.value).not.toBe(first?.value);
      first!.value.title = 'Changed by a reader';
      expect((await store.sessions.get('t1', 'ses-1'))?.value.title).toBe('Before');
      await store.sessions.put({ ...second!.value, title: 'After' }, { ifVersion: second!.version });
      expect((await store.sessions.get('t1', 'ses-1'))?.value.title).toBe('After');
    });

    test('create is idempotent: a second create of the same id changes nothing', async () => {
      const { store } = sut;
      const first = await store.staff.create(staff('t1', 's1', { name: 'Ada Lovelace' }));
      expect(first.ok).toBe(true);
      const second = await store.staff.create(staff('t1', 's1', { name: 'Someone Else' }));
      expect(second).toEqual({ ok: false, reason: 'exists' });
      expect((await store.staff.get('t1', 's1'))?.value.name).toBe('Ada Lovelace');
      expect(await store.staff.count('t1')).toBe(1);
    });

    test('put without a version is an idempotent upsert', async () => {
      const { store } = sut;
      const doc = session('t1', 'ses-1');
      await store.sessions.put(doc);
      await store.sessions.put(doc);
      expect(await store.sessions.count('t1')).toBe(1);
      expect((await store.sessions.get('t1', 'ses-1'))?.value).toEqual(doc);
    });

    test('a stale version is a conflict and the newer write survives', async () => {
      const { store } = sut;
      const created = await store.sessions.create(session('t1', 'ses-1'));
      if (!created.ok) throw new Error('create failed');
      const a = await store.sessions.put(session('t1', 'ses-1', { title: 'First edit' }), { ifVersion: created.version });
      expect(a.ok).toBe(true);
      const b = await store.sessions.put(session('t1', 'ses-1', { title: 'Stale edit' }), { ifVersion: created.version });
      expect(b).toEqual({ ok: false, reason: 'conflict' });
      expect((await store.sessions.get('t1', 'ses-1'))?.value.title).toBe('First edit');
    });

    test('a versioned put of a missing document is absent, and writes nothing', async () => {
      const { store } = sut;
      const result = await store.sessions.put(session('t1', 'ghost'), { ifVersion: '"stale"' });
      expect(result.ok).toBe(false);
      expect(await store.sessions.get('t1', 'ghost')).toBeUndefined();
    });

    test('delete honours versions and reports absence', async () => {
      const { store } = sut;
      const created = await store.staff.create(staff('t1', 's1'));
      if (!created.ok) throw new Error('create failed');
      await store.staff.put(staff('t1', 's1', { department: 'Maths' }));
      expect(await store.staff.delete('t1', 's1', { ifVersion: created.version })).toEqual({ ok: false, reason: 'conflict' });
      expect(await store.staff.delete('t1', 's1')).toEqual({ ok: true });
      expect(await store.staff.delete('t1', 's1')).toEqual({ ok: false, reason: 'absent' });
    });

    test('the change log: a write that changes a plan records one request per subject; the planner\'s own writes record none', async () => {
      const { store } = sut;
      const due = async () => (await store.planRequests.find('t1', { where: { availableAt: { lte: PLAN_NOW } } })).map((r) => r.value.id).sort();
      await store.sessions.put(session('t1', 'ses-1'));
      await store.sessions.put(session('t1', 'ses-1', { title: 'Moved' }));
      await store.participations.put({ tenantId: 't1', id: 'part-1', sessionId: 'ses-2', staffId: 's1', invitedAt: '2026-11-16T09:00:00.000Z' });
      await store.receipts.create({ tenantId: 't1', id: 'rcpt-1', questionnaireId: 'qn-1', staffId: 's1' });
      await store.staff.createMany([staff('t1', 's1'), staff('t1', 's2')]);
      expect(await due()).toEqual(['questionnaire:qn-1', 'session:ses-1', 'tenant']);
      // Already due and unclaimed: a further change is a read, not a write. Claimed: due again.
      const before = (await store.planRequests.get('t1', 'session:ses-1'))!;
      await store.sessions.put(session('t1', 'ses-1', { title: 'Moved again' }));
      expect((await store.planRequests.get('t1', 'session:ses-1'))!.version).toBe(before.version);
      await store.planRequests.put({ ...before.value, availableAt: '2026-11-24T10:05:00.000Z', leaseOwner: 'planner-a' }, { ifVersion: before.version });
      await store.participations.put({ tenantId: 't1', id: 'part-2', sessionId: 'ses-1', staffId: 's1', rsvp: 'yes' });
      expect((await store.planRequests.get('t1', 'session:ses-1'))!.value).toEqual({ tenantId: 't1', id: 'session:ses-1', subject: { kind: 'session', sessionId: 'ses-1' }, availableAt: PLAN_NOW });
      // A platform id linked records nothing; a deleted gap task plans its session again.
      await store.planRequests.delete('t1', 'tenant');
      await store.staff.put({ ...staff('t1', 's1'), slack: { userId: 'U01', teamId: 'T01' } });
      await store.gapTasks.put(gapTask('t1', 'ses-3', 's1'));
      await withoutChangeLog(() => store.planRequests.delete('t1', 'session:ses-3'));
      await store.gapTasks.delete('t1', gapTaskId('ses-3', 's1'));
      await withoutChangeLog(() => store.sessions.put(session('t1', 'ses-4')));
      expect(await due()).toEqual(['questionnaire:qn-1', 'session:ses-1', 'session:ses-3']);
      expect(await store.planRequests.count('t2')).toBe(0);
    });

    test('updateWithRetry applies a change under the ETag even when another writer races it', async () => {
      const { store } = sut;
      await store.gapTasks.create(gapTask('t1', 'ses-1', 's1'));
      const id = gapTask('t1', 'ses-1', 's1').id;
      // Another instance writes between our read and our write, once.
      let raced = false;
      const racing = {
        ...store.gapTasks,
        get: async (tenantId: string, docId: string) => {
          const read = await store.gapTasks.get(tenantId, docId);
          if (read && !raced) {
            raced = true;
            await store.gapTasks.put({ ...read.value, snoozedUntil: '2026-12-01T09:00:00.000Z' });
          }
          return read;
        },
      };
      const result = await updateWithRetry(racing, 't1', id, (current) => ({ ...current, status: 'planned' as const }));
      expect(result.ok).toBe(true);
      const stored = (await store.gapTasks.get('t1', id))?.value;
      expect(stored?.status).toBe('planned');
      // The retry re-read the racer's write instead of overwriting it.
      expect(stored?.snoozedUntil).toBe('2026-12-01T09:00:00.000Z');
      expect(await updateWithRetry(store.gapTasks, 't1', 'absent', (c) => c)).toEqual({ ok: false, reason: 'absent' });
    });

    test('cpdRequests: two approvers deciding from the same read make one decision; the other is a conflict', async () => {
      const { store } = sut;
      const created = await store.cpdRequests.create(cpdRequest('t1', 'req-1'));
      if (!created.ok) throw new Error('create failed');
      const approve = decideRequest(created.value, { by: 'lm', outcome: 'approved', at: '2026-11-23T10:00:00.000Z' });
      const decline = decideRequest(created.value, { by: 'lm', outcome: 'declined', reason: 'Not this term', at: '2026-11-23T10:00:01.000Z' });
      if (!approve.ok || !decline.ok) throw new Error('the rules refused a valid decision');
      const [a, b] = await Promise.all([
        store.cpdRequests.put(approve.request, { ifVersion: created.version }),
        store.cpdRequests.put(decline.request, { ifVersion: created.version }),
      ]);
      expect([a.ok, b.ok].sort()).toEqual([false, true]);
      const stored = (await store.cpdRequests.get('t1', 'req-1'))?.value;
      expect(stored?.steps[0]?.decision?.outcome).toBe((a.ok ? approve : decline).request.steps[0]?.decision?.outcome);
      expect(await store.cpdRequests.create(cpdRequest('t1', 'req-1'))).toEqual({ ok: false, reason: 'exists' });
    });

    test('cpdRequests: found by requester and status, never across tenants', async () => {
      const { store } = sut;
      await store.cpdRequests.create(cpdRequest('t1', 'req-1'));
      await store.cpdRequests.create(cpdRequest('t1', 'req-2', { requesterId: 'other', status: 'draft', steps: [] }));
      await store.cpdRequests.create(cpdRequest('t2', 'req-3'));
      expect((await store.cpdRequests.find('t1', { where: { requesterId: 'teacher' } })).map((r) => r.value.id)).toEqual(['req-1']);
      expect((await store.cpdRequests.find('t1', { where: { status: { in: ['submitted', 'approved'] } } })).map((r) => r.value.id)).toEqual(['req-1']);
      expect(await store.cpdRequests.count('t2')).toBe(1);
      expect(await store.cpdRequests.get('t2', 'req-1')).toBeUndefined();
    });

    test('cpdBudgets: one per school and year, set again replaces the amount', async () => {
      const { store } = sut;
      const id = budgetId('2026-27', 'sch-1');
      const budget = { tenantId: 't1', id, scope: 'school' as const, schoolId: 'sch-1', academicYear: '2026-27', amountPence: 500000, setAt: '2026-11-23T09:00:00.000Z' };
      await store.cpdBudgets.put(budget);
      await store.cpdBudgets.put({ ...budget, amountPence: 650000 });
      expect(await store.cpdBudgets.count('t1', { academicYear: '2026-27' })).toBe(1);
      expect((await store.cpdBudgets.get('t1', id))?.value.amountPence).toBe(650000);
      await expect(store.cpdBudgets.put({ ...budget, academicYear: '2026-28' })).rejects.toThrow(/academic year|second year/);
    });

    test('tenant A can never read, count, find, overwrite or delete tenant B documents', async () => {
      const { store } = sut;
      await store.staff.put(staff('tA', 's1', { name: 'A person' }));
      await store.staff.put(staff('tB', 's1', { name: 'B person' }));
      expect((await store.staff.get('tA', 's1'))?.value.name).toBe('A person');
      expect((await store.staff.get('tB', 's1'))?.value.name).toBe('B person');
      expect((await store.staff.find('tA')).map((v) => v.value.tenantId)).toEqual(['tA']);
      expect(await store.staff.count('tA', { email: 's1@school.example' })).toBe(1);
      await store.staff.delete('tA', 's1');
      expect((await store.staff.get('tB', 's1'))?.value.name).toBe('B person');
      expect(await store.staff.find('tA')).toEqual([]);
    });

    test('bad records are rejected by the schema before any write', async () => {
      const { store } = sut;
      const bad = { ...session('t1', 'ses-bad'), endsAt: '2026-11-24T15:00:00.000Z' };
      await expect(store.sessions.put(bad)).rejects.toBeInstanceOf(InvalidRecordError);
      await expect(store.sessions.create({ ...session('t1', 'ses-bad2'), category: 'Cookery' } as never)).rejects.toThrow(/category/);
      await expect(store.staff.put({ ...staff('t1', 's1'), email: 'not-an-email' })).rejects.toThrow(/email/);
      await expect(store.staff.put({ ...staff('t1', 's2'), id: 'bad/id' })).rejects.toThrow(/id/);
      expect(await store.sessions.count('t1')).toBe(0);
      expect(await store.staff.count('t1')).toBe(0);
    });

    test('find filters with eq, ne, in, ranges, exists and contains, sorts and limits', async () => {
      const { store } = sut;
      for (let i = 1; i <= 6; i++) {
        await store.sessions.put(
          session('t1', `ses-${i}`, {
            startsAt: `2026-11-2${i}T16:00:00.000Z`,
            endsAt: `2026-11-2${i}T17:00:00.000Z`,
            status: i % 2 === 0 ? 'published' : 'draft',
            facilitatorIds: i <= 2 ? ['fac-1'] : ['fac-2'],
            ...(i === 3 ? { seriesId: 'series-1' } : {}),
            compulsory: i === 4,
          }),
        );
      }
      const ids = (rows: { value: { id: string } }[]) => rows.map((r) => r.value.id);
      expect(ids(await store.sessions.find('t1', { where: { status: 'published' }, orderBy: { field: 'startsAt' } }))).toEqual([
        'ses-2',
        'ses-4',
        'ses-6',
      ]);
      expect(ids(await store.sessions.find('t1', { where: { status: { ne: 'published' } }, orderBy: { field: 'startsAt', direction: 'desc' } }))).toEqual([
        'ses-5',
        'ses-3',
        'ses-1',
      ]);
      expect(ids(await store.sessions.find('t1', { where: { id: { in: ['ses-1', 'ses-6', 'nope'] } }, orderBy: { field: 'startsAt' } }))).toEqual([
        'ses-1',
        'ses-6',
      ]);
      expect(await store.sessions.find('t1', { where: { id: { in: [] } } })).toEqual([]);
      expect(
        ids(
          await store.sessions.find('t1', {
            where: { startsAt: { gte: '2026-11-22T00:00:00.000Z', lt: '2026-11-25T00:00:00.000Z' } },
            orderBy: { field: 'startsAt' },
          }),
        ),
      ).toEqual(['ses-2', 'ses-3', 'ses-4']);
      expect(ids(await store.sessions.find('t1', { where: { seriesId: { exists: true } } }))).toEqual(['ses-3']);
      expect(await store.sessions.count('t1', { seriesId: { exists: false } })).toBe(5);
      expect(ids(await store.sessions.find('t1', { where: { facilitatorIds: { contains: 'fac-1' } }, orderBy: { field: 'startsAt' } }))).toEqual([
        'ses-1',
        'ses-2',
      ]);
      expect(ids(await store.sessions.find('t1', { orderBy: { field: 'startsAt' }, limit: 2 }))).toEqual(['ses-1', 'ses-2']);
      expect(ids(await store.sessions.find('t1', { where: { startsAt: { gt: '2026-11-21T00:00:00.000Z' } }, limit: 1, orderBy: { field: 'startsAt', direction: 'desc' } }))).toEqual([
        'ses-6',
      ]);
      // A nested path and a boolean, both indexed.
      await store.staff.put(staff('t1', 's1', { teams: { aadObjectId: 'aad-1' } }));
      await store.staff.put(staff('t1', 's2', { active: false }));
      expect(ids(await store.staff.find('t1', { where: { 'teams.aadObjectId': 'aad-1' } }))).toEqual(['s1']);
      expect(ids(await store.staff.find('t1', { where: { active: false } }))).toEqual(['s2']);
    });

    test('a query on a path the indexing policy does not cover is refused (real Cosmos would scan or refuse it)', async () => {
      const { store } = sut;
      await store.sessions.put(session('t1', 'ses-1', { compulsory: true }));
      // Not indexed at all: filter, count and sort.
      await expect(store.sessions.find('t1', { where: { compulsory: true } })).rejects.toThrow(/sessions does not index a filter on compulsory/);
      await expect(store.sessions.count('t1', { 'location.place': 'Library' })).rejects.toThrow(/location.place/);
      await expect(store.sessions.find('t1', { orderBy: { field: 'endsAt' } })).rejects.toThrow(/a sort on endsAt/);
      // An array's elements need their own index path (/facilitatorIds/[]/?), not the field's.
      await expect(store.staff.find('t1', { where: { active: { contains: 'x' } } })).rejects.toThrow(/elements of active/);
      // Equality then a sort on another field needs the composite index [equality…, sort].
      await expect(store.gapTasks.find('t1', { where: { status: 'planned' }, orderBy: { field: 'dueAt' } })).rejects.toThrow(/composite index \[status, dueAt\]/);
      expect(await store.gapTasks.find('t1', { where: { staffId: 's1' }, orderBy: { field: 'dueAt' } })).toEqual([]);
      expect(await store.deliveries.findAcrossTenants({ where: { status: 'pending', availableAt: { lte: '2026-11-23T09:00:00.000Z' } }, orderBy: { field: 'availableAt' } })).toEqual([]);
    });

    test('a tenant write links its Teams tenant and Slack workspace in the platform directory, read by key', async () => {
      const { store } = sut;
      await store.tenants.put({ ...tenant('t1'), teamsTenantId: 'aad-tenant-1', slackTeamId: 'T0001' });
      const teams = await store.platformTenants.get('platform-directory', 'teams:aad-tenant-1');
      expect(teams?.value).toMatchObject({ platform: 'teams', platformTenantId: 'aad-tenant-1', targetTenantId: 't1' });
      expect((await store.platformTenants.get('platform-directory', 'slack:T0001'))?.value.targetTenantId).toBe('t1');
      // Repeatable: writing the tenant again leaves one link per platform id.
      await store.tenants.put({ ...tenant('t1'), teamsTenantId: 'aad-tenant-1', slackTeamId: 'T0001' });
      expect(await store.platformTenants.count('platform-directory')).toBe(2);
      // A tenant that names no platform tenant links nothing; the directory is not any tenant's data.
      await store.tenants.create(tenant('t2'));
      expect(await store.platformTenants.count('platform-directory')).toBe(2);
      expect(await store.platformTenants.count('t1')).toBe(0);
      // createMany links what it creates, and nothing for an id it found taken.
      const created = await store.tenants.createMany([{ ...tenant('t3'), teamsTenantId: 'aad-tenant-3' }]);
      expect(created[0]?.ok).toBe(true);
      expect((await store.platformTenants.get('platform-directory', 'teams:aad-tenant-3'))?.value.targetTenantId).toBe('t3');
      await store.tenants.createMany([{ ...tenant('t3'), teamsTenantId: 'aad-other' }]);
      expect(await store.platformTenants.get('platform-directory', 'teams:aad-other')).toBeUndefined();
    });

    test('iterate pages through a query: every match once, in order, a page at a time', async () => {
      const { store } = sut;
      const all = async <T>(rows: AsyncIterable<T>): Promise<T[]> => {
        const out: T[] = [];
        for await (const row of rows) out.push(row);
        return out;
      };
      for (let i = 0; i < 23; i++) await store.staff.create(staff('t1', `s${String(i).padStart(2, '0')}`, { active: i % 3 !== 0 }));
      await store.staff.create(staff('t2', 'other-tenant'));
      const everyone = await all(store.staff.iterate('t1', undefined, { pageSize: 5 }));
      expect(everyone.map((r) => r.value.id).sort()).toEqual(Array.from({ length: 23 }, (_, i) => `s${String(i).padStart(2, '0')}`));
      expect(everyone.every((r) => r.version.length > 0)).toBe(true);
      const active = await all(store.staff.iterate('t1', { where: { active: true } }, { pageSize: 4 }));
      expect(active).toHaveLength(15);
      for (let i = 1; i <= 9; i++) {
        await store.sessions.put(session('t1', `ses-${i}`, { startsAt: `2026-11-0${i}T16:00:00.000Z`, endsAt: `2026-11-0${i}T17:00:00.000Z` }));
      }
      const latestFirst = await all(store.sessions.iterate('t1', { orderBy: { field: 'startsAt', direction: 'desc' } }, { pageSize: 2 }));
      expect(latestFirst.map((r) => r.value.id)).toEqual(['ses-9', 'ses-8', 'ses-7', 'ses-6', 'ses-5', 'ses-4', 'ses-3', 'ses-2', 'ses-1']);
      await expect(all(store.sessions.iterate('t1', { where: { compulsory: true } }))).rejects.toThrow(/does not index/);
    });

    test('unsafe field paths are refused rather than spliced into a query', async () => {
      await expect(sut.store.sessions.find('t1', { where: { "status') OR 1=1 --": 'x' } })).rejects.toThrow(/field path/);
      await expect(sut.store.sessions.find('t1', { limit: -1 })).rejects.toThrow(/limit/);
    });

    test('findAcrossTenants serves the scheduler: due deliveries of every tenant', async () => {
      const { store } = sut;
      await store.deliveries.put(delivery('tA', 's1', { dueAt: '2026-11-23T09:00:00.000Z' }));
      await store.deliveries.put(delivery('tB', 's2', { dueAt: '2026-11-23T08:00:00.000Z' }));
      await store.deliveries.put(delivery('tB', 's3', { dueAt: '2026-11-23T10:00:00.000Z' }));
      await store.deliveries.put(delivery('tB', 's4', { status: 'sent' }));
      const due = await store.deliveries.findAcrossTenants({
        where: { status: 'pending', dueAt: { lte: '2026-11-23T09:30:00.000Z' } },
        orderBy: { field: 'dueAt' },
      });
      expect(due.map((d) => `${d.value.tenantId}/${d.value.recipientId}`)).toEqual(['tB/s2', 'tA/s1']);
    });

    test('every collection round-trips its own documents', async () => {
      const { store } = sut;
      await store.calendars.put({
        tenantId: 't1',
        id: 'calendar',
        terms: [{ start: '2026-09-03', end: '2026-12-18' }],
        holidays: [{ start: '2026-10-26', end: '2026-10-30', name: 'Half term' }],
        quietHours: { start: '18:00', end: '07:30' },
        quietWeekends: true,
      });
      await store.participations.put({ tenantId: 't1', id: 'p1', sessionId: 'ses-1', staffId: 's1', rsvp: 'yes', rsvpAt: '2026-11-20T10:00:00.000Z' });
      await store.templates.put({
        tenantId: 't1',
        id: 'tpl-1',
        name: 'Audit',
        purpose: 'survey',
        anonymous: true,
        questions: [{ id: 'q1', kind: 'likert', prompt: 'CPD helps me help pupils', required: true }],
      });
      await store.questionnaires.put({
        tenantId: 't1',
        id: 'q-1',
        title: 'Reaction',
        purpose: 'reaction',
        sessionId: 'ses-1',
        anonymous: false,
        questions: [{ id: 'quality', kind: 'rating', prompt: 'Quality?', required: true, lowLabel: 'Poor', highLabel: 'Excellent' }],
        opensAt: '2026-11-24T17:30:00.000Z',
        closesAt: '2026-12-01T17:30:00.000Z',
      });
      await store.responses.put({ tenantId: 't1', id: 'r1', questionnaireId: 'q-1', respondentId: 's1', answers: { quality: 4 }, submittedAt: '2026-11-24T17:40:00.000Z' });
      await store.anonymousResponses.put({ tenantId: 't1', id: 'a1', questionnaireId: 'q-1', answers: { quality: 5 }, submittedOn: '2026-11-24' });
      await store.receipts.put({ tenantId: 't1', id: 'rc1', questionnaireId: 'q-1', staffId: 's1' });
      await store.conversations.put({
        tenantId: 't1',
        id: 'c1',
        platform: 'teams',
        staffId: 's1',
        scope: 'personal',
        conversationId: 'a:1',
        reference: { serviceUrl: 'http://127.0.0.1/', conversation: { id: 'a:1' } },
        updatedAt: '2026-11-23T08:00:00.000Z',
      });
      await store.idempotencyKeys.create({ tenantId: 't1', id: 'slack-event-Ev1', purpose: 'slack-event', createdAt: '2026-11-23T08:00:00.000Z' });
      expect((await store.calendars.get('t1', 'calendar'))?.value.holidays[0]?.name).toBe('Half term');
      expect((await store.participations.find('t1', { where: { sessionId: 'ses-1', rsvp: 'yes' } })).length).toBe(1);
      expect((await store.templates.get('t1', 'tpl-1'))?.value.anonymous).toBe(true);
      expect((await store.questionnaires.find('t1', { where: { sessionId: 'ses-1' } }))[0]?.value.id).toBe('q-1');
      expect((await store.responses.find('t1', { where: { questionnaireId: 'q-1' } }))[0]?.value.answers).toEqual({ quality: 4 });
      expect((await store.anonymousResponses.get('t1', 'a1'))?.value).not.toHaveProperty('respondentId');
      expect(await store.receipts.count('t1', { questionnaireId: 'q-1' })).toBe(1);
      expect((await store.conversations.find('t1', { where: { staffId: 's1' } }))[0]?.value.reference).toEqual({
        serviceUrl: 'http://127.0.0.1/',
        conversation: { id: 'a:1' },
      });
      expect((await store.idempotencyKeys.create({ tenantId: 't1', id: 'slack-event-Ev1', purpose: 'slack-event', createdAt: '2026-11-23T08:00:01.000Z' })).ok).toBe(false);
    });

    test('anonymous responses and receipts refuse any field that could name a person or a time', async () => {
      const { store } = sut;
      await expect(
        store.anonymousResponses.put({ tenantId: 't1', id: 'a1', questionnaireId: 'q-1', answers: {}, submittedOn: '2026-11-24', respondentId: 's1' } as never),
      ).rejects.toBeInstanceOf(InvalidRecordError);
      await expect(
        store.receipts.put({ tenantId: 't1', id: 'r1', questionnaireId: 'q-1', staffId: 's1', submittedAt: '2026-11-24T17:40:00.000Z' } as never),
      ).rejects.toBeInstanceOf(InvalidRecordError);
      expect(await store.anonymousResponses.count('t1')).toBe(0);
    });

    test('a TTL is accepted only where data expires', async () => {
      const { store } = sut;
      const r = await store.responses.put(
        { tenantId: 't1', id: 'r1', questionnaireId: 'q-1', respondentId: 's1', answers: {}, submittedAt: '2026-11-24T17:40:00.000Z' },
        { ttlSeconds: 3600 },
      );
      expect(r.ok).toBe(true);
      expect((await store.responses.get('t1', 'r1'))?.value).not.toHaveProperty('ttl');
      await expect(store.tenants.put(tenant('t1'), { ttlSeconds: 60 })).rejects.toThrow(/do not expire/);
    });

    test('the whole record: logged CPD, qualifications and statutory training are per tenant, idempotent and queryable by person and expiry', async () => {
      const { store } = sut;
      const id = cpdLogEntryId('s1', '2026-10-05', 'Maths Hub  Course');
      const entry = { tenantId: 't1', id, staffId: 's1', what: 'Maths Hub course', on: '2026-10-05', hours: 6, type: 'course' as const, learned: 'Bar models.', loggedAt: '2026-10-06T09:00:00.000Z' };
      expect((await store.cpdLog.create(entry)).ok).toBe(true);
      // A retried submission (different spacing and case) lands on the same id: nothing logged twice.
      expect(cpdLogEntryId('s1', '2026-10-05', 'maths hub course')).toBe(id);
      expect(await store.cpdLog.create({ ...entry, hours: 7 })).toEqual({ ok: false, reason: 'exists' });
      await store.cpdLog.create({ ...entry, tenantId: 't2' });
      expect((await store.cpdLog.find('t1', { where: { staffId: 's1' }, orderBy: { field: 'on' } })).map((v) => v.value.hours)).toEqual([6]);
      await expect(store.cpdLog.put({ ...entry, id: 'cpd-bad', hours: 0 })).rejects.toBeInstanceOf(InvalidRecordError);

      await store.qualifications.put({ tenantId: 't1', id: qualificationId('s1', 'npqsl', 'NPQSL'), staffId: 's1', kind: 'npqsl', title: 'NPQSL', awardedOn: '2025-07-01', recordedAt: '2026-10-06T09:00:00.000Z' });
      expect((await store.qualifications.find('t1', { where: { staffId: 's1' } }))[0]?.value.awardedOn).toBe('2025-07-01');
      expect(await store.qualifications.count('t2')).toBe(0);

      const training = { tenantId: 't1', staffId: 's1', topic: 'Safeguarding', completedOn: '2024-09-02', expiresOn: '2026-12-01', recordedAt: '2026-10-06T09:00:00.000Z' };
      await store.statutoryTraining.put({ ...training, id: statutoryTrainingId('s1', 'safeguarding') });
      await store.statutoryTraining.put({ ...training, id: statutoryTrainingId('s2', 'first aid'), staffId: 's2', topic: 'First aid', expiresOn: '2027-09-01' });
      const lapsing = await store.statutoryTraining.find('t1', { where: { expiresOn: { lte: '2026-12-31' } } });
      expect(lapsing.map((v) => v.value.staffId)).toEqual(['s1']);
      // Renewal replaces the one document for that person and topic.
      await store.statutoryTraining.put({ ...training, id: statutoryTrainingId('s1', 'Safeguarding '), completedOn: '2026-11-30', expiresOn: '2028-11-30' });
      expect(await store.statutoryTraining.count('t1', { staffId: 's1' })).toBe(1);
    });

    test('impact follow-ups: one per session and person, the answer written only over the version read', async () => {
      const { store } = sut;
      const id = impactFollowUpId('ses-1', 's1');
      const asked = { tenantId: 't1', id, sessionId: 'ses-1', staffId: 's1', askedAt: '2027-01-12T08:30:00.000Z', status: 'asked' as const };
      const created = await store.impactFollowUps.create(asked);
      if (!created.ok) throw new Error('create failed');
      expect(await store.impactFollowUps.create(asked)).toEqual({ ok: false, reason: 'exists' });
      const person = { applied: 'yes' as const, how: 'x', pupilChange: 'y', evidence: ['pupil-voice' as const], submittedAt: '2027-01-12T09:00:00.000Z' };
      expect((await store.impactFollowUps.put({ ...asked, status: 'answered', person }, { ifVersion: created.version })).ok).toBe(true);
      expect(await store.impactFollowUps.put({ ...asked, status: 'answered', person: { ...person, how: 'stale' } }, { ifVersion: created.version })).toEqual({ ok: false, reason: 'conflict' });
      expect((await store.impactFollowUps.find('t1', { where: { status: { in: ['asked', 'answered'] } } })).map((v) => v.value.person?.how)).toEqual(['x']);
      await expect(store.impactFollowUps.put({ ...asked, id: 'impact-bad', status: 'answered', person: { ...person, evidence: [] } })).rejects.toBeInstanceOf(InvalidRecordError);
    });

    test('createMany creates every document of one tenant, results in input order with versions', async () => {
      const { store } = sut;
      const docs = ['s3', 's1', 's2'].map((id) => staff('t1', id));
      const results = await store.staff.createMany(docs);
      expect(results.map((r) => (r.ok ? r.value.id : r.reason))).toEqual(['s3', 's1', 's2']);
      for (const [i, r] of results.entries()) {
        if (!r.ok) throw new Error('not created');
        expect(r.value).toEqual(docs[i]);
        expect((await store.staff.get('t1', docs[i]!.id))?.version).toBe(r.version);
      }
      expect(await store.staff.count('t1')).toBe(3);
      expect(await store.staff.createMany([])).toEqual([]);
    });

    test('createMany reports exists for taken ids, in input order, and leaves them untouched', async () => {
      const { store } = sut;
      const taken = await store.staff.create(staff('t1', 's2', { name: 'Already here' }));
      if (!taken.ok) throw new Error('create failed');
      const results = await store.staff.createMany([staff('t1', 's1'), staff('t1', 's2', { name: 'Newcomer' }), staff('t1', 's3')]);
      expect(results.map((r) => (r.ok ? 'created' : r.reason))).toEqual(['created', 'exists', 'created']);
      const kept = await store.staff.get('t1', 's2');
      expect(kept?.value.name).toBe('Already here');
      expect(kept?.version).toBe(taken.version);
      expect((await store.staff.get('t1', 's1'))?.value.name).toBe('Person s1');
      expect(await store.staff.count('t1')).toBe(3);
      // One id twice in the input: one of the two is created, the other finds it taken.
      const twice = await store.staff.createMany([staff('t1', 's4', { name: 'First' }), staff('t1', 's4', { name: 'Second' })]);
      expect(twice.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(await store.staff.count('t1')).toBe(4);
    });

    test('createMany takes a TTL where data expires, and refuses one elsewhere before writing', async () => {
      const { store } = sut;
      const docs = [delivery('t1', 's1'), delivery('t1', 's2')];
      const results = await store.deliveries.createMany(docs, { ttlSeconds: 3600 });
      expect(results.every((r) => r.ok)).toBe(true);
      expect((await store.deliveries.get('t1', docs[0]!.id))?.value).not.toHaveProperty('ttl');
      await expect(store.staff.createMany([staff('t1', 's1')], { ttlSeconds: 60 })).rejects.toThrow(/do not expire/);
      expect(await store.staff.count('t1')).toBe(0);
    });

    test('createMany refuses documents of more than one tenant, writing none', async () => {
      const { store } = sut;
      await expect(store.staff.createMany([staff('t1', 's1'), staff('t2', 's2')])).rejects.toThrow(/one tenant/);
      expect(await store.staff.count('t1')).toBe(0);
      expect(await store.staff.count('t2')).toBe(0);
    });

    test('createMany with one bad record writes nothing at all', async () => {
      const { store } = sut;
      const docs = [staff('t1', 's1'), { ...staff('t1', 's2'), email: 'not-an-email' }, staff('t1', 's3')];
      await expect(store.staff.createMany(docs)).rejects.toBeInstanceOf(InvalidRecordError);
      expect(await store.staff.count('t1')).toBe(0);
    });

    test('createMany writes 1,200 documents (more than one transaction or batch) and reports each', async () => {
      const { store } = sut;
      await store.staff.create(staff('t1', 's0600', { name: 'Already here' }));
      const docs = Array.from({ length: 1200 }, (_, i) => staff('t1', `s${String(i).padStart(4, '0')}`));
      const results = await store.staff.createMany(docs);
      expect(results).toHaveLength(1200);
      expect(results.filter((r) => r.ok)).toHaveLength(1199);
      expect(results[600]).toEqual({ ok: false, reason: 'exists' });
      expect(results.map((r) => (r.ok ? r.value.id : 'exists'))).toEqual(docs.map((d, i) => (i === 600 ? 'exists' : d.id)));
      expect(await store.staff.count('t1')).toBe(1200);
      expect((await store.staff.get('t1', 's0600'))?.value.name).toBe('Already here');
    });

    test('ping answers while the store is open', async () => {
      await expect(sut.store.ping()).resolves.toBeUndefined();
    });
  });
}
