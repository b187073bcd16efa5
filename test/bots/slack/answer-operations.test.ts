import { composeMessage } from '../../../src/app/compose-message';
import { participationId } from '../../../src/domain';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { cosmosOperationsSoFar } from '../../support/cosmos-server';
import { JO, TENANT, buttonPress, findButton, modalSubmission, outboxRecord, postInteraction, seedSchool, startSlackHarness, type SlackHarness } from './slack-harness';

type Json = Record<string, unknown>;

/**
 * Issue 28: the answer as Slack sends it, from the modal the bot really opened (so with the session
 * its private_metadata carries), stored in at most 3 Cosmos operations: the claim, one query, one
 * batch (decision 75). On the embedded store the same answer is stored once.
 */
onBothStores('answer-operations', (label, open, done) => {
  describe(`a Slack answer, from the real modal (${label})`, () => {
    let h: SlackHarness;
    let raw: Store;
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: async (clock) => (raw = await open(clock)) });
      await seedSchool(h);
      // Jo has used the app before: her Slack account is linked.
      const jo = (await h.store.staff.get(TENANT, 'stf-jo'))!.value;
      await h.store.staff.put({ ...jo, slack: { userId: JO.id, teamId: 'T0SCHOOL' } });
      await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes', attended: true });
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    it('carries the session in the modal and is stored; on Cosmos in a claim, a query and a batch', async () => {
      h.clock.set('2026-11-24T18:00:00.000Z');
      const record = outboxRecord('stf-jo', 'questionnaire', { questionnaireId: 'qn-1' });
      const composed = await composeMessage(h, record);
      if (!composed.ok) throw new Error(composed.reason);
      const sent = await h.bot.sender.send(composed.recipient, composed.message, record);
      expect(sent).toMatchObject({ status: 'sent' });
      const dm = { channel: 'DJO', ts: (sent as { messageId: string }).messageId };
      await postInteraction(h, buttonPress(JO, dm, findButton(h.api.callsOf('chat.postMessage').at(-1)!.args.blocks, 'questionnaire.open'), 'trg-open'));
      const modal = h.api.callsOf('views.open').at(-1)!.args.view as Json;
      expect(JSON.parse(String(modal.private_metadata))).toMatchObject({ action: { questionnaireId: 'qn-1', sessionId: 'ses-1' } });

      const before = raw.kind === 'cosmos' ? cosmosOperationsSoFar(raw) : 0;
      const reply = await postInteraction(h, modalSubmission(JO, modal, 'V-ops', { quality: '4', impact: '5', further_cpd: 'no', comments: 'Useful.' }));
      await h.bot.drain();
      const used = raw.kind === 'cosmos' ? cosmosOperationsSoFar(raw) - before : undefined;
      expect(reply.text).toBe('');
      expect(await h.store.responses.count(TENANT, { questionnaireId: 'qn-1' })).toBe(1);
      if (raw.kind === 'cosmos') expect(used).toBe(3);
    });
  });
});
