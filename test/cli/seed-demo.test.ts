import { ManualClock, reactionQuestionnaireId } from '../../src/domain';
import { seedDemo } from '../../src/cli/seed-demo';
import { planTenant } from '../../src/scheduler/plan-tenant';
import { openEmbeddedStore } from '../../src/store/embedded/sqlite-store';

describe('seed-demo, then the planner (embedded store in memory)', () => {
  // A Sunday: the seeded twilight ran on the Wednesday before last, so a questionnaire the planner
  // made itself with the default week would already be closed.
  const sunday = '2026-11-29T20:00:00.000Z';

  it('finds the seeded questionnaire: no second one, and nothing sent to those who answered', async () => {
    const clock = new ManualClock(sunday);
    const store = openEmbeddedStore({ path: ':memory:', clock });
    try {
      await seedDemo({ store, clock });
      await planTenant({ store, clock }, 'demo');
      await planTenant({ store, clock }, 'demo');

      const reactions = (await store.questionnaires.find('demo', { where: { purpose: 'reaction' } })).map((q) => q.value);
      expect(reactions).toHaveLength(1);
      const questionnaire = reactions[0]!;
      // The one id the planner uses for a session's reaction questionnaire, whoever writes it.
      expect(questionnaire.id).toBe(reactionQuestionnaireId('demo-ses-retrieval-1'));
      const answered = (await store.receipts.find('demo', { where: { questionnaireId: questionnaire.id } })).map((r) => r.value.staffId);
      expect(answered).toHaveLength(5);

      const deliveries = (await store.deliveries.find('demo')).map((d) => d.value);
      const aboutQuestionnaires = deliveries.filter((d) => d.kind.startsWith('questionnaire'));
      expect(aboutQuestionnaires.filter((d) => answered.includes(d.recipientId))).toEqual([]);
      // Still open (the demo trust keeps questionnaires open a fortnight): nobody is told it closed.
      expect(aboutQuestionnaires.filter((d) => d.kind === 'questionnaire-closed')).toEqual([]);
      expect(aboutQuestionnaires.every((d) => d.subject.questionnaireId === questionnaire.id)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
