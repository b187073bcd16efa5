import { Staff } from '../../../src/domain';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { seedBookedCourse } from '../../support/booked-course';
import { FakeConnector } from '../../support/fake-connector';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, JO, TENANT, cardActionActivity, cardText, installActivity, invokeCard, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser } from './teams-harness';

const MIA: TeamsUser = { userId: '29:mia', aadObjectId: 'aad-mia', name: 'Mia Manager', conversationId: 'a:personal-mia' };
const HAL: TeamsUser = { userId: '29:hal', aadObjectId: 'aad-hal', name: 'Hal Head', conversationId: 'a:personal-hal' };
const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };

/** Issue 24 item 16 in Teams: "Can't go" on a booked course cancels it, frees its cost and tells the booker; one budget figure. */
describe('"Can\'t go" on a booked course via fake connector (real botbuilder, real scheduler)', () => {
  let h: TeamsHarness;
  let scheduler: Scheduler;
  let ids: { requestId: string; sessionId: string };
  beforeAll(async () => {
    h = await startTeamsHarness();
    h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
    const school = { ...tenant(TENANT), teamsTenantId: AAD_TENANT };
    await h.store.tenants.create(school);
    const person = (id: string, user: TeamsUser, extra: Partial<Staff> = {}) => Staff.parse({ tenantId: TENANT, id, name: user.name, email: `${id}@school.example`, teams: { aadObjectId: user.aadObjectId }, ...extra });
    await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
    await h.store.staff.create(person('stf-mia', MIA, { roles: ['staff', 'line-manager'], schoolId: 'sch-1' }));
    await h.store.staff.create(person('stf-hal', HAL, { schoolId: 'sch-1' }));
    await h.store.staff.create(person('stf-sam', SAM, { roles: ['staff', 'cpd-lead'] }));
    for (const user of [JO, MIA, HAL, SAM]) await postActivity(h, installActivity(h, user));
    ids = await seedBookedCourse(h.store, school, h.clock.now().toISOString());
    scheduler = startTestScheduler(h, [h.bot.sender]);
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  const say = async (user: TeamsUser, text: string) => {
    await postActivity(h, messageActivity(h, user, text));
    // Facts (the budget's figures) are values, not text blocks: the whole card.
    return JSON.stringify(FakeConnector.card(h.connector.sentTo(user.conversationId).at(-1)));
  };

  it("the booked card's budget left is the budget command's; Can't go cancels the booking, frees its cost and tells the booker and line manager", async () => {
    const card = JSON.stringify(invokeCard((await postActivity(h, cardActionActivity(h, SAM, 'request.open', { requestId: ids.requestId }))).body).value);
    expect(card).toContain('£4,460.00');
    expect(await say(SAM, 'budget 2026-27')).toContain('£4,460.00');

    // Pressed on a row of her `sessions` list: she is shown what happened, not the list again.
    const pressed = cardText(invokeCard((await postActivity(h, cardActionActivity(h, JO, 'rsvp.no', { sessionId: ids.sessionId, from: 'session-list' }))).body).value);
    expect(pressed).toContain('The course is cancelled and its cost no longer counts against the budget. Sam Lee and Mia Manager have been told.');
    expect((await h.store.cpdRequests.get(TENANT, ids.requestId))!.value.status).toBe('cancelled');
    expect(await say(SAM, 'budget 2026-27')).toContain('£4,700.00');

    await scheduler.runOnce();
    for (const who of [SAM, MIA]) {
      const told = h.connector.sentTo(who.conversationId).map((a) => cardText(FakeConnector.card(a))).filter((t) => t.includes("can't go to"));
      expect(told).toHaveLength(1);
    }
    expect(h.connector.sentTo(HAL.conversationId).map((a) => cardText(FakeConnector.card(a))).filter((t) => t.includes("can't go to"))).toEqual([]);
  });
});
