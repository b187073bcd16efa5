import { handleCardAction } from '../../../src/app/card-actions';
import { runCommand } from '../../../src/app/commands';
import type { AppDeps } from '../../../src/app/deps';
import type { Actor } from '../../../src/app/people/actor';
import { bookExternalSession, externalSessionId } from '../../../src/app/requests/request-booking';
import { runCli } from '../../../src/cli/run-cli';
import { CpdRequestDetails, deliveryId, ManualClock, Tenant as TenantSchema, type Staff, type Tenant } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { courseDetails, cpdRequest } from '../../support/cpd-request-fixtures';
import { staff } from '../../support/fixtures';

/** Issue 26 item 5: a school's own CPD lead gets that school's requests and overdue notices; the trust's lead still sees all. */
onBothStores('school-cpd-lead', (label, open, done) => {
  describe(`a CPD lead per school (${label})`, () => {
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    let store: Store;
    let deps: AppDeps;
    const people: Record<string, Staff> = {};
    const tenantNow = async (): Promise<Tenant> => (await store.tenants.get('t1', 't1'))!.value;
    const actor = async (id: string): Promise<Actor> => ({ tenant: await tenantNow(), staff: people[id]! });
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: 't1', print: (t) => lines.push(t) });

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      await store.tenants.put(
        TenantSchema.parse({ tenantId: 't1', id: 't1', name: 'Fen Trust', kind: 'trust', schools: [{ id: 'sch-1', name: 'Huntingdon Academy' }, { id: 'sch-2', name: 'Ely Primary' }] }),
      );
      Object.assign(people, {
        trust: staff('t1', 'trust', { name: 'Tara Trustlead', roles: ['staff', 'cpd-lead'] }),
        lee: staff('t1', 'lee', { name: 'Lee Schoollead', schoolId: 'sch-1', email: 'lee.lead@school.example' }),
        ada: staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1', lineManagerId: 'lm' }),
        eve: staff('t1', 'eve', { name: 'Eve Teacher', schoolId: 'sch-2', lineManagerId: 'lm' }),
        lm: staff('t1', 'lm', { name: 'Mo Manager', roles: ['staff', 'line-manager'] }),
      });
      for (const p of Object.values(people)) await store.staff.put(p);
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it('tenant set school-cpd-lead names the lead by e-mail; an unknown school or e-mail is refused with what to give, and nothing changes', async () => {
      expect(await cli('tenant', 'set', 'school-cpd-lead', 'sch-9', 'lee.lead@school.example')).not.toBe(0);
      expect(lines.at(-1)).toContain('"sch-9" is not one of this tenant\'s schools. Schools: sch-1 (Huntingdon Academy), sch-2 (Ely Primary).');
      expect(await cli('tenant', 'set', 'school-cpd-lead', 'sch-1', 'nobody@school.example')).not.toBe(0);
      expect(lines.at(-1)).toContain('Nobody active in the staff list has the e-mail nobody@school.example.');
      expect((await tenantNow()).settings.cpdRequests.cpdLeadBySchool).toEqual({});
      expect(await cli('tenant', 'set', 'school-cpd-lead', 'Huntingdon Academy', 'lee.lead@school.example')).toBe(0);
      expect((await tenantNow()).settings.cpdRequests.cpdLeadBySchool).toEqual({ 'sch-1': 'lee' });
      expect(await cli('tenant', 'set', 'school-cpd-lead', 'sch-2', 'lee.lead@school.example')).toBe(0);
      expect(await cli('tenant', 'set', 'school-cpd-lead', 'sch-2', 'none')).toBe(0);
      expect((await tenantNow()).settings.cpdRequests.cpdLeadBySchool).toEqual({ 'sch-1': 'lee' });
      // Each change is a setting's change: in the history, as settings set school-cpd-lead.<school> records it.
      expect((await tenantNow()).settingsHistory?.map((h) => [h.key, h.after])).toEqual([
        ['school-cpd-lead.sch-1', 'lee.lead@school.example'],
        ['school-cpd-lead.sch-2', 'lee.lead@school.example'],
        ['school-cpd-lead.sch-2', ''],
      ]);
    });

    it("an approver who has not answered: the overdue notice goes to the school's lead for its requests, to the trust's lead for a school without one", async () => {
      const waiting = (id: string, requesterId: string, schoolId: string) =>
        cpdRequest('t1', id, { requesterId, schoolId, steps: [{ role: 'line-manager', approverId: 'lm', reachedAt: '2026-11-23T09:00:00.000Z' }] });
      await store.cpdRequests.put(waiting('req-ada', 'ada', 'sch-1'));
      await store.cpdRequests.put(waiting('req-eve', 'eve', 'sch-2'));
      clock.set('2026-12-04T10:00:00.000Z');
      await planTenant(deps, 't1');
      const overdue = (to: string, requestId: string) => store.deliveries.get('t1', deliveryId('request-overdue-lead', to, requestId, 'step-0'));
      expect(await overdue('lee', 'req-ada')).toBeDefined();
      expect(await overdue('trust', 'req-ada')).toBeUndefined();
      expect(await overdue('trust', 'req-eve')).toBeDefined();
      expect(await overdue('lee', 'req-eve')).toBeUndefined();
    });

    it("`requests all` shows the school's lead only their school's; the trust's lead all; the card of another school's request is not theirs to see", async () => {
      const titled = async (who: string) => ((await runCommand(deps, await actor(who), 'requests all')) as { title: string; rows: { requestId: string }[] });
      const lee = await titled('lee');
      expect(lee.title).toBe('All CPD requests (Huntingdon Academy)');
      expect(lee.rows.map((r) => r.requestId)).toEqual(['req-ada']);
      expect((await titled('trust')).rows.map((r) => r.requestId).sort()).toEqual(['req-ada', 'req-eve']);
      expect((await handleCardAction(deps, await actor('lee'), { verb: 'request.open', requestId: 'req-ada' }, {})).view).toMatchObject({ kind: 'cpd-request', requestId: 'req-ada' });
      expect((await handleCardAction(deps, await actor('lee'), { verb: 'request.open', requestId: 'req-eve' }, {})).view).toMatchObject({ kind: 'notice', notice: { text: "I can't find that request among those you can see." } });
      // Someone with no lead role sees only their own.
      expect((await titled('ada')).title).toBe('Your CPD requests');
    });

    it("`statutory` for the school's lead lists their school's staff only; the trust's lead sees every school; a teacher is refused", async () => {
      const trained = (id: string, staffId: string) => ({ tenantId: 't1', id, staffId, topic: 'Safeguarding', completedOn: '2023-09-01', expiresOn: '2026-09-01', recordedAt: '2023-09-01T00:00:00.000Z' });
      await store.statutoryTraining.put(trained('stat-ada', 'ada'));
      await store.statutoryTraining.put(trained('stat-eve', 'eve'));
      const names = async (who: string) => JSON.stringify(await runCommand(deps, await actor(who), 'statutory'));
      const lee = await names('lee');
      expect(lee).toContain('Ada Teacher');
      expect(lee).not.toContain('Eve Teacher');
      expect(lee).not.toContain('Ely Primary');
      const trust = await names('trust');
      expect(trust).toContain('Ada Teacher');
      expect(trust).toContain('Eve Teacher');
      expect(await names('ada')).toContain('Only CPD leads can do that.');
    });

    it("the school's lead marks a course of their school attended, and cannot mark another school's", async () => {
      clock.set('2026-11-23T10:00:00.000Z');
      const booked = async (id: string, requesterId: string, schoolId: string) => {
        const r = cpdRequest('t1', id, {
          requesterId,
          schoolId,
          status: 'booked',
          details: CpdRequestDetails.parse(courseDetails()),
          steps: [{ role: 'line-manager', approverId: 'lm', reachedAt: '2026-11-23T09:00:00.000Z', decision: { outcome: 'approved', by: 'lm', at: '2026-11-23T09:30:00.000Z' } }],
          booking: { by: 'trust', at: '2026-11-23T10:00:00.000Z', actualCostPence: 20000, reference: id, sessionId: externalSessionId(id) },
        });
        await store.cpdRequests.put(r);
        await bookExternalSession(deps, await tenantNow(), r);
      };
      await booked('req-ada-b', 'ada', 'sch-1');
      await booked('req-eve-b', 'eve', 'sch-2');
      clock.set('2027-01-13T09:00:00.000Z');
      expect(await handleCardAction(deps, await actor('lee'), { verb: 'request.attended', requestId: 'req-ada-b' }, {})).toMatchObject({ ok: true, view: { status: 'attended' } });
      expect(await handleCardAction(deps, await actor('lee'), { verb: 'request.attended', requestId: 'req-eve-b' }, {})).toMatchObject({ ok: false, view: { kind: 'notice' } });
      expect((await store.cpdRequests.get('t1', 'req-eve-b'))!.value.status).toBe('booked');
    });
  });
});
