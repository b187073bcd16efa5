import { FakeConnector } from '../../support/fake-connector';
import { BOT_ID, JO, TENANT, installActivity, messageActivity, postActivity, seedSchool, startTeamsHarness, type TeamsHarness } from './teams-harness';

describe('personal-chat commands via fake connector', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await postActivity(h, installActivity(h, JO));
  });
  afterAll(() => h.close());

  async function say(text: string, conversation: Record<string, unknown> = {}) {
    const before = h.connector.activities.length;
    const activity = messageActivity(h, JO, text);
    Object.assign(activity.conversation as object, conversation);
    const res = await postActivity(h, activity);
    expect(res.status).toBe(200);
    const replies = h.connector.activities.slice(before);
    expect(replies).toHaveLength(1);
    return { reply: replies[0], card: FakeConnector.card(replies[0]) };
  }

  it('"sessions" answers in the thread with upcoming sessions and RSVP buttons', async () => {
    const { reply, card } = await say('sessions');
    expect(reply?.activityId).toBeDefined();
    expect(JSON.stringify(card)).toContain('Retrieval practice that sticks');
    expect(JSON.stringify(card)).toContain('"verb":"rsvp.yes"');
  });

  it('"tasks" answers with the person’s gap tasks; unknown text gets help', async () => {
    expect(JSON.stringify((await say('tasks')).card)).toContain('Your gap tasks');
    expect(JSON.stringify((await say('what now?')).card)).toContain('What I can do');
  });

  it('a mention in a team channel gets a pointer to personal chat, not a command run', async () => {
    const before = await h.store.conversations.count(TENANT, {});
    const activity = messageActivity(h, JO, `<at>Twilight</at> sessions`);
    Object.assign(activity, {
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'aad-tenant-1' },
      entities: [{ type: 'mention', mentioned: { id: BOT_ID, name: 'Twilight' }, text: '<at>Twilight</at>' }],
    });
    const res = await postActivity(h, activity);
    expect(res.status).toBe(200);
    expect(JSON.stringify(FakeConnector.card(h.connector.activities.at(-1)))).toContain('Message me in a personal chat');
    expect(await h.store.conversations.count(TENANT, {})).toBe(before);
  });
});
