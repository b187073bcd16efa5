import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock, reactionQuestionnaireId } from '../../../src/domain';
import { seedDemo } from '../../../src/app/demo/seed-demo';
import { planTenant } from '../../../src/scheduler/plan/plan-tenant';
import { openEmbeddedStore } from '../../../src/store/embedded/sqlite-store';

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

describe('seed-demo: the demo school', () => {
  it('is the school of examples/staff.csv: the same people, roles and line managers', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    try {
      await seedDemo({ store, clock });
      const seeded = (await store.staff.find('demo')).map((s) => s.value);
      const rows = readFileSync(join(__dirname, '..', '..', '..', 'examples', 'staff.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
      expect(seeded.map((s) => s.email).sort()).toEqual(rows.map((r) => r[1]).sort());
      const byEmail = new Map(seeded.map((s) => [s.email, s]));
      for (const [name, email, , , managerEmail] of rows) {
        expect(byEmail.get(email!)?.name).toBe(name);
        expect(byEmail.get(email!)?.lineManagerId).toBe(managerEmail ? byEmail.get(managerEmail)?.id : undefined);
      }
      expect(byEmail.get('alex.morgan@riverside.example')?.roles).toEqual(expect.arrayContaining(['cpd-lead', 'facilitator']));
    } finally {
      await store.close();
    }
  });

  it('puts "the twilight tomorrow" on the next school day, never at a weekend', async () => {
    const clock = new ManualClock('2026-11-25T10:00:00.000Z');
    const store = openEmbeddedStore({ path: ':memory:', clock });
    // Seeded at 10:00 London on each day of a week: Monday 23 November 2026 to Sunday 29.
    const expected: Record<string, string> = {
      '2026-11-23': '2026-11-24',
      '2026-11-24': '2026-11-25',
      '2026-11-25': '2026-11-26',
      '2026-11-26': '2026-11-27',
      '2026-11-27': '2026-11-30',
      '2026-11-28': '2026-11-30',
      '2026-11-29': '2026-11-30',
    };
    try {
      for (const [seededOn, twilightOn] of Object.entries(expected)) {
        clock.set(`${seededOn}T10:00:00.000Z`);
        await seedDemo({ store, clock });
        const twilights = (await store.sessions.find('demo')).map((s) => s.value).filter((s) => s.title.startsWith('Adaptive teaching'));
        expect([seededOn, twilights.map((s) => s.startsAt.slice(0, 10))]).toEqual([seededOn, [twilightOn]]);
      }
    } finally {
      await store.close();
    }
  });
});
