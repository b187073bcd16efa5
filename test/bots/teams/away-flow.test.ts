import { gapTaskId } from '../../../src/domain';
import { FakeConnector } from '../../support/fake-connector';
import { gapTask } from '../../support/fixtures';
import { JO, TENANT, cardText, installActivity, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

/** Issue 24 item 19 in Teams: a date without a year, coming back early, and the cards' own dates. */
describe('away and back in personal chat via fake connector', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.gapTasks.create(gapTask(TENANT, 'ses-1', 'stf-jo', { status: 'planned' }));
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());

  async function say(text: string): Promise<string> {
    const before = h.connector.activities.length;
    expect((await postActivity(h, messageActivity(h, JO, text))).status).toBe(200);
    return cardText(FakeConnector.card(h.connector.activities.slice(before).at(-1)));
  }

  async function sayCard(text: string): Promise<string> {
    await say(text);
    return JSON.stringify(FakeConnector.card(h.connector.activities.at(-1)));
  }

  it('"away until 15 December" (no year) is the next 15 December, shown as "Tuesday 15 December"; "back" ends it today', async () => {
    const away = await say('away until 15 December');
    expect(away).toContain('You are away until Tuesday 15 December: no reminders or nudges before then.');
    expect(away).toContain('One gap task now falls due on Saturday 2 January.');
    expect(away).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await h.store.staff.get(TENANT, 'stf-jo'))!.value.awayUntil).toBe('2026-12-15');
    expect(await sayCard('help')).toContain('"title":"back"');

    h.clock.set('2026-11-23T09:00:00.000Z');
    const back = await say('back');
    expect(back).toContain('Welcome back: reminders and nudges start again today.');
    expect(back).toContain('One gap task now falls due on Friday 11 December.');
    expect((await h.store.gapTasks.get(TENANT, gapTaskId('ses-1', 'stf-jo')))!.value.dueAt).toBe('2026-12-11T16:00:00.000Z');
  });
});
