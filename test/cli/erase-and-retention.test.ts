import { runCli } from '../../src/cli/run-cli';
import { ManualClock, participationId, receiptId, responseId, Tenant } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { delivery, gapTask, session, staff, tenant, twilightQuestionnaire } from '../support/fixtures';

const T = 't1';

/** s1 has left and asked to be forgotten: they attended ses-1, answered named and anonymous questionnaires, manage s2 and ran ses-1. */
async function seed(store: Store) {
  await store.tenants.put(Tenant.parse({ ...tenant(T), settings: { retentionDays: 30 } }));
  await store.staff.put(staff(T, 's1', { name: 'Sam Forgotten', email: 'sam.forgotten@school.example' }));
  await store.staff.put(staff(T, 's2', { lineManagerId: 's1' }));
  await store.sessions.put(session(T, 'ses-1', { facilitatorIds: ['s1'] }));
  await store.questionnaires.put(twilightQuestionnaire(T, 'qn-1'));
  await store.questionnaires.put({ ...twilightQuestionnaire(T, 'qn-anon'), anonymous: true });
  for (const id of ['s1', 's2']) {
    await store.participations.put({ tenantId: T, id: participationId('ses-1', id), sessionId: 'ses-1', staffId: id, rsvp: 'yes', attended: true });
  }
  await store.responses.put({ tenantId: T, id: responseId('qn-1', 's1'), questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: 's1', answers: { quality: 5, comments: 'Sam here' }, submittedAt: '2026-11-24T18:00:00.000Z' });
  await store.receipts.put({ tenantId: T, id: receiptId('qn-1', 's1'), questionnaireId: 'qn-1', staffId: 's1' });
  await store.anonymousResponses.put({ tenantId: T, id: 'anon-1', questionnaireId: 'qn-anon', sessionId: 'ses-1', answers: { quality: 4 }, submittedOn: '2026-11-24' });
  await store.receipts.put({ tenantId: T, id: receiptId('qn-anon', 's1'), questionnaireId: 'qn-anon', staffId: 's1' });
  await store.gapTasks.put(gapTask(T, 'ses-1', 's1'));
  await store.gapTasks.put(gapTask(T, 'ses-1', 's2'));
  await store.conversations.put({ tenantId: T, id: 'conv-s1', platform: 'teams', staffId: 's1', scope: 'personal', conversationId: 'a:1', reference: {}, updatedAt: '2026-11-20T09:00:00.000Z' });
  await store.deliveries.put(delivery(T, 's1'));
}

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`erasure and retention (${label})`, () => {
    afterAll(done);

    it('staff erase EMAIL --confirm removes named records, keeps anonymous answers and counts, and writes an audit record with no personal data', async () => {
      const clock = new ManualClock('2026-11-25T10:00:00.000Z');
      const store = await open(clock);
      await seed(store);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });

      expect(await run('staff', 'erase', 'sam.forgotten@school.example')).toBe(2);
      expect(lines.at(-1)).toMatch(/^This removes Sam Forgotten's staff record, .* Run again with --confirm to do it\.$/);
      expect(await store.staff.get(T, 's1')).toBeDefined();

      expect(await run('staff', 'erase', 'sam.forgotten@school.example', '--confirm')).toBe(0);
      expect(lines.at(-1)).toMatch(
        /^Erased: 1 named answers, 1 gap tasks, 0 CPD requests, 0 logged CPD, 0 qualifications, 0 statutory training, 0 impact follow-ups, 0 year-ahead reviews, 1 conversation references, 1 planned messages and the staff record removed; 1 attendance, 2 "has answered" and 0 budgeted CPD request records kept as nobody; 0 other records no longer name them\. Audit reference: erasure-/,
      );
      expect(await store.staff.get(T, 's1')).toBeUndefined();
      expect(await store.responses.count(T, { respondentId: 's1' })).toBe(0);
      expect(await store.gapTasks.count(T)).toBe(1);
      expect(await store.conversations.count(T)).toBe(0);
      expect(await store.deliveries.count(T, { recipientId: 's1' })).toBe(0);
      // Counts stay: two attended ses-1, two "has answered" receipts; the anonymous answer is untouched.
      const attended = (await store.participations.find(T, { where: { sessionId: 'ses-1' } })).map((p) => p.value);
      expect(attended).toHaveLength(2);
      expect(attended.filter((p) => p.staffId.startsWith('erased-') && p.attended)).toHaveLength(1);
      expect(await store.receipts.count(T)).toBe(2);
      expect(await store.receipts.count(T, { staffId: 's1' })).toBe(0);
      expect(await store.anonymousResponses.count(T)).toBe(1);
      // Nobody points at them.
      expect((await store.staff.get(T, 's2'))!.value.lineManagerId).toBeUndefined();
      expect((await store.sessions.get(T, 'ses-1'))!.value.facilitatorIds).toEqual([]);
      const audit = (await store.audit.find(T)).map((a) => a.value);
      expect(audit).toEqual([expect.objectContaining({ action: 'staff-erased', by: 'cli', at: '2026-11-25T10:00:00.000Z' })]);
      expect(JSON.stringify(audit)).not.toMatch(/s1|sam|forgotten/i);
      expect(await run('staff', 'erase', 'sam.forgotten@school.example', '--confirm')).toBe(1);
      expect(lines.at(-1)).toBe('Nobody with the e-mail sam.forgotten@school.example is in the staff list.');
    });

    it('retention: once the clock passes retentionDays, the sweep removes answers, receipts, questionnaires, gap tasks, attendance and old messages; staff and sessions stay', async () => {
      const clock = new ManualClock('2026-11-25T10:00:00.000Z');
      const store = await open(clock);
      await seed(store);
      const lines: string[] = [];
      const run = (...argv: string[]) => runCli(argv, { store, clock, defaultTenantId: T, print: (t) => lines.push(t) });
      expect(await run('retention', 'sweep')).toBe(0);
      expect(await store.responses.count(T)).toBe(1);

      // 30 days after the questionnaire closed (1 December) and the gap task fell due (8 December).
      clock.set('2027-01-08T10:00:00.000Z');
      lines.length = 0;
      expect(await run('retention', 'sweep')).toBe(0);
      expect(lines[0]).toBe(`${T}: removed 1 answers, 1 anonymousAnswers, 2 questionnaires, 2 receipts, 2 gapTasks, 2 attendance, 1 messages.`);
      for (const name of ['responses', 'anonymousResponses', 'questionnaires', 'receipts', 'gapTasks', 'participations', 'deliveries'] as const) {
        expect([name, await store[name].count(T)]).toEqual([name, 0]);
      }
      expect(await store.staff.count(T)).toBe(2);
      expect(await store.sessions.count(T)).toBe(1);
    });
  });
}

onBothStores('erase', suite);
