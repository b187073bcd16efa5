import { runCli } from '../../src/cli/run-cli';
import { ManualClock, responseId } from '../../src/domain';
import type { Store } from '../../src/store/store';
import { onBothStores } from '../support/both-stores';
import { session, staff, tenant, twilightQuestionnaire } from '../support/fixtures';

const T = 't1';

function suite(label: string, open: (clock: ManualClock) => Promise<Store>, done: () => Promise<void>) {
  describe(`erasure: what others wrote about the person (${label})`, () => {
    afterAll(done);

    it("a colleague's comment naming them loses the name; a colleague with a similar name, or the same name, is untouched", async () => {
      const clock = new ManualClock('2026-11-28T10:00:00.000Z');
      const store = await open(clock);
      await store.tenants.put(tenant(T));
      await store.staff.put(staff(T, 's1', { name: 'Anna Lee', email: 'anna.lee@school.example', otherNames: ['Annabel Lee'] }));
      await store.staff.put(staff(T, 's2', { name: 'Joanna Leeds', email: 'joanna@school.example' }));
      await store.staff.put(staff(T, 's10', { name: 'Annabel Lee', email: 'annabel@school.example' }));
      await store.sessions.put(session(T, 'ses-1'));
      await store.questionnaires.put(twilightQuestionnaire(T, 'qn-1'));
      const comment = 'Thanks to Anna Lee (anna.lee@school.example) for the slides; Joanna Leeds and Annabel Lee helped too';
      await store.responses.put({ tenantId: T, id: responseId('qn-1', 's2'), questionnaireId: 'qn-1', sessionId: 'ses-1', respondentId: 's2', answers: { quality: 5, comments: comment }, submittedAt: '2026-11-24T18:00:00.000Z' });

      const lines: string[] = [];
      expect(await runCli(['staff', 'erase', 'anna.lee@school.example', '--confirm'], { store, clock, defaultTenantId: T, print: (t) => lines.push(t) })).toBe(0);
      expect(lines.at(-1)).toMatch(/1 other records no longer name them/);
      const kept = (await store.responses.get(T, responseId('qn-1', 's2')))!.value.answers.comments;
      // "Annabel Lee" is also another colleague's name, so it stays: the text could mean either of them.
      expect(kept).toBe('Thanks to (erased) ((erased)) for the slides; Joanna Leeds and Annabel Lee helped too');
      expect((await store.staff.get(T, 's2'))!.value.name).toBe('Joanna Leeds');
      expect((await store.staff.get(T, 's10'))!.value.name).toBe('Annabel Lee');
      await store.close();
    });
  });
}

onBothStores('erase-text', suite);
