import { runCommand } from '../../../src/app/commands';
import { composeMessage } from '../../../src/app/compose-message';
import type { AppDeps } from '../../../src/app/deps';
import { leadDigestScope, schoolNameInScope } from '../../../src/app/digests/digest-scope';
import { loadLeadDigest } from '../../../src/app/digests/load-lead-digest';
import { DEFAULT_REACTION_QUESTIONS, ManualClock, Questionnaire, Tenant as TenantSchema, deliveryId, participationId, responseId } from '../../../src/domain';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { delivery, gapTask, session, staff } from '../../support/fixtures';

/** Monday 23 November 2026 07:30 London: the digest reports on 16–22 November. */
const NOW = new Date('2026-11-23T07:30:00.000Z');

/**
 * Issue 26 item 5: a school's own CPD lead (Lee, Huntingdon) gets the programme digest for their
 * school only; the trust's lead (Tara) still gets the whole trust. Ely's sessions, people and
 * figures never reach Lee.
 */
onBothStores('school-lead-digest', (label, open, done) => {
  describe(`the programme digest of a school's own CPD lead (${label})`, () => {
    const clock = new ManualClock(NOW);
    let store: Store;
    let deps: AppDeps;

    beforeAll(async () => {
      store = await open(clock);
      deps = { store, clock };
      await store.tenants.put(
        TenantSchema.parse({
          tenantId: 't1',
          id: 't1',
          name: 'Fen Trust',
          kind: 'trust',
          schools: [
            { id: 'sch-1', name: 'Huntingdon Academy' },
            { id: 'sch-2', name: 'Ely Primary' },
          ],
          settings: { cpdRequests: { cpdLeadBySchool: { 'sch-1': 'lee' } } },
        }),
      );
      const people = [
        staff('t1', 'tara', { name: 'Tara Trustlead', roles: ['staff', 'cpd-lead'] }),
        staff('t1', 'lee', { name: 'Lee Schoollead', schoolId: 'sch-1' }),
        staff('t1', 'ada', { name: 'Ada Teacher', schoolId: 'sch-1' }),
        staff('t1', 'eve', { name: 'Eve Elyteacher', schoolId: 'sch-2' }),
        staff('t1', 'eli', { name: 'Eli Elyteacher', schoolId: 'sch-2' }),
      ];
      for (const p of people) await store.staff.put(p);
      const held = { startsAt: '2026-11-18T16:00:00.000Z', endsAt: '2026-11-18T17:30:00.000Z' };
      await store.sessions.put(session('t1', 'hunt', { ...held, title: 'Huntingdon questioning', schoolId: 'sch-1', audience: { kind: 'school', schoolId: 'sch-1' } }));
      await store.sessions.put(session('t1', 'ely', { ...held, title: 'Ely phonics', schoolId: 'sch-2', audience: { kind: 'school', schoolId: 'sch-2' } }));
      await store.sessions.put(session('t1', 'trust', { ...held, title: 'Trust-wide safeguarding' }));
      for (const [sessionId, staffId] of [['hunt', 'ada'], ['ely', 'eve'], ['ely', 'eli'], ['trust', 'eve']] as const) {
        await store.participations.put({ tenantId: 't1', id: participationId(sessionId, staffId), sessionId, staffId, rsvp: 'yes', attended: true });
      }
      await store.questionnaires.put(
        Questionnaire.parse({ tenantId: 't1', id: 'q-ely', title: 'Reaction: Ely phonics', purpose: 'reaction', sessionId: 'ely', anonymous: false, questions: DEFAULT_REACTION_QUESTIONS, opensAt: held.endsAt, closesAt: '2026-11-25T17:30:00.000Z' }),
      );
      await store.responses.put({ tenantId: 't1', id: responseId('q-ely', 'eve'), questionnaireId: 'q-ely', sessionId: 'ely', respondentId: 'eve', answers: { quality: 1, impact: 1, further_cpd: true, comments: 'Ely remark' }, submittedAt: '2026-11-19T10:00:00.000Z' });
      // Gap tasks: one of Ada's (Huntingdon), two of Ely's people, all open.
      await store.gapTasks.put(gapTask('t1', 'hunt', 'ada', { dueAt: '2026-11-25T16:00:00.000Z' }));
      await store.gapTasks.put(gapTask('t1', 'ely', 'eve', { dueAt: '2026-11-25T16:00:00.000Z' }));
      await store.gapTasks.put(gapTask('t1', 'ely', 'eli', { dueAt: '2026-11-25T16:00:00.000Z' }));
      // An Ely message that expired unsent: a trust figure, not Lee's.
      await store.deliveries.put(delivery('t1', 'eve', { status: 'expired', dueAt: '2026-11-17T09:00:00.000Z' }));
    });
    afterAll(async () => {
      await store.close();
      await done();
    });

    it("Lee's digest holds Huntingdon's session and people's figures only and says so; only `programme` is offered", async () => {
      const digest = await loadLeadDigest(deps, 't1', 'lee', NOW);
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.held.map((s) => s.title)).toEqual(['Huntingdon questioning']);
      expect(digest.value.gapTasks).toMatchObject({ open: 1, awaitingPlan: 1, dueSoon: 1 });
      expect(digest.value.scopeText).toBe("Huntingdon Academy only: trust-wide sessions are in the trust CPD lead's digest");
      expect(digest.value.moreCommands.map((c) => c.command)).toEqual(['programme']);
      const json = JSON.stringify(digest.value);
      expect(json).not.toMatch(/Ely|Eve|Eli|Trust-wide|expired/);
    });

    it('Tara, the trust lead, still gets every school, every gap task and the expired message', async () => {
      const digest = await loadLeadDigest(deps, 't1', 'tara', NOW);
      if (!digest.ok) throw new Error(digest.message);
      expect(digest.value.held.map((s) => s.title).sort()).toEqual(['Ely phonics', 'Huntingdon questioning', 'Trust-wide safeguarding']);
      expect(digest.value.gapTasks.open).toBe(3);
      expect(digest.value.scopeText).toBeUndefined();
      expect(JSON.stringify(digest.value.attention)).toContain('expired');
    });

    it('the planner plans the weekly digest for Lee as well as Tara; the composed card is scoped; `programme` in chat is let in and scoped too', async () => {
      await planTenant(deps, 't1');
      const planned = (await store.deliveries.find('t1', { where: { kind: 'lead-digest' } })).map((d) => d.value.recipientId).sort();
      expect(planned).toEqual(['lee', 'tara']);
      const composed = await composeMessage(deps, (await store.deliveries.get('t1', deliveryId('lead-digest', 'lee', '2026-W48')))!.value);
      expect(composed.ok && composed.message.view.kind === 'lead-digest' && composed.message.view.held.map((s) => s.title)).toEqual(['Huntingdon questioning']);
      expect(JSON.stringify(composed)).not.toMatch(/Ely|Eve|Eli/);
      const tenant = (await store.tenants.get('t1', 't1'))!.value;
      const typed = await runCommand(deps, { tenant, staff: (await store.staff.get('t1', 'lee'))!.value }, 'programme');
      expect(typed.kind === 'lead-digest' && typed.held.map((s) => s.title)).toEqual(['Huntingdon questioning']);
      const refused = await runCommand(deps, { tenant, staff: (await store.staff.get('t1', 'ada'))!.value }, 'programme');
      expect(refused.kind).toBe('notice');
    });

    it('a lead no longer named for their school is not sent the digest planned earlier', async () => {
      const tenant = (await store.tenants.get('t1', 't1'))!.value;
      await store.tenants.put({ ...tenant, settings: { ...tenant.settings, cpdRequests: { ...tenant.settings.cpdRequests, cpdLeadBySchool: {} } } });
      const composed = await composeMessage(deps, (await store.deliveries.get('t1', deliveryId('lead-digest', 'lee', '2026-W48')))!.value);
      expect(composed).toMatchObject({ ok: false, reason: 'recipient is no longer a CPD lead' });
      await store.tenants.put(tenant);
    });
  });
});

describe('schoolNameInScope: figures kept by school name', () => {
  it("keeps a trust lead's every school and a school lead's own only", () => {
    const tenant = TenantSchema.parse({ tenantId: 't1', id: 't1', name: 'Fen Trust', kind: 'trust', schools: [{ id: 'sch-1', name: 'Huntingdon Academy' }, { id: 'sch-2', name: 'Ely Primary' }], settings: { cpdRequests: { cpdLeadBySchool: { 'sch-1': 'lee' } } } });
    const school = leadDigestScope(tenant, staff('t1', 'lee'))!;
    const trust = leadDigestScope(tenant, staff('t1', 'tara', { roles: ['cpd-lead'] }))!;
    expect(['Huntingdon Academy', 'Ely Primary'].filter((n) => schoolNameInScope(school, n))).toEqual(['Huntingdon Academy']);
    expect(['Huntingdon Academy', 'Ely Primary'].filter((n) => schoolNameInScope(trust, n))).toEqual(['Huntingdon Academy', 'Ely Primary']);
    expect(leadDigestScope(tenant, staff('t1', 'ada'))).toBeUndefined();
  });
});
