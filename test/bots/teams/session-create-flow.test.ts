import { Staff } from '../../../src/domain';
import { startTestScheduler } from '../../support/test-scheduler';
import { adaptiveCardProblems } from '../../cards/adaptive/validate-adaptive-card';
import { FakeConnector } from '../../support/fake-connector';
import {
  JO,
  LEAD,
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

type Json = Record<string, unknown>;

const FORM = {
  title: 'Questioning for all',
  category: 'TL',
  kind: 'twilight',
  date: '2026-11-26',
  start: '16:00',
  end: '17:00',
  place: 'Science block, room S4',
  description: 'Cold calling, wait time and no opt out.',
  audienceKind: 'staff',
  audienceValue: 'jo.patel@school.example',
  capacity: '',
  compulsory: 'false',
  intent: 'Every pupil answers in every lesson',
  gapTask: 'Try no opt out with one class for two weeks',
};

describe('Teams: a lead creates and publishes a session from chat; the audience is invited by the scheduler', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeamsHarness({}, { links: true });
    await seedSchool(h);
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-lee', name: LEAD.name, email: 'lee.lead@school.example', roles: ['staff', 'cpd-lead'] }));
    h.connector.setRoster(LEAD.conversationId, [{ id: LEAD.userId, name: LEAD.name, aadObjectId: LEAD.aadObjectId, email: 'lee.lead@school.example' }]);
    for (const user of [JO, LEAD]) expect((await postActivity(h, installActivity(h, user))).status).toBe(200);
  });
  afterAll(() => h.close());

  it('"new session" → card form → refused input comes back kept → published → invitation with add-to-calendar → RSVP', async () => {
    // Staff who are not leads are told so; a lead gets the form.
    await postActivity(h, messageActivity(h, JO, 'new session'));
    expect(cardText(lastCardTo(h, JO))).toContain('Only CPD leads');
    await postActivity(h, messageActivity(h, LEAD, 'new session'));
    const form = lastCardTo(h, LEAD);
    const inputs = cardElements(form).filter((e) => String(e.type).startsWith('Input.'));
    expect(inputs.map((e) => e.id)).toEqual(expect.arrayContaining(['title', 'date', 'start', 'end', 'place', 'audienceKind', 'audienceValue', 'capacity', 'compulsory', 'intent', 'gapTask']));
    expect(form?.actions).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'session.create', associatedInputs: 'auto' })]);
    expect(adaptiveCardProblems(form)).toEqual([]);

    // No place and an unknown person: the same form comes back with both marked and the input kept; nothing is stored.
    const refused = await postActivity(h, cardActionActivity(h, LEAD, 'session.create', { ...FORM, place: '', audienceValue: 'jo.patel@school.example, nobody@school.example' }));
    const refusedCard = invokeCard(refused.body).value as unknown as Json;
    expect(cardText(refusedCard)).toContain('Give a place, a meeting link, or both.');
    expect(cardElements(refusedCard).find((e) => e.id === 'title')?.value).toBe('Questioning for all');
    expect(await h.store.sessions.count(TENANT, {})).toBe(1);
    const unknownPerson = await postActivity(h, cardActionActivity(h, LEAD, 'session.create', { ...FORM, audienceValue: 'jo.patel@school.example, nobody@school.example' }));
    expect(cardText(invokeCard(unknownPerson.body).value)).toContain("I can't find nobody@school.example in the staff list.");
    expect(await h.store.sessions.count(TENANT, {})).toBe(1);

    // Published; pressing again (a retried invoke) creates nothing new.
    const created = await postActivity(h, cardActionActivity(h, LEAD, 'session.create', FORM));
    expect(cardText(invokeCard(created.body).value)).toMatch(/"Questioning for all" \(Thursday 26 November, 16:00–17:00\) is published/);
    const again = await postActivity(h, cardActionActivity(h, LEAD, 'session.create', FORM));
    expect(cardText(invokeCard(again.body).value)).toContain('It already existed');
    const sessions = (await h.store.sessions.find(TENANT, { where: { title: 'Questioning for all' } })).map((s) => s.value);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({
      status: 'published',
      startsAt: '2026-11-26T16:00:00.000Z',
      audience: { kind: 'staff', staffIds: ['stf-jo'] },
      gapTask: { intent: FORM.intent, task: FORM.gapTask },
      createdBy: 'stf-lee',
    });

    // The scheduler's next tick invites the audience (Jo) and nobody else, through the real Teams sender.
    const sentBefore = { jo: h.connector.sentTo(JO.conversationId).length, lee: h.connector.sentTo(LEAD.conversationId).length };
    const scheduler = startTestScheduler(h, [h.bot.sender]);
    const tick = await scheduler.runOnce();
    await scheduler.stop();
    expect(tick.dispatched.sent).toBeGreaterThanOrEqual(1);
    // (The seeded trust-wide session invites everyone as well, and the lead's weekly digest goes out; only invitations to the new session count here.)
    const about = (user: TeamsUser, since: number) =>
      h.connector
        .sentTo(user.conversationId)
        .slice(since)
        .map((a) => FakeConnector.card(a))
        .filter((card) => cardText(card).includes("You're invited") && cardText(card).includes('Questioning for all'));
    expect(about(LEAD, sentBefore.lee)).toEqual([]);
    const invitations = about(JO, sentBefore.jo);
    expect(invitations).toHaveLength(1);
    const invitation = invitations[0];
    expect(cardText(invitation)).toContain('Questioning for all');
    expect(adaptiveCardProblems(invitation)).toEqual([]);

    // Its add-to-calendar link serves the session as .ics from the bot's own server.
    const calendar = cardElements(invitation).find((e) => e.type === 'Action.OpenUrl' && e.title === 'Add to calendar');
    const url = new URL(String(calendar?.url));
    const ics = await fetch(`${h.baseUrl}${url.pathname}${url.search}`);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:Questioning for all');

    // Jo says yes from the invitation.
    const rsvp = await postActivity(h, cardActionActivity(h, JO, 'rsvp.yes', { sessionId: sessions[0]!.id }));
    expect(cardText(invokeCard(rsvp.body).value)).toContain("You're booked on");
  });
  it('"edit" opens the form filled in; a new time tells Jo, who is booked on; "cancel" asks first, then tells her and stops her reminders', async () => {
    const session = (await h.store.sessions.find(TENANT, { where: { title: 'Questioning for all' } }))[0]!.value;
    await postActivity(h, messageActivity(h, LEAD, 'edit questioning'));
    const form = lastCardTo(h, LEAD);
    expect(cardElements(form).find((e) => e.id === 'title')?.value).toBe('Questioning for all');
    expect(cardElements(form).find((e) => e.id === 'start')?.value).toBe('16:00');
    expect(cardElements(form).find((e) => e.id === 'audienceValue')?.value).toBe('jo.patel@school.example');
    expect(form?.actions).toEqual([expect.objectContaining({ verb: 'session.update', data: { sessionId: session.id } })]);
    expect(adaptiveCardProblems(form)).toEqual([]);

    // Saved with a new start: Jo (booked on) is told once, by the next tick.
    const moved = await postActivity(h, cardActionActivity(h, LEAD, 'session.update', { ...FORM, start: '15:30', sessionId: session.id }));
    expect(cardText(invokeCard(moved.body).value)).toContain('is now Thursday 26 November, 15:30–17:00');
    const before = h.connector.sentTo(JO.conversationId).length;
    const scheduler = startTestScheduler(h, [h.bot.sender]);
    // One instance plans each minute: the next minute's tick plans the change.
    h.clock.advance(60_000);
    await scheduler.runOnce();
    const changed = h.connector.sentTo(JO.conversationId).slice(before).map((a) => cardText(FakeConnector.card(a)));
    expect(changed.filter((t) => t.includes('Questioning for all'))).toEqual([expect.stringContaining('This session has changed')]);

    // "cancel" shows the session and a button; nothing changes until it is pressed (twice: one cancellation).
    await postActivity(h, messageActivity(h, LEAD, 'cancel questioning'));
    const confirm = lastCardTo(h, LEAD);
    expect(cardText(confirm)).toContain('1 person is booked on');
    expect((await h.store.sessions.get(TENANT, session.id))?.value.status).toBe('published');
    for (let press = 0; press < 2; press++) {
      const cancelled = await postActivity(h, cardActionActivity(h, LEAD, 'session.cancel', { sessionId: session.id }));
      expect(cardText(invokeCard(cancelled.body).value)).toContain('Session cancelled');
    }
    expect((await h.store.sessions.get(TENANT, session.id))?.value.status).toBe('cancelled');
    const beforeCancel = h.connector.sentTo(JO.conversationId).length;
    h.clock.advance(60_000);
    await scheduler.runOnce();
    // After the day-before reminder time, nothing more about it has reached Jo: the reminders were stopped.
    h.clock.set('2026-11-25T15:30:00.000Z');
    await scheduler.runOnce();
    await scheduler.stop();
    const after = h.connector.sentTo(JO.conversationId).slice(beforeCancel).map((a) => cardText(FakeConnector.card(a)));
    expect(after.filter((t) => t.includes('Questioning for all'))).toEqual([expect.stringContaining('This session has been cancelled')]);
  });

  it('every field is checked at once: a past date, a bad link, a bad capacity and an unknown person are all marked together', async () => {
    const before = await h.store.sessions.count(TENANT, {});
    const refused = await postActivity(
      h,
      cardActionActivity(h, LEAD, 'session.create', { ...FORM, title: 'All at once', date: '2026-11-02', meetingUrl: 'http://meet.example/x', capacity: 'lots', audienceValue: 'nobody@school.example' }),
    );
    const text = cardText(invokeCard(refused.body).value);
    expect(text).toContain('Choose a date and time in the future.');
    expect(text).toContain('A meeting link must start with https://');
    expect(text).toContain('Give a whole number of places from 1 to 10000.');
    expect(text).toContain("I can't find nobody@school.example in the staff list.");
    expect(await h.store.sessions.count(TENANT, {})).toBe(before);
  });
});
