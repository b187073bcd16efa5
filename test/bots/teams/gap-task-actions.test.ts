import { composeMessage } from '../../../src/app/compose-message';
import { gapTaskId } from '../../../src/domain';
import { gapTask } from '../../support/fixtures';
import { FakeConnector } from '../../support/fake-connector';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { JO, TENANT, cardActionActivity, installActivity, invokeCard, outboxRecord, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

type Json = Record<string, unknown>;
const TASK = gapTaskId('ses-1', 'stf-jo');
const PLAN = { takeBack: 'Do-now quizzes', intendedImpact: 'Better recall', startingPoint: 'Unit test scores', practiceChange: 'Every lesson starts with retrieval' };

describe('gap-task plan form and nudge via fake connector', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo'));
    await postActivity(h, installActivity(h, JO));
    h.clock.set('2026-11-25T09:00:00.000Z');
  });
  afterAll(() => h.close());

  async function press(verb: string, data: Json) {
    const reply = await postActivity(h, cardActionActivity(h, JO, verb, data));
    expect(reply.status).toBe(200);
    const card = invokeCard(reply.body).value as unknown as Json & { body: Json[]; actions?: Json[] };
    expect(adaptiveCardProblems(card)).toEqual([]);
    return card;
  }

  it('the plan request arrives as a valid form card', async () => {
    const composed = await composeMessage(h, outboxRecord('stf-jo', 'gap-plan-request', { gapTaskId: TASK }));
    if (!composed.ok) throw new Error(composed.reason);
    expect(await h.bot.sender.send(composed.recipient, composed.message, outboxRecord('stf-jo', 'gap-plan-request', { gapTaskId: TASK }))).toMatchObject({ status: 'sent' });
    const card = FakeConnector.card(h.connector.activities.at(-1));
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect((card?.body as Json[]).filter((e) => e.type === 'Input.Text').map((e) => e.id)).toEqual(Object.keys(PLAN));
  });

  it('an empty field comes back marked, with the other answers kept, and nothing saved', async () => {
    const card = await press('gap.plan.submit', { gapTaskId: TASK, ...PLAN, intendedImpact: '   ' });
    const i = card.body.findIndex((e) => e.id === 'intendedImpact');
    expect(card.body[i + 1]).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    expect(card.body.find((e) => e.id === 'takeBack')?.value).toBe('Do-now quizzes');
    expect((await h.store.gapTasks.get(TENANT, TASK))?.value.plan).toBeUndefined();
  });

  it('a complete plan is saved once and the card shows it done', async () => {
    const card = await press('gap.plan.submit', { gapTaskId: TASK, ...PLAN });
    expect(card.actions).toBeUndefined();
    expect(JSON.stringify(card)).toContain('Your plan is saved');
    const saved = (await h.store.gapTasks.get(TENANT, TASK))?.value;
    expect(saved).toMatchObject({ status: 'planned', plan: { takeBack: 'Do-now quizzes' } });
  });

  it('snooze on a nudge answers with the snoozed nudge', async () => {
    const card = await press('nudge.snooze', { gapTaskId: TASK });
    expect(JSON.stringify(card)).toMatch(/[Ss]nooze/);
    expect((await h.store.gapTasks.get(TENANT, TASK))?.value.snoozedUntil).toBeDefined();
  });
});
