import { participationId, receiptId } from '../../../src/domain';
import type { ChargedOperation } from '../../../src/store/cosmos/request-charges';
import { twilightQuestionnaire } from '../../support/fixtures';
import type { CosmosStore } from '../../../src/store/cosmos/cosmos-store';
import type { Store } from '../../../src/store/store';
import { onBothStores } from '../../support/both-stores';
import { cosmosOperationsSoFar } from '../../support/cosmos-server';
import { FakeConnector } from '../../support/fake-connector';
import { composeMessage } from '../../../src/app/compose-message';
import { JO, TENANT, cardActionActivity, installActivity, outboxRecord, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;

/** The submit action's data on a card, wherever it sits. */
function submitData(card: Json | undefined): Json {
  const action = ((card?.actions as Json[]) ?? []).find((a) => a.verb === 'questionnaire.submit');
  if (!action) throw new Error(`no submit action on ${JSON.stringify(card).slice(0, 300)}`);
  return action.data as Json;
}

/**
 * Issue 28: the answer as Teams sends it, with the data of the card the bot really sent (so with
 * its session), stored in at most 3 Cosmos operations: here one query and one batch (decision 75).
 */
onBothStores('answer-operations-teams', (label, open, done) => {
  describe(`a Teams answer, from the real card (${label})`, () => {
    let h: TeamsHarness;
    let raw: Store;
    beforeAll(async () => {
      h = await startTeamsHarness({}, { openStore: async (clock) => (raw = await open(clock)) });
      await seedSchool(h);
      await h.store.participations.create({ tenantId: TENANT, id: participationId('ses-1', 'stf-jo'), sessionId: 'ses-1', staffId: 'stf-jo', rsvp: 'yes', attended: true });
      await postActivity(h, installActivity(h, JO));
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    it('carries the session in the card and is stored; on Cosmos in a query and a batch', async () => {
      h.clock.set('2026-11-24T18:00:00.000Z');
      const record = outboxRecord('stf-jo', 'questionnaire', { questionnaireId: 'qn-1' });
      const composed = await composeMessage(h, record);
      if (!composed.ok) throw new Error(composed.reason);
      expect(await h.bot.sender.send(composed.recipient, composed.message, record)).toMatchObject({ status: 'sent' });
      const data = submitData(FakeConnector.card(h.connector.activities.at(-1)));
      expect(data).toMatchObject({ questionnaireId: 'qn-1', sessionId: 'ses-1' });

      // The person is already known (the button press that showed the card put them in the cache).
      await postActivity(h, cardActionActivity(h, JO, 'questionnaire.open', { questionnaireId: 'qn-1' }));
      const before = raw.kind === 'cosmos' ? cosmosOperationsSoFar(raw) : 0;
      const reply = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', { ...data, quality: '4', impact: '5', further_cpd: 'no', comments: 'Useful.' }));
      const used = raw.kind === 'cosmos' ? cosmosOperationsSoFar(raw) - before : undefined;
      expect(reply.status).toBe(200);
      expect(await h.store.responses.count(TENANT, { questionnaireId: 'qn-1' })).toBe(1);
      if (raw.kind === 'cosmos') expect(used).toBe(2);
    });

    it('an anonymous answer is stored with its receipt, never in one batch with it', async () => {
      await h.store.questionnaires.create({ ...twilightQuestionnaire(TENANT, 'qn-anon'), anonymous: true });
      const ops: ChargedOperation[] = [];
      if (raw.kind === 'cosmos') {
        const meter = (raw as CosmosStore).requestCharges;
        const record = meter.record.bind(meter);
        meter.record = (op) => {
          ops.push(op);
          record(op);
        };
      }
      const reply = await postActivity(h, cardActionActivity(h, JO, 'questionnaire.submit', { questionnaireId: 'qn-anon', sessionId: 'ses-1', quality: '2', impact: '3', further_cpd: 'no', comments: 'Rushed.' }));
      expect(reply.status).toBe(200);
      expect(await h.store.anonymousResponses.count(TENANT, { questionnaireId: 'qn-anon' })).toBe(1);
      expect((await h.store.receipts.get(TENANT, receiptId('qn-anon', 'stf-jo')))?.value.staffId).toBe('stf-jo');
      if (raw.kind === 'cosmos') {
        expect(ops.map((o) => o.operation)).not.toContain('batch');
        expect(ops.map((o) => `${o.operation} ${o.collection}`)).toEqual(expect.arrayContaining(['create anonymousResponses', 'create receipts']));
      }
    });
  });
});
