import pino from 'pino';
import { composeMessage } from '../../../src/app/compose-message';
import { Staff, participationId } from '../../../src/domain';
import { startScheduler } from '../../../src/scheduler/scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { FakeConnector } from '../../support/fake-connector';
import {
  JO,
  TENANT,
  cardActionActivity,
  installActivity,
  invokeCard,
  messageActivity,
  postActivity,
  seedSchool,
  startTeamsHarness,
  type TeamsHarness,
  type TeamsUser,
  cardElements,
  cardText,
  lastCardTo,
} from './teams-harness';

const FAY: TeamsUser = { userId: '29:fay', aadObjectId: 'aad-fay', name: 'Fay Facilitator', conversationId: 'a:personal-fay' };
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };

const toggles = (card: unknown) => Object.fromEntries(cardElements(card).filter((e) => e.type === 'Input.Toggle').map((e) => [String(e.id), e.value]));
describe('Teams: a facilitator takes the register in chat; the questionnaire then goes only to those marked present', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness();
    await seedSchool(h);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-fay', name: FAY.name, email: 'fay.facilitator@school.example', roles: ['staff'] }));
    h.connector.setRoster(FAY.conversationId, [{ id: FAY.userId, name: FAY.name, aadObjectId: FAY.aadObjectId, email: 'fay.facilitator@school.example' }]);
    h.connector.setRoster(SAM.conversationId, [{ id: SAM.userId, name: SAM.name, aadObjectId: SAM.aadObjectId, email: 'sam.lee@school.example' }]);
    const session = (await h.store.sessions.get(TENANT, 'ses-1'))!.value;
    await h.store.sessions.put({ ...session, facilitatorIds: ['stf-fay'] });
    for (const user of [JO, SAM, FAY]) expect((await postActivity(h, installActivity(h, user))).status).toBe(200);
    // Friday 20 November: Jo and Sam say they are coming.
    for (const user of [JO, SAM]) {
      const rsvp = await postActivity(h, cardActionActivity(h, user, 'rsvp.yes', { sessionId: 'ses-1' }));
      expect(cardText(invokeCard(rsvp.body).value)).toContain("You're booked on");
    }
  });
  afterAll(() => h.close());

  it('"register retrieval" → card with both toggled on → Sam off → saved (and again, unchanged) → the scheduler asks only Jo', async () => {
    // Tuesday 24 November, ten minutes into the twilight.
    h.clock.set('2026-11-24T16:10:00.000Z');
    await postActivity(h, messageActivity(h, SAM, 'register retrieval'));
    expect(cardText(lastCardTo(h, SAM))).toContain('Only CPD leads and session facilitators can do that.');

    await postActivity(h, messageActivity(h, FAY, 'register retrieval'));
    const card = lastCardTo(h, FAY);
    expect(cardText(card)).toContain('Register: Retrieval practice that sticks');
    expect(toggles(card)).toEqual({ 'present:stf-jo': 'true', 'present:stf-sam': 'true' });
    expect(card?.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'register.submit', data: { sessionId: 'ses-1' }, associatedInputs: 'auto' })]);
    expect(adaptiveCardProblems(card)).toEqual([]);

    // Teams posts the button's data merged with every toggle's value.
    const inputs = { sessionId: 'ses-1', 'present:stf-jo': 'true', 'present:stf-sam': 'false' };
    const saved = await postActivity(h, cardActionActivity(h, FAY, 'register.submit', inputs));
    const savedCard = invokeCard(saved.body).value;
    expect(cardText(savedCard)).toContain('Register saved: 1 present, 1 absent');
    expect(toggles(savedCard)).toEqual({ 'present:stf-jo': 'true', 'present:stf-sam': 'false' });
    const stored = async () => Promise.all(['stf-jo', 'stf-sam'].map(async (id) => (await h.store.participations.get(TENANT, participationId('ses-1', id)))!));
    const first = await stored();
    expect(first.map((p) => [p.value.staffId, p.value.rsvp, p.value.attended, p.value.attendanceMarkedBy])).toEqual([
      ['stf-jo', 'yes', true, 'stf-fay'],
      ['stf-sam', 'yes', false, 'stf-fay'],
    ]);
    // A retried invoke saves the same register: same answer, nothing rewritten.
    const again = await postActivity(h, cardActionActivity(h, FAY, 'register.submit', inputs));
    expect(cardText(invokeCard(again.body).value)).toContain('Register saved: 1 present, 1 absent');
    expect((await stored()).map((p) => p.version)).toEqual(first.map((p) => p.version));

    // A forged toggle for someone not on the register: refused, nothing written.
    const forged = await postActivity(h, cardActionActivity(h, FAY, 'register.submit', { ...inputs, 'present:stf-fay': 'true' }));
    expect(cardText(invokeCard(forged.body).value)).toContain('Nothing was saved');
    expect(await h.store.participations.get(TENANT, participationId('ses-1', 'stf-fay'))).toBeUndefined();

    // The session ends at 17:30; the scheduler's tick sends the reaction questionnaire to the register's attendees.
    h.clock.set('2026-11-24T17:31:00.000Z');
    const sentBefore = { jo: h.connector.sentTo(JO.conversationId).length, sam: h.connector.sentTo(SAM.conversationId).length };
    const scheduler = startScheduler({
      store: h.store,
      clock: h.clock,
      logger: pino({ level: 'silent' }),
      senders: [h.bot.sender],
      compose: (d) => composeMessage({ store: h.store, clock: h.clock }, d),
      instanceId: 'test',
      // Rate-limit waits move the test's clock instead of sleeping.
      sleep: async (ms) => h.clock.advance(ms),
    });
    const tick = await scheduler.runOnce();
    await scheduler.stop();
    expect(tick.dispatched.sent).toBeGreaterThanOrEqual(1);
    const questionnaires = (await h.store.deliveries.find(TENANT, { where: { kind: 'questionnaire' } })).map((d) => d.value.recipientId);
    expect(questionnaires).toEqual(['stf-jo']);
    const toJo = h.connector.sentTo(JO.conversationId).slice(sentBefore.jo).map((a) => cardText(FakeConnector.card(a)));
    // The session's own questionnaire (the harness writes it), not a second one made by the planner.
    expect(toJo).toEqual([expect.stringMatching(/^How was the twilight\?\nRetrieval practice that sticks\n/)]);
    expect(h.connector.sentTo(SAM.conversationId).slice(sentBefore.sam)).toEqual([]);
  });
});
