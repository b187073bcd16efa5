import { Staff } from '../../../src/domain';
import { LocalFileHost, TEST_FILE_LIMITS } from '../../support/file-host';
import type { Scheduler } from '../../../src/scheduler/scheduler';
import { onBothStores } from '../../support/both-stores';
import { seedBookedCourse } from '../../support/booked-course';
import { FakeConnector } from '../../support/fake-connector';
import { tenant } from '../../support/fixtures';
import { startTestScheduler } from '../../support/test-scheduler';
import { AAD_TENANT, cardActionActivity, cardElements, cardText, fileMessage, installActivity, invokeCard, JO, lastCardTo, LINKS_ORIGIN, messageActivity, postActivity, startTeamsHarness, type TeamsHarness, type TeamsUser, TENANT } from './teams-harness';

/** The first bytes of a real PNG, then some content: a certificate saved as a picture. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from('certificate of attendance')]);


const SAM: TeamsUser = { userId: '29:sam', aadObjectId: 'aad-sam', name: 'Sam Lee', conversationId: 'a:personal-sam' };

/** Issue 26 item 1 in Teams: after a booked course's last day Jo is asked whether she went; her yes puts it in `my cpd`. */
onBothStores('teams-course-attendance', (label, open, done) => {
  describe(`a booked course reaches the record via fake connector (real botbuilder, real scheduler) (${label})`, () => {
    let h: TeamsHarness;
    let scheduler: Scheduler;
    let ids: { requestId: string; sessionId: string };
    let host: LocalFileHost;
    beforeAll(async () => {
      host = await new LocalFileHost().start();
      h = await startTeamsHarness({ files: TEST_FILE_LIMITS }, { openStore: open, links: true });
      h.connector.setRoster(JO.conversationId, [{ id: JO.userId, name: JO.name, aadObjectId: JO.aadObjectId, email: 'jo.patel@school.example' }]);
      const school = { ...tenant(TENANT), teamsTenantId: AAD_TENANT };
      await h.store.tenants.create(school);
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-jo', name: JO.name, email: 'jo.patel@school.example', schoolId: 'sch-1', lineManagerId: 'stf-mia' }));
      await h.store.staff.create(Staff.parse({ tenantId: TENANT, id: 'stf-sam', name: SAM.name, email: 'stf-sam@school.example', teams: { aadObjectId: SAM.aadObjectId }, roles: ['staff', 'cpd-lead'] }));
      for (const user of [JO, SAM]) await postActivity(h, installActivity(h, user));
      ids = await seedBookedCourse(h.store, school, h.clock.now().toISOString());
      scheduler = startTestScheduler(h, [h.bot.sender]);
    });
    afterAll(async () => {
      await scheduler.stop();
      await h.close();
      await host.stop();
      await done();
    });

    const cardsTo = (user: TeamsUser) => h.connector.sentTo(user.conversationId).map((a) => cardText(FakeConnector.card(a)));

    it('asked once in the evening after the course (not during it); Attended puts it in my cpd with its hours, category and cost', async () => {
      // During the course (12 January 2027, 09:00–15:30 in London): nothing asked yet.
      h.clock.set('2027-01-12T12:00:00.000Z');
      await scheduler.runOnce();
      expect(cardsTo(JO).filter((t) => t.includes('Did you attend'))).toEqual([]);

      h.clock.set('2027-01-12T16:00:00.000Z');
      await scheduler.runOnce();
      await scheduler.runOnce();
      const asked = cardsTo(JO).filter((t) => t.includes('Did you attend "Leading early reading"?'));
      expect(asked).toHaveLength(1);
      const ask = FakeConnector.card(h.connector.sentTo(JO.conversationId).at(-1)!);
      expect(JSON.stringify(ask)).toContain('"verb":"request.attended"');

      const answered = invokeCard((await postActivity(h, cardActionActivity(h, JO, 'request.attended', { requestId: ids.requestId }))).body).value;
      expect(cardText(answered)).toContain('the course is on your CPD record with its hours');
      expect((await h.store.cpdRequests.get(TENANT, ids.requestId))!.value.status).toBe('attended');
      // Her answer is what brings the questionnaire and the "share what you learned" task.
      await scheduler.runOnce();

      await postActivity(h, messageActivity(h, JO, 'my cpd'));
      const record = cardText(FakeConnector.card(h.connector.sentTo(JO.conversationId).at(-1)!));
      expect(record).toContain('Leading early reading (External course: Fenland English Hub, Teaching & learning, £240.00)');
      expect(record).toContain('6.5');
      expect(record).toContain('2026-27: 6.5 hours, 1 entry');
      // The "share what you learned" task and the reaction questionnaire are hers to do.
      expect(record).toMatch(/Open gap tasks\nLeading early reading\nPlan · Due Tuesday 26 January/);
      expect(record).toContain('Reaction: Leading early reading');
    });

    it("her certificate attached in the chat is kept with the course; the Certificate link on its row of my cpd serves it", async () => {
      await postActivity(h, fileMessage(h, JO, 'certificate.png', host.put('/download/certificate.png', PNG)));
      expect(cardText(lastCardTo(h, JO))).toContain('Kept with "Leading early reading" on your record');
      await postActivity(h, messageActivity(h, JO, 'my cpd'));
      const link = cardElements(lastCardTo(h, JO)).find((e) => e.type === 'Action.OpenUrl' && String(e.url).includes('/links/certificate/'));
      const url = new URL(String(link!.url));
      expect(url.origin).toBe(LINKS_ORIGIN);
      const served = await fetch(`${h.baseUrl}${url.pathname}${url.search}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    });

    it('the lead, with no attended course of their own, is told what a certificate is for; nothing is kept', async () => {
      await postActivity(h, fileMessage(h, SAM, 'certificate.pdf', host.put('/download/sam.pdf', '%PDF-1.4 nothing')));
      expect(cardText(lastCardTo(h, SAM))).toContain('none of yours is on your record yet');
      expect(await h.store.courseCertificates.count(TENANT)).toBe(1);
    });
  });
});
