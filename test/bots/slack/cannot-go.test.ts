import { onBothStores } from '../../support/both-stores';
import { composeMessage } from '../../../src/app/compose-message';
import { CANNOT_GO_REASON, Staff, type Delivery } from '../../../src/domain';
import { seedBookedCourse } from '../../support/booked-course';
import { delivery, tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { JO, TENANT, buttonPress, findButton, postInteraction, slashCommand, startSlackHarness, type SlackHarness } from './slack-harness';

const MIA = { id: 'UMIA', email: 'mia@school.example', name: 'Mia Manager' };
const HAL = { id: 'UHAL', email: 'hal@school.example', name: 'Hal Head' };
const SAM = { id: 'USAM', email: 'sam@school.example', name: 'Sam Lee' };

/** Issue 24 item 16 in Slack: "Can't go" on a booked course cancels it, frees its cost and tells the booker; one budget figure. */
onBothStores('cannot-go', (label, open, done) => {
  describe(`"Can't go" on a booked course via fake Slack API (real bolt App, signed requests, real scheduler) (${label})`, () => {
    let h: SlackHarness;
    let ids: { requestId: string; sessionId: string };
    beforeAll(async () => {
      h = await startSlackHarness({ openStore: open });
      for (const u of [JO, MIA, HAL, SAM]) h.api.users.set(u.id, u);
      const school = { ...tenant(TENANT), slackTeamId: h.api.teamId };
      await h.store.tenants.create(school);
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: JO.email, schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-mia', name: MIA.name, email: MIA.email, roles: ['staff', 'line-manager'], schoolId: 'sch-1' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-hal', name: HAL.name, email: HAL.email, schoolId: 'sch-1' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: SAM.email, roles: ['staff', 'cpd-lead'] }));
      await h.bot.linkStaffByEmail(TENANT);
      ids = await seedBookedCourse(h.store, school, h.clock.now().toISOString());
    });
    afterAll(async () => {
      await h.close();
      await done();
    });

    async function sendTo(recipientId: string, kind: Delivery['kind'], subject: Delivery['subject']) {
      const record = delivery(TENANT, recipientId, { kind, subject });
      const composed = await composeMessage(h, record);
      if (!composed.ok) throw new Error(composed.reason);
      const sent = await h.bot.sender.send(composed.recipient, composed.message, record);
      return { where: { channel: (sent as { conversationId: string }).conversationId, ts: (sent as { messageId: string }).messageId }, blocks: h.api.callsOf('chat.postMessage').at(-1)!.args.blocks };
    }

    it("the booked card's budget left is the budget command's; Can't go cancels the booking, frees its cost and tells the booker and line manager", async () => {
      // £5,000 less £240 booked and £300 approved: the same £4,460 on the card and in `budget`.
      const card = JSON.stringify((await sendTo('stf-sam', 'request-update', { requestId: ids.requestId })).blocks);
      expect(card).toContain('Budget left 2026-27');
      expect(card).toContain('£4,460.00');
      await slashCommand(h, SAM, 'budget 2026-27', 'trg-budget');
      expect(JSON.stringify(h.api.ephemeralFrom('/response/trg-budget')!.args.blocks)).toContain('£4,460.00');

      // Jo cannot go after all: she says so on the course's invitation.
      const invitation = await sendTo('stf-jo', 'invitation', { sessionId: ids.sessionId });
      await postInteraction(h, buttonPress(JO, invitation.where, findButton(invitation.blocks, 'rsvp.no'), 'trg-no'));
      const shown = JSON.stringify(h.api.callsOf('chat.update').at(-1)!.args.blocks);
      expect(shown).toContain('The course is cancelled and its cost no longer counts against the budget. Sam Lee and Mia Manager have been told.');
      expect((await h.store.cpdRequests.get(TENANT, ids.requestId))!.value).toMatchObject({ status: 'cancelled', closedBy: 'stf-jo', closedReason: CANNOT_GO_REASON });
      expect((await h.store.sessions.get(TENANT, ids.sessionId))!.value.status).toBe('cancelled');
      await slashCommand(h, SAM, 'budget 2026-27', 'trg-budget-2');
      expect(JSON.stringify(h.api.ephemeralFrom('/response/trg-budget-2')!.args.blocks)).toContain('£4,700.00');

      // The booker and the line manager are told in chat by the outbox; pressing again sends nothing more.
      await postInteraction(h, buttonPress(JO, invitation.where, findButton(invitation.blocks, 'rsvp.no'), 'trg-no-2'));
      const scheduler = startTestScheduler(h, [h.bot.sender]);
      await scheduler.runOnce();
      await scheduler.stop();
      for (const who of [SAM, MIA]) {
        const told = h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === who.id && String(c.args.text).includes("can't go to"));
        expect(told).toHaveLength(1);
        expect(String(told[0]!.args.text)).toContain('Jo Patel can\'t go to "Leading early reading": the booking is cancelled');
      }
      expect(h.api.callsOf('chat.postMessage').filter((c) => c.args.channel === HAL.id && String(c.args.text).includes("can't go to"))).toEqual([]);
    });
  });
});
